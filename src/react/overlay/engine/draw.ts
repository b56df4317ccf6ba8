import { type OverlayModel, wordsIn } from './model';

/**
 * Quads per stroked path. One path of 10k sub-paths strokes in ~270 ms in software Skia;
 * chunks of 16–64 stay near ~8 ms. 32 sits in the middle of that plateau.
 */
export const CHUNK_SIZE = 32;

/** Labels smaller than this on screen (CSS px) are not drawn in `labels="auto"` mode. */
export const LEGIBLE_FONT_PX = 9;

/** Sizes in screen (CSS) pixels; the draw functions convert them to image pixels. */
export interface DrawStyle {
  strokeWidth: number;
  fillOpacity: number;
  /** Label font size in image pixels. */
  fontSize: number;
  fontFamily: string;
}

/** Labels and their measured widths (at 100 px), filled lazily per word. */
export interface LabelCache {
  texts: (string | undefined)[];
  widths: Float64Array;
  format: (index: number) => string;
}

export function createLabelCache(count: number, format: (index: number) => string): LabelCache {
  return { texts: new Array(count), widths: new Float64Array(count).fill(-1), format };
}

function tracePath(ctx: CanvasRenderingContext2D, c: Float64Array, i: number): void {
  const o = i * 8;
  ctx.moveTo(c[o]!, c[o + 1]!);
  ctx.lineTo(c[o + 2]!, c[o + 3]!);
  ctx.lineTo(c[o + 4]!, c[o + 5]!);
  ctx.lineTo(c[o + 6]!, c[o + 7]!);
  ctx.closePath();
}

/**
 * Word indices per colour, limited to `visible` (image-pixel rect) when it does not already
 * contain every word: when zoomed in, only what is on screen is traced.
 */
export function visibleGroups(
  model: OverlayModel,
  visible: readonly [number, number, number, number] | null,
): ArrayLike<number>[] {
  const [minX, minY, maxX, maxY] = model.extent;
  if (
    !visible ||
    model.words.length === 0 ||
    (visible[0] <= minX && visible[1] <= minY && visible[2] >= maxX && visible[3] >= maxY)
  ) {
    return model.groups;
  }
  const found = wordsIn(model, visible[0], visible[1], visible[2], visible[3]);
  const groups: number[][] = model.colors.map(() => []);
  for (const i of found) groups[model.colorOf[i]!]!.push(i);
  return groups;
}

/**
 * Strokes (and fills) every quad in `groups`, one colour at a time, `CHUNK_SIZE` quads per path.
 * `ctx` is in image pixels; `scale` is screen pixels per image pixel, so strokes keep a constant
 * on-screen width. Degenerate quads trace as lines and still stroke.
 */
