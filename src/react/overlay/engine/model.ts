import { pointInQuad, type Rect, type ViewTransform, viewToImage } from '../../../core/geometry';
import type { OcrWord, Point } from '../../../core/types';
import { quantizeConfidence } from './colors';
import { readingOrder } from './readingOrder';

/**
 * Everything the canvas needs about a result, precomputed once per result/threshold/scale so
 * that drawing and hit testing touch typed arrays only, never React or per-word objects.
 */
export interface OverlayModel {
  /** Drawable words (finite quads, confidence ≥ threshold) in reading order. */
  words: readonly OcrWord[];
  /** `x0,y0,x1,y1,x2,y2,x3,y3` per word, image pixels. */
  coords: Float64Array;
  /** `minX,minY,maxX,maxY` per word. */
  bounds: Float64Array;
  /** Index into `colors` per word. */
  colorOf: Uint16Array;
  colors: string[];
  /** Word indices per colour, ascending: one stroke batch family per colour. */
  groups: Int32Array[];
  /** Bounds of all words (`minX,minY,maxX,maxY`); empty (∞,∞,-∞,-∞) without words. */
  extent: readonly [number, number, number, number];
  byId: Map<string, number>;
  /** Median word box height in image pixels (0 without words). */
  wordHeight: number;
}

export function buildModel(
  allWords: readonly OcrWord[],
  minConfidence: number,
  colorScale: (confidence: number) => string,
): OverlayModel {
  const finite = allWords.filter(
    (w) =>
      w.confidence >= minConfidence &&
      w.quad.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
  );
  const words = readingOrder(finite);
  const n = words.length;
  const coords = new Float64Array(n * 8);
  const bounds = new Float64Array(n * 4);
  const colorOf = new Uint16Array(n);
  const colors: string[] = [];
  const colorIds = new Map<string, number>();
  const byBucket = new Map<number, number>();
  const counts: number[] = [];
  const heights = new Float64Array(n);
  const byId = new Map<string, number>();
  const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    const word = words[i]!;
    byId.set(word.id, i);
    const q = word.quad;
    let minX = q[0].x;
    let minY = q[0].y;
    let maxX = minX;
    let maxY = minY;
    for (let k = 0; k < 4; k++) {
      const p = q[k]!;
      coords[i * 8 + k * 2] = p.x;
      coords[i * 8 + k * 2 + 1] = p.y;
      if (p.x < minX) minX = p.x;
      if (p.x > maxX) maxX = p.x;
      if (p.y < minY) minY = p.y;
      if (p.y > maxY) maxY = p.y;
    }
    bounds[i * 4] = minX;
    bounds[i * 4 + 1] = minY;
    bounds[i * 4 + 2] = maxX;
    bounds[i * 4 + 3] = maxY;
    if (minX < extent[0]) extent[0] = minX;
    if (minY < extent[1]) extent[1] = minY;
    if (maxX > extent[2]) extent[2] = maxX;
    if (maxY > extent[3]) extent[3] = maxY;
    heights[i] =
      (distance(q[3].x - q[0].x, q[3].y - q[0].y) + distance(q[2].x - q[1].x, q[2].y - q[1].y)) / 2;
    const bucket = quantizeConfidence(word.confidence);
    let id = byBucket.get(bucket);
    if (id === undefined) {
      const color = colorScale(bucket / 100);
      id = colorIds.get(color);
      if (id === undefined) {
        id = colors.length;
        colors.push(color);
        colorIds.set(color, id);
        counts.push(0);
      }
      byBucket.set(bucket, id);
    }
    colorOf[i] = id;
    counts[id]!++;
  }
  const groups = counts.map((count) => new Int32Array(count));
  // Filled from the end, so each group comes out ascending.
  for (let i = n - 1; i >= 0; i--) {
    const c = colorOf[i]!;
    groups[c]![--counts[c]!] = i;
  }
  heights.sort();
  return {
    words,
    coords,
    bounds,
    colorOf,
    colors,
    groups,
    extent,
    byId,
    wordHeight: n ? heights[n >> 1]! : 0,
  };
}

