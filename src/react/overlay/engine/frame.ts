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

/** Screen pixels around what is drawn whose words are traced too: strokes and labels reach in. */
const CULL_PAD_PX = 64;

/** What a layer's scene function does with its canvas this time. */
export type FramePlan =
  | { kind: 'keep' }
  | { kind: 'full' }
  /** The old pixels were moved by the pan; only these device-pixel rects need drawing. */
  | { kind: 'shift'; strips: Array<readonly [number, number, number, number]> };

/**
 * The image and box layers do not clear themselves (`clearBeforeDraw: false`). Asked to redraw
 * with the same inputs, view and canvas (react-konva's follow-up `batchDraw`, a hover elsewhere)
 * they keep their pixels. After a pan at the same scale by a whole number of device pixels they
 * move the pixels they have and draw only the strips the pan uncovered: rasterising a photo and
 * thousands of strokes again on every frame of a drag is what made pans slow (in software, the
 * paint after each draw cost far more than the draw calls). Otherwise: clear, draw everything.
 */
export function planFrame(
  store: { current: DrawnKey | null },
  ctx: CanvasRenderingContext2D,
  inputs: unknown,
  view: ViewTransform,
  pixelRatio: number,
): FramePlan {
  const { canvas } = ctx;
  const key: DrawnKey = {
    canvas,
    inputs,
    scale: view.scale,
    x: view.offsetX,
    y: view.offsetY,
    width: canvas.width,
    height: canvas.height,
  };
  const last = store.current;
  store.current = key;
  const same = (k: keyof DrawnKey) => last?.[k] === key[k];
  if (last && (Object.keys(key) as (keyof DrawnKey)[]).every(same)) return { kind: 'keep' };
  const dx = last ? (key.x - last.x) * pixelRatio : Number.NaN;
  const dy = last ? (key.y - last.y) * pixelRatio : Number.NaN;
  const whole = (d: number) => Math.abs(d - Math.round(d)) < 0.01;
  const { width, height } = canvas;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (
    last &&
    ['canvas', 'inputs', 'scale', 'width', 'height'].every((k) => same(k as keyof DrawnKey)) &&
    whole(dx) &&
    whole(dy) &&
    Math.abs(dx) < width / 2 &&
    Math.abs(dy) < height / 2
  ) {
    const ix = Math.round(dx);
    const iy = Math.round(dy);
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(canvas, ix, iy);
    ctx.globalCompositeOperation = 'source-over';
    const strips: Array<readonly [number, number, number, number]> = [];
    if (ix > 0) strips.push([0, 0, ix, height]);
    if (ix < 0) strips.push([width + ix, 0, -ix, height]);
    if (iy > 0) strips.push([0, 0, width, iy]);
    if (iy < 0) strips.push([0, height + iy, width, -iy]);
    for (const [x, y, w, h] of strips) ctx.clearRect(x, y, w, h);
    ctx.restore();
    return { kind: 'shift', strips };
  }
  ctx.clearRect(0, 0, width, height);
  ctx.restore();
  return { kind: 'full' };
}

/**
 * Clips `ctx` to device-pixel `strips` (keeping its transform), for drawing only what a pan
 * uncovered; returns their bounds in image pixels, to cull what is traced.
 */
export function clipToStrips(
  ctx: CanvasRenderingContext2D,
  strips: ReadonlyArray<readonly [number, number, number, number]>,
  view: ViewTransform,
  pixelRatio: number,
): readonly [number, number, number, number] {
  const transform = ctx.getTransform();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.beginPath();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y, w, h] of strips) {
    ctx.rect(x, y, w, h);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  }
  ctx.clip();
  ctx.setTransform(transform);
  const toImage = (device: number, offset: number) => (device / pixelRatio - offset) / view.scale;
  // Padded like `visibleRect`, so strokes and labels crossing into a strip are traced.
  const pad = CULL_PAD_PX / view.scale;
  return [
    toImage(minX, view.offsetX) - pad,
    toImage(minY, view.offsetY) - pad,
    toImage(maxX, view.offsetX) + pad,
    toImage(maxY, view.offsetY) + pad,
  ] as const;
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
  const pad = CULL_PAD_PX / view.scale;
  return [
    -view.offsetX / view.scale - pad,
    -view.offsetY / view.scale - pad,
    (width - view.offsetX) / view.scale + pad,
    (height - view.offsetY) / view.scale + pad,
  ] as const;
}
