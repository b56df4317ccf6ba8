import { OcrError } from '../../../core/errors';
import type { ImageLoadState } from './image';
import { drawBoxScene, drawImageScene, type SceneInputs } from './scene';
import { planExport } from './view';

export interface OverlayExportOptions {
  /** @default 'image/png' */
  mimeType?: string;
  /** For lossy formats, 0..1. */
  quality?: number;
  /**
   * Output pixels per natural image pixel. Lowered automatically so the output stays within
   * 16,777,216 pixels (and 32,767 per side).
   * @default 1
   */
  pixelRatio?: number;
}

/**
 * The whole image at natural size (× `pixelRatio`, capped to the canvas limits) with every box,
 * and labels when they are legible at that size. Drawn by the same scene functions as the
 * screen, so the export never depends on the current zoom or viewport.
 */
export function exportDataURL(
  image: ImageLoadState,
  scene: SceneInputs,
  options: OverlayExportOptions,
): string {
  if (image.status !== 'ready') {
    throw new OcrError('invalid-input', 'toDataURL needs the image to be loaded first.');
  }
  const plan = planExport(image, options.pixelRatio ?? 1);
  const canvas = document.createElement('canvas');
  canvas.width = plan.width;
  canvas.height = plan.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new OcrError('invalid-input', 'No 2D canvas context is available.');
  // The image fills the output exactly; boxes are drawn in image pixels on top.
  drawImageScene(ctx, image.source, plan);
  ctx.scale(plan.scale, plan.scale);
  drawBoxScene(ctx, scene, image, plan.scale, null);
  return canvas.toDataURL(options.mimeType ?? 'image/png', options.quality);
}
