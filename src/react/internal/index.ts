export { composeEventHandlers } from './composeEventHandlers';
export { resolveLocale } from './locale';
export { splitProps } from './splitProps';
export { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';
export { useLatest } from './useLatest';
export { useMessages } from './useMessages';