/** The bounds of word `index` (image pixels). */
export function wordRect(model: OverlayModel, index: number): Rect {
  const b = model.bounds;
  const o = index * 4;
  return { x: b[o]!, y: b[o + 1]!, width: b[o + 2]! - b[o]!, height: b[o + 3]! - b[o + 1]! };
}

/**
 * Indices of the words whose bounds meet the rect `minX,minY,maxX,maxY` (image pixels),
 * ascending. A straight scan of the bounds array: ~0.03 ms at 10,000 words, where building a
 * spatial index first costs 20–30 ms of the main thread for the same answers.
 */
export function wordsIn(
  model: OverlayModel,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): number[] {
  const b = model.bounds;
  const found: number[] = [];
  for (let i = 0, o = 0; i < model.words.length; i++, o += 4) {
    if (b[o]! <= maxX && b[o + 2]! >= minX && b[o + 1]! <= maxY && b[o + 3]! >= minY) found.push(i);
  }
  return found;
}

/**
 * The word under `point` (image pixels), or -1. Exact point-in-quad, so a click between two
 * tilted words picks the one whose outline contains it, not the one whose bounding box does.
 * Inside several (nested boxes): the smallest. Inside none but within `tolerance` of an edge
 * (thin strokes, degenerate quads drawn as lines): the nearest.
 */
export function hitTest(model: OverlayModel, point: Point, tolerance = 0): number {
  const { coords } = model;
  const candidates = wordsIn(
    model,
    point.x - tolerance,
    point.y - tolerance,
    point.x + tolerance,
    point.y + tolerance,
  );
  let best = -1;
  let bestArea = Infinity;
  let near = -1;
  let nearDistance = tolerance;
  for (const i of candidates) {
    const o = i * 8;
    const quad = [0, 2, 4, 6].map((k) => ({ x: coords[o + k]!, y: coords[o + k + 1]! })) as [
      Point,
      Point,
      Point,
      Point,
    ];
    if (pointInQuad(point, quad)) {
      const area = Math.abs(
        ((quad[0].x - quad[2].x) * (quad[1].y - quad[3].y) -
          (quad[1].x - quad[3].x) * (quad[0].y - quad[2].y)) /
          2,
      );
      if (area < bestArea) {
        bestArea = area;
        best = i;
      }
    } else if (best < 0) {
      for (let k = 0; k < 4; k++) {
        const d = segmentDistance(point, quad[k]!, quad[(k + 1) % 4]!);
        if (d <= nearDistance) {
          nearDistance = d;
          near = i;
        }
      }
    }
  }
  return best >= 0 ? best : near;
}

/**
 * The word on the line after (`1`) or before (`-1`) word `index`'s line whose centre is nearest
 * it horizontally (ArrowDown / ArrowUp); `index` itself past the first or last line. Lines are
 * runs of words sharing `line`, as reading order keeps them.
 */
export function nearestOnLine(model: OverlayModel, index: number, direction: 1 | -1): number {
  const { words, bounds: b } = model;
  const line = words[index]?.line;
  if (line === undefined) return index;
  // The first word past this line's run in `direction`, then that line's whole run.
  let edge = index;
  while (words[edge + direction]?.line === line) edge += direction;
  const target = words[edge + direction]?.line;
  if (target === undefined) return index;
  const centre = (i: number) => (b[i * 4]! + b[i * 4 + 2]!) / 2;
  const x = centre(index);
  let best = edge + direction;
  for (let i = best; words[i]?.line === target; i += direction) {
    if (Math.abs(centre(i) - x) < Math.abs(centre(best) - x)) best = i;
  }
  return best;
}

/**
 * The word under a stage point at `view`, forgiving the outline's half-width plus 2 CSS px, so
 * thin strokes and lines are easy to hit at any zoom.
 */
export function hitTestScreen(
  model: OverlayModel,
  point: Point,
  view: ViewTransform,
  strokeWidth: number,
): number {
  if (view.scale <= 0) return -1;
  return hitTest(model, viewToImage(point, view), (strokeWidth / 2 + 2) / view.scale);
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0;
  return distance(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** `Math.hypot` is several times slower in V8, and this runs for every word of every result. */
const distance = (dx: number, dy: number) => Math.sqrt(dx * dx + dy * dy);
