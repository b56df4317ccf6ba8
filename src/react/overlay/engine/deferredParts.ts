/** What `deferred.ts` loads, in one `import()`: one chunk for an app's bundler, not several. */
export { exportDataURL } from './export';
export { OverlayInput } from './input';
export { StageRenderer } from './stage';
