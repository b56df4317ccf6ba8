import { OcrError } from '../../../core/errors';

/**
 * The engine's parts that only act once there is an image: the renderer (boxes, rings, labels
 * and their placement, pan strips), pointer, wheel and keyboard input, and the export. An overlay
 * loads them with `import()` from its first render in a browser (or when it connects), while its
 * image loads, so they are not in the bundle the page's first render waits for; the overlay draws, and is `ready`, once both have
 * arrived. One load serves every overlay of the page.
 */
export type DeferredParts = typeof import('./deferredParts');

let parts: DeferredParts | null = null;
let loading: Promise<DeferredParts> | null = null;

/** The parts, once loaded; `null` before. */
export const deferredParts = (): DeferredParts | null => parts;

/**
 * Loads the parts once per page. A failed load (the chunk could not be fetched, e.g. after a
 * deploy replaced it) rejects with a typed `network` error and is tried again by the next call.
 */
export function loadDeferredParts(): Promise<DeferredParts> {
  loading ??= import('./deferredParts').then(
    (loaded) => {
      parts = loaded;
      return loaded;
    },
    (cause: unknown) => {
      loading = null;
      throw new OcrError('network', "The overlay's drawing and input code did not load.", {
        cause,
        retryable: true,
      });
    },
  );
  return loading;
}
