import { OcrError } from '../../core/errors';
import { type DrawStyle, drawBoxes, drawLabels, type LabelCache, LEGIBLE_FONT_PX } from './draw';
import { clipTo } from './frame';
import type { OverlayModel } from './model';
import type { OcrLabelMode, OcrOverlayToDataURLOptions } from './types';
import type { ImageLoadState } from './useImageSource';
import { planExport } from './view';

/**
 * The whole image at natural size (× `pixelRatio`, capped to the canvas limits) with every box,
 * and labels when they are legible at that size. Drawn straight onto one canvas with the same
 * draw functions as the screen, so the export never depends on the current zoom or viewport.
 */
export function exportDataURL(
  image: ImageLoadState,
  inputs: { model: OverlayModel; style: DrawStyle; labelCache: LabelCache; labels: OcrLabelMode },
  options: OcrOverlayToDataURLOptions,
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
  ctx.drawImage(image.source, 0, 0, plan.width, plan.height);
  ctx.scale(plan.scale, plan.scale);
  clipTo(ctx, image);
  const { model, style, labelCache, labels } = inputs;
  drawBoxes(ctx, model, model.groups, plan.scale, style);
  if (
    labels === 'always' ||
    (labels === 'auto' && style.fontSize * plan.scale >= LEGIBLE_FONT_PX)
  ) {
    const all = Array.from(model.words.keys());
    drawLabels(ctx, model, all, labelCache, style.fontSize, style.fontFamily);
  }
  return canvas.toDataURL(options.mimeType ?? 'image/png', options.quality);
}
