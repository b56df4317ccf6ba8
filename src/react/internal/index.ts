export { composeEventHandlers } from './composeEventHandlers';
export { type UseControllableStateOptions, useControllableState } from './useControllableState';
export { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';
export { useLatest } from './useLatest';
export { type ElementSize, useResizeObserver } from './useResizeObserver';
