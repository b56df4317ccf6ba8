import type { Point, Quad } from '../../../core/types';

/** Where a word's text box sits: its top-left corner, the angle of its top edge, its size. */
export interface TextBox {
  x: number;
  y: number;
  /** Radians, clockwise (y grows downwards). */
  angle: number;
  width: number;
  height: number;
}

const length = (a: Point, b: Point) => Math.sqrt((b.x - a.x) ** 2 + (b.y - a.y) ** 2);

/**
 * The text box of a quad whose corners may come in any order or winding (servers and datasets
 * differ): corners are put clockwise on screen, then the edge closest to pointing right is taken
 * as the top edge, so text reads left to right along it. Width and height are the means of the
 * opposite edges, so a perspective quad gets the box of its average size.
 */
export function textBoxOf(quad: Quad): TextBox {
  let corners: Point[] = [...quad];
  // Shoelace sum: negative means counter-clockwise on a y-down screen.
  let area = 0;
  for (let i = 0; i < 4; i++) {
    const a = corners[i]!;
    const b = corners[(i + 1) % 4]!;
    area += a.x * b.y - b.x * a.y;
  }
  if (area < 0) corners = [corners[0]!, corners[3]!, corners[2]!, corners[1]!];
  let start = 0;
  let best = -Infinity;
  for (let i = 0; i < 4; i++) {
    const a = corners[i]!;
    const b = corners[(i + 1) % 4]!;
    const edge = length(a, b);
    const rightward = edge > 0 ? (b.x - a.x) / edge : -Infinity;
    if (rightward > best + 1e-9) {
      best = rightward;
      start = i;
    }
  }
  const [p0, p1, p2, p3] = [0, 1, 2, 3].map((k) => corners[(start + k) % 4]!) as [
    Point,
    Point,
    Point,
    Point,
  ];
  return {
    x: p0.x,
    y: p0.y,
    angle: Math.atan2(p1.y - p0.y, p1.x - p0.x),
    width: (length(p0, p1) + length(p3, p2)) / 2,
    height: (length(p0, p3) + length(p1, p2)) / 2,
  };
}

/**
 * The CSS for a span whose text, set in `fontFamily` at `box.height` px with `line-height: 1`,
 * measures `textWidth` px: moved to the box's corner, rotated to its angle and stretched to its
 * width (`transform-origin: 0 0`). Values are in image pixels; the layer scales them.
 */
export function spanStyle(box: TextBox, textWidth: number): string {
  const scaleX = textWidth > 0 ? box.width / textWidth : 1;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return (
    `left:${round(box.x)}px;top:${round(box.y)}px;font-size:${round(box.height)}px;` +
    `transform:rotate(${round(box.angle)}rad) scaleX(${round(scaleX)})`
  );
}
