import type { OcrLine, OcrResult, OcrWord, Point, Quad } from './types';

/** An axis-aligned rectangle. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Width and height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * How image pixels map onto the screen: `screen = image * scale + offset`.
 * Produced by `fitContain`, consumed by `imageToView` / `viewToImage`.
 */
export interface ViewTransform {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** The axis-aligned bounds of a quad. */
export function quadBounds(quad: Quad): Rect {
  let minX = quad[0].x;
  let maxX = minX;
  let minY = quad[0].y;
  let maxY = minY;
  for (let i = 1; i < 4; i++) {
    const p = quad[i]!;
    if (p.x < minX) minX = p.x;
    else if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    else if (p.y > maxY) maxY = p.y;
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Whether `point` lies inside the quad (edges included).
 * Even-odd ray casting, so it is exact for rotated, concave and self-intersecting quads;
 * points on an edge count as inside so clicks on a thin stroke still hit.
 */
export function pointInQuad(point: Point, quad: Quad): boolean {
  const { x, y } = point;
  let inside = false;
  for (let i = 0, j = 3; i < 4; j = i++) {
    const a = quad[i]!;
    const b = quad[j]!;
    if (onSegment(x, y, a, b)) return true;
    if (a.y > y !== b.y > y) {
      const crossX = a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y);
      if (x < crossX) inside = !inside;
    }
  }
  return inside;
}

function onSegment(x: number, y: number, a: Point, b: Point): boolean {
  const cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (Math.abs(cross) > 1e-9 * Math.max(1, length)) return false;
  return (
    x >= Math.min(a.x, b.x) - 1e-9 &&
    x <= Math.max(a.x, b.x) + 1e-9 &&
    y >= Math.min(a.y, b.y) - 1e-9 &&
    y <= Math.max(a.y, b.y) + 1e-9
  );
}

/** Signed area (shoelace); 0 for degenerate quads (all points on a line). */
export function quadArea(quad: Quad): number {
  let sum = 0;
  for (let i = 0, j = 3; i < 4; j = i++) {
    sum += quad[j]!.x * quad[i]!.y - quad[i]!.x * quad[j]!.y;
  }
  return sum / 2;
}

/** The centre of a quad (mean of its corners). */
export function quadCenter(quad: Quad): Point {
  return {
    x: (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4,
    y: (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4,
  };
}

/**
 * The transform that fits `content` inside `container`, keeping the aspect ratio and centring
 * it (CSS `object-fit: contain`). A zero-sized content or container gives scale 0.
 */
export function fitContain(content: Size, container: Size): ViewTransform {
  if (content.width <= 0 || content.height <= 0 || container.width <= 0 || container.height <= 0) {
    return { scale: 0, offsetX: 0, offsetY: 0 };
  }
  const scale = Math.min(container.width / content.width, container.height / content.height);
  return {
    scale,
    offsetX: (container.width - content.width * scale) / 2,
    offsetY: (container.height - content.height * scale) / 2,
  };
}

/** Image pixels → screen pixels. */
export function imageToView(point: Point, view: ViewTransform): Point {
  return { x: point.x * view.scale + view.offsetX, y: point.y * view.scale + view.offsetY };
}

/** Screen pixels → image pixels (inverse of `imageToView`; scale must not be 0). */
export function viewToImage(point: Point, view: ViewTransform): Point {
  return { x: (point.x - view.offsetX) / view.scale, y: (point.y - view.offsetY) / view.scale };
}

/**
 * The transform after zooming by `factor` around a fixed screen point (the pointer), so the image
 * pixel under it stays under it.
 */
export function zoomAround(view: ViewTransform, factor: number, anchor: Point): ViewTransform {
  const scale = view.scale * factor;
  return {
    scale,
    offsetX: anchor.x - (anchor.x - view.offsetX) * factor,
    offsetY: anchor.y - (anchor.y - view.offsetY) * factor,
  };
}

/** A quad with every coordinate multiplied by `factor` (or by separate x/y factors). */
export function scaleQuad(quad: Quad, factor: number, factorY: number = factor): Quad {
  return quad.map((point) => ({ x: point.x * factor, y: point.y * factorY })) as unknown as Quad;
}

/**
 * A result whose coordinates are multiplied by `factor` (or `factorX`, `factorY`).
 * Used when an image was downsized before upload: scale by `original / sent` to line the boxes
 * up with the original again. Words keep their ids; `lines[i].words` share the new word objects.
 */
export function scaleResult(
  result: OcrResult,
  factorX: number,
  factorY: number = factorX,
): OcrResult {
  if (!(Number.isFinite(factorX) && factorX > 0 && Number.isFinite(factorY) && factorY > 0)) {
    throw new RangeError(
      `scaleResult needs positive finite factors; got ${factorX} and ${factorY}.`,
    );
  }
  const byId = new Map<string, OcrWord>();
  const words = result.words.map((word) => {
    const scaled = { ...word, quad: scaleQuad(word.quad, factorX, factorY) };
    byId.set(word.id, scaled);
    return scaled;
  });
  const lines: OcrLine[] = result.lines.map((line) => ({
    index: line.index,
    words: line.words.map((word) => byId.get(word.id) ?? word),
  }));
  return { ...result, words, lines, warnings: [...result.warnings] };
}
