import { type Rect, type Size, type ViewTransform, zoomAround } from '../../../core/geometry';
import type { Point } from '../../../core/types';

/** Browsers refuse (or silently blank) canvases above this many pixels (Safari/iOS, Chrome's GPU path). */
export const MAX_CANVAS_PIXELS = 16_777_216;
/** Largest side Chromium/Skia accepts for a canvas. */
export const MAX_CANVAS_SIDE = 32_767;

/** How far zoom may go, relative to the fitted scale. */
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 40;

/**
 * The largest pixel ratio ≤ `ratio` that keeps a `width`×`height` CSS-pixel canvas within
 * `limit` pixels and `MAX_CANVAS_SIDE` per side. Never below a tiny positive number.
 */
export function capPixelRatio(
  ratio: number,
  width: number,
  height: number,
  limit = MAX_CANVAS_PIXELS,
): number {
  const wanted = Number.isFinite(ratio) && ratio > 0 ? ratio : 1;
  if (width <= 0 || height <= 0) return wanted;
  const byArea = Math.sqrt(limit / (width * height));
  const bySide = MAX_CANVAS_SIDE / Math.max(width, height);
  return Math.max(1e-3, Math.min(wanted, byArea, bySide));
}

/** Output size of `toDataURL`: natural size × pixel ratio, scaled down to fit the canvas limits. */
export function planExport(
  natural: Size,
  pixelRatio = 1,
  limit = MAX_CANVAS_PIXELS,
): { width: number; height: number; scale: number } {
  let scale = capPixelRatio(pixelRatio, natural.width, natural.height, limit);
  let width = Math.max(1, Math.round(natural.width * scale));
  let height = Math.max(1, Math.round(natural.height * scale));
  // Rounding up may cross the limit by a row or column; step down until it does not.
  while (width * height > limit || Math.max(width, height) > MAX_CANVAS_SIDE) {
    scale *= 0.999;
    width = Math.max(1, Math.floor(natural.width * scale));
    height = Math.max(1, Math.floor(natural.height * scale));
  }
  return { width, height, scale: width / natural.width };
}

/** `scale` kept within `least..MAX_ZOOM` × the fitted scale. */
const clampScale = (scale: number, fitScale: number, least = MIN_ZOOM) =>
  Math.min(fitScale * MAX_ZOOM, Math.max(fitScale * least, scale));

/** The same scale, the offset moved by `dx`, `dy` (screen pixels). */
export const panView = (view: ViewTransform, dx: number, dy: number): ViewTransform => ({
  scale: view.scale,
  offsetX: view.offsetX + dx,
  offsetY: view.offsetY + dy,
});

/** Zoom by `factor` around `anchor`, keeping the scale within `MIN_ZOOM..MAX_ZOOM` × fitted scale. */
export function zoomView(
  view: ViewTransform,
  factor: number,
  anchor: Point,
  fitScale: number,
): ViewTransform {
  return zoomAround(view, clampScale(view.scale * factor, fitScale) / view.scale, anchor);
}

/** A view that shows `rect` (image pixels) centred, with `padding` screen pixels around it. */
export function viewForRect(
  rect: Rect,
  stage: Size,
  fitScale: number,
  padding = 24,
): ViewTransform {
  const width = Math.max(rect.width, 1);
  const height = Math.max(rect.height, 1);
  const scale = clampScale(
    Math.min((stage.width - padding * 2) / width, (stage.height - padding * 2) / height),
    fitScale,
    1,
  );
  return {
    scale,
    offsetX: stage.width / 2 - (rect.x + rect.width / 2) * scale,
    offsetY: stage.height / 2 - (rect.y + rect.height / 2) * scale,
  };
}

/** The same view, panned as little as possible so `rect` is on screen (centred if it cannot fit). */
export function panToShow(view: ViewTransform, rect: Rect, stage: Size, margin = 8): ViewTransform {
  /** How far to pan along one axis. */
  const axis = (offset: number, start: number, size: number, extent: number) => {
    const a = start * view.scale + offset;
    const b = a + size * view.scale;
    if (b - a > extent - margin * 2) return extent / 2 - (a + b) / 2;
    if (a < margin) return margin - a;
    if (b > extent - margin) return extent - margin - b;
    return 0;
  };
  return panView(
    view,
    axis(view.offsetX, rect.x, rect.width, stage.width),
    axis(view.offsetY, rect.y, rect.height, stage.height),
  );
}
