import type { OverlayController } from './engine/controller';

export interface OcrTextLayerProps {
  /** The engine from `useOcrOverlay(…).controller`. */
  controller: OverlayController<never>;
}

/**
 * The words as DOM text over the canvas (selectable, copyable, found by find-in-page, read by
 * screen readers), filled by the engine. Put it inside the element that gets
 * `getSurfaceProps()`, after `<OcrOverlayCanvas>`.
 */
export function OcrTextLayer({ controller }: OcrTextLayerProps) {
  return <div ref={controller.attachTextLayer} data-ocr-text-layer="" />;
}
