export { composeEventHandlers } from './composeEventHandlers';
export { splitProps } from './splitProps';
export { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';
export { useLatest } from './useLatest';
export { type OcrLocale, useMessages } from './useMessages';
