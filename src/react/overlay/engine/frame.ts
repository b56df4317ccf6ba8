import type { ViewTransform } from '../../../core/geometry';

/** What the box layer was last drawn from, so a redraw with the same inputs is skipped. */
export interface DrawnKey {
  canvas: HTMLCanvasElement;
  inputs: unknown;
  scale: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The image and box layers do not clear themselves (`clearBeforeDraw: false`): when a layer is
 * asked to redraw with the same inputs, view and canvas (react-konva's follow-up `batchDraw`, a
 * hover elsewhere) its pixels are kept as they are. Otherwise clear and let the caller draw.
 */
export function keepFrame(
  store: { current: DrawnKey | null },
  ctx: CanvasRenderingContext2D,
  inputs: unknown,
  view: ViewTransform,
): boolean {
  const key: DrawnKey = {
    canvas: ctx.canvas,
    inputs,
    scale: view.scale,
    x: view.offsetX,
    y: view.offsetY,
    width: ctx.canvas.width,
    height: ctx.canvas.height,
  };
  const last = store.current;
  if (last && (Object.keys(key) as (keyof DrawnKey)[]).every((k) => last[k] === key[k])) {
    return true;
  }
  store.current = key;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
  return false;
}

export function clipTo(
  ctx: CanvasRenderingContext2D,
  size: { width: number; height: number },
): void {
  ctx.beginPath();
  ctx.rect(0, 0, size.width, size.height);
  ctx.clip();
}

/** The image-pixel rect on screen, padded so strokes and labels at the edges are not culled. */
export function visibleRect(view: ViewTransform, width: number, height: number) {
  const pad = 64 / view.scale;
  return [
    -view.offsetX / view.scale - pad,
    -view.offsetY / view.scale - pad,
    (width - view.offsetX) / view.scale + pad,
    (height - view.offsetY) / view.scale + pad,
  ] as const;
}
