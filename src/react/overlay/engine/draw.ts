import type { LabelPlate } from './labelLayout';
import { type OverlayModel, wordsIn } from './model';
import { hasOutline, outlineMiters, traceOutline } from './rings';

/**
 * Quads per path. One path of 10k sub-paths strokes in ~270 ms in software Skia; chunks of
 * 16–64 stay on a plateau (filled outlines too). 32 sits in the middle of it.
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

/** Labels and their measured widths (per px of font size, in `fontFamily`), filled lazily. */
export interface LabelCache {
  texts: (string | undefined)[];
  widths: Float64Array;
  format: (index: number) => string;
  fontFamily: string;
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

const outlines = new WeakMap<OverlayModel, Float64Array>();

/** The model's stroke outlines (`rings.ts`), computed on its first draw. */
function modelOutlines(model: OverlayModel): Float64Array {
  let miters = outlines.get(model);
  if (!miters) {
    miters = outlineMiters(model.coords);
    outlines.set(model, miters);
  }
  return miters;
}

/**
 * Outlines (and fills) every quad in `groups`, one colour at a time, `CHUNK_SIZE` quads per path.
 * `ctx` is in image pixels; `scale` is screen pixels per image pixel, so outlines keep a
 * constant on-screen width. The outline of a convex quad is filled as the ring a miter-joined
 * stroke would paint (`rings.ts`: a third of the raster time); other quads, degenerate ones
 * included (they trace as lines), are stroked.
 */
export function drawBoxes(
  ctx: CanvasRenderingContext2D,
  model: OverlayModel,
  groups: ArrayLike<number>[],
  scale: number,
  style: DrawStyle,
): void {
  const half = style.strokeWidth / scale / 2;
  const transform = ctx.getTransform();
  const devicePx = Math.hypot(transform.a, transform.b);
  // One device pixel or less strokes as a hairline, which software Skia draws fast already.
  const miters = half * 2 * devicePx > 1 ? modelOutlines(model) : null;
  // A hole under one device pixel across is not worth its edges (`traceOutline`).
  const slit = 0.5 / devicePx;
  ctx.lineWidth = half * 2;
  ctx.lineJoin = 'miter';
  ctx.lineCap = 'butt';
  const fill = style.fillOpacity > 0;
  const stroked: number[] = [];
  const strokeRest = () => {
    ctx.beginPath();
    for (const i of stroked) tracePath(ctx, model.coords, i);
    ctx.stroke();
    stroked.length = 0;
  };
  for (let c = 0; c < groups.length; c++) {
    const group = groups[c]!;
    if (group.length === 0) continue;
    ctx.strokeStyle = model.colors[c]!;
    ctx.fillStyle = model.colors[c]!;
    for (let start = 0; start < group.length; start += CHUNK_SIZE) {
      const end = Math.min(group.length, start + CHUNK_SIZE);
      if (fill) {
        ctx.beginPath();
        for (let k = start; k < end; k++) tracePath(ctx, model.coords, group[k]!);
        ctx.globalAlpha = style.fillOpacity;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
      if (half <= 0) continue;
      ctx.beginPath();
      let outlined = 0;
      for (let k = start; k < end; k++) {
        const i = group[k]!;
        if (miters && hasOutline(miters, i)) {
          traceOutline(ctx, model.coords, miters, i, half, slit);
          outlined++;
        } else stroked.push(i);
      }
      if (outlined > 0) ctx.fill();
      if (stroked.length > 0) strokeRest();
    }
  }
}

function labelText(cache: LabelCache, i: number): string {
  let text = cache.texts[i];
  if (text === undefined) {
    text = cache.format(i);
    cache.texts[i] = text;
  }
  return text;
}

/** Label `i`'s plate width in image pixels at `fontSize` (its text measured once, in `ctx`'s font). */
export function plateWidth(
  ctx: CanvasRenderingContext2D,
  cache: LabelCache,
  i: number,
  fontSize: number,
): number {
  if (cache.widths[i]! < 0) {
    ctx.font = `100px ${cache.fontFamily}`;
    cache.widths[i] = ctx.measureText(labelText(cache, i)).width / 100;
  }
  return cache.widths[i]! * fontSize + fontSize * (0.6 + 0.25 * 3);
}

/** Plate height for `fontSize`. */
export const plateHeight = (fontSize: number) => fontSize * 1.3;

/**
 * Draws label tags (dark plate, colour swatch, white text via `fillText`: never parsed as HTML)
 * on their plates, each turned with its word.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  model: OverlayModel,
  plates: readonly LabelPlate[],
  cache: LabelCache,
  fontSize: number,
  fontFamily: string,
): void {
  if (plates.length === 0 || fontSize <= 0) return;
  const pad = fontSize * 0.25;
  const swatch = fontSize * 0.6;
  ctx.beginPath();
  for (const plate of plates) tracePlate(ctx, plate, 0, 0, plate.width, plate.height);
  ctx.fillStyle = 'rgba(17,17,17,0.78)';
  ctx.fill();
  for (const plate of plates) {
    ctx.beginPath();
    tracePlate(ctx, plate, pad, (plate.height - swatch) / 2, swatch, swatch);
    ctx.fillStyle = model.colors[model.colorOf[plate.index]!]!;
    ctx.fill();
  }
  ctx.font = `${fontSize}px ${fontFamily}`;
  ctx.fillStyle = '#fff';
  ctx.textBaseline = 'middle';
  for (const plate of plates) {
    const text = labelText(cache, plate.index);
    if (plate.angle === 0) {
      ctx.fillText(text, plate.x + swatch + pad * 2, plate.y + plate.height / 2);
      continue;
    }
    ctx.save();
    ctx.translate(plate.x, plate.y);
    ctx.rotate(plate.angle);
    ctx.fillText(text, swatch + pad * 2, plate.height / 2);
    ctx.restore();
  }
}

/** The rectangle `(dx, dy, w, h)` in `plate`'s turned frame, as a closed sub-path. */
function tracePlate(
  ctx: CanvasRenderingContext2D,
  plate: LabelPlate,
  dx: number,
  dy: number,
  w: number,
  h: number,
): void {
  const cos = Math.cos(plate.angle);
  const sin = Math.sin(plate.angle);
  const at = (u: number, v: number) =>
    [plate.x + cos * u - sin * v, plate.y + sin * u + cos * v] as const;
  ctx.moveTo(...at(dx, dy));
  ctx.lineTo(...at(dx + w, dy));
  ctx.lineTo(...at(dx + w, dy + h));
  ctx.lineTo(...at(dx, dy + h));
  ctx.closePath();
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
  ctx.lineWidth = (base + 3) / scale;
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
