export { composeEventHandlers } from './composeEventHandlers';
export { splitProps } from './splitProps';
export { type UseControllableStateOptions, useControllableState } from './useControllableState';
export { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';
export { useLatest } from './useLatest';
export { type OcrLocale, useMessages } from './useMessages';
export { type ElementSize, useResizeObserver } from './useResizeObserver';