export function drawBoxes(
  ctx: CanvasRenderingContext2D,
  model: OverlayModel,
  groups: ArrayLike<number>[],
  scale: number,
  style: DrawStyle,
): void {
  ctx.lineWidth = style.strokeWidth / scale;
  // Miter joins: round joins cost noticeably more to rasterize in software at 10k quads.
  ctx.lineJoin = 'miter';
  ctx.lineCap = 'butt';
  const fill = style.fillOpacity > 0;
  for (let c = 0; c < groups.length; c++) {
    const group = groups[c]!;
    if (group.length === 0) continue;
    ctx.strokeStyle = model.colors[c]!;
    ctx.fillStyle = model.colors[c]!;
    for (let start = 0; start < group.length; start += CHUNK_SIZE) {
      const end = Math.min(group.length, start + CHUNK_SIZE);
      ctx.beginPath();
      for (let k = start; k < end; k++) tracePath(ctx, model.coords, group[k]!);
      if (fill) {
        ctx.globalAlpha = style.fillOpacity;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
      if (style.strokeWidth > 0) ctx.stroke();
    }
  }
}

function labelWidth(
  ctx: CanvasRenderingContext2D,
  cache: LabelCache,
  i: number,
  size: number,
): string {
  let text = cache.texts[i];
  if (text === undefined) {
    text = cache.format(i);
    cache.texts[i] = text;
  }
  if (cache.widths[i]! < 0) cache.widths[i] = ctx.measureText(text).width / size;
  return text;
}

/**
 * Draws label tags (dark plate, colour swatch, white text via `fillText`: never parsed as HTML)
 * above each word's box, or inside its top when there is no room above the image edge.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  model: OverlayModel,
  indices: ArrayLike<number>,
  cache: LabelCache,
  fontSize: number,
  fontFamily: string,
): void {
  if (indices.length === 0 || fontSize <= 0) return;
  ctx.font = `${fontSize}px ${fontFamily}`;
  const pad = fontSize * 0.25;
  const height = fontSize * 1.3;
  const swatch = fontSize * 0.6;
  const n = indices.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const ws = new Float64Array(n);
  const texts: string[] = new Array(n);
  ctx.beginPath();
  for (let k = 0; k < n; k++) {
    const i = indices[k]!;
    texts[k] = labelWidth(ctx, cache, i, fontSize);
    const x = model.bounds[i * 4]!;
    const top = model.bounds[i * 4 + 1]!;
    const y = top - height < 0 ? top : top - height;
    const w = cache.widths[i]! * fontSize + swatch + pad * 3;
    xs[k] = x;
    ys[k] = y;
    ws[k] = w;
    ctx.rect(x, y, w, height);
  }
  ctx.fillStyle = 'rgba(17,17,17,0.78)';
  ctx.fill();
  for (let k = 0; k < n; k++) {
    ctx.fillStyle = model.colors[model.colorOf[indices[k]!]!]!;
    ctx.fillRect(xs[k]! + pad, ys[k]! + (height - swatch) / 2, swatch, swatch);
  }
  ctx.fillStyle = '#fff';
  ctx.textBaseline = 'middle';
  for (let k = 0; k < n; k++) {
    ctx.fillText(texts[k]!, xs[k]! + swatch + pad * 2, ys[k]! + height / 2);
  }
}

/** Hover and selection outlines: a white halo under the word's own colour, thicker when selected. */
export function drawHighlight(
  ctx: CanvasRenderingContext2D,
  model: OverlayModel,
  i: number,
  scale: number,
  style: DrawStyle,
  selected: boolean,
): void {
  const color = model.colors[model.colorOf[i]!]!;
  const base = Math.max(1, style.strokeWidth);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.beginPath();
  tracePath(ctx, model.coords, i);
  ctx.globalAlpha = selected ? 0.35 : 0.2;
  ctx.fillStyle = color;
  ctx.fill();
  ctx.globalAlpha = 1;
  if (selected) {
    ctx.lineWidth = (base + 6) / scale;
    ctx.strokeStyle = '#111';
    ctx.stroke();
  }
  ctx.lineWidth = (base + (selected ? 3 : 3)) / scale;
  ctx.strokeStyle = '#fff';
  ctx.stroke();
  ctx.lineWidth = (base + (selected ? 1 : 0.5)) / scale;
  ctx.strokeStyle = color;
  ctx.stroke();
}

/**
 * Marks (`highlightedIds`, e.g. search matches) as a highlighter would: a translucent fill and a
 * solid outline in `color`, filled so they read apart from hover and selection (outlines only).
 */
export function drawMarks(
  ctx: CanvasRenderingContext2D,
  model: OverlayModel,
  indices: ArrayLike<number>,
  scale: number,
  color: string,
): void {
  if (indices.length === 0) return;
  ctx.beginPath();
  for (let k = 0; k < indices.length; k++) tracePath(ctx, model.coords, indices[k]!);
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  ctx.globalAlpha = 0.4;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.lineJoin = 'round';
  ctx.lineWidth = 2 / scale;
  ctx.stroke();
}
