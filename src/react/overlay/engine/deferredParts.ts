/** What `deferred.ts` loads, in one `import()`: one chunk for an app's bundler, not three. */
export { exportDataURL } from './export';
export { OverlayInput } from './input';
export { focusPlate, layoutLabels } from './labelLayout';
