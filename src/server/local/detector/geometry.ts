/**
 * Plane geometry for the detector: convex hulls, minimum-area rectangles around text regions,
 * and the affine map between a rectified text crop and the original image.
 */

export interface Point {
  x: number;
  y: number;
}

/** Four corners clockwise from the text's top-left, in image pixels (NHN's corner order). */
export type Quad = [Point, Point, Point, Point];

/**
 * A rectangle at any angle. `angle` is the direction of its `width` side in radians, in
 * (−π/2, π/2], so the width side runs left to right the way text is read.
 */
export interface RotatedRect {
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
}

const cross = (o: Point, a: Point, b: Point) =>
  (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Andrew's monotone chain; returns the hull counter-clockwise in a y-up frame. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length <= 2) return sorted;
  const lower: Point[] = [];
  for (const point of sorted) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, point) <= 0) lower.pop();
    lower.push(point);
  }
  const upper: Point[] = [];
  for (let index = sorted.length - 1; index >= 0; index -= 1) {
    const point = sorted[index]!;
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, point) <= 0) upper.pop();
    upper.push(point);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Brings an angle into (−π/2, π/2] (a rectangle's side has no direction). */
function normaliseAngle(angle: number): number {
  let result = angle;
  while (result > Math.PI / 2) result -= Math.PI;
  while (result <= -Math.PI / 2) result += Math.PI;
  return result;
}

/**
 * The smallest rectangle containing `points` (rotating calipers over the hull edges), its
 * `width` along the longer side, so a text line's angle is the angle of its baseline.
 */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) return { cx: 0, cy: 0, width: 0, height: 0, angle: 0 };
  let best: RotatedRect | null = null;
  const edges = hull.length === 1 ? 1 : hull.length;
  for (let index = 0; index < edges; index += 1) {
    const a = hull[index]!;
    const b = hull[(index + 1) % hull.length]!;
    const rect = boundsAtAngle(hull, hull.length === 1 ? 0 : Math.atan2(b.y - a.y, b.x - a.x));
    if (!best || rect.width * rect.height < best.width * best.height - 1e-9) best = rect;
  }
  return orientRect(best!);
}

/** The rectangle at `angle` that bounds `points`, before `orientRect` puts its long side first. */
function boundsAtAngle(points: readonly Point[], angle: number): RotatedRect {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (const point of points) {
    const u = point.x * cos + point.y * sin;
    const v = -point.x * sin + point.y * cos;
    minU = Math.min(minU, u);
    maxU = Math.max(maxU, u);
    minV = Math.min(minV, v);
    maxV = Math.max(maxV, v);
  }
  const u = (minU + maxU) / 2;
  const v = (minV + maxV) / 2;
  return {
    cx: u * cos - v * sin,
    cy: u * sin + v * cos,
    width: maxU - minU,
    height: maxV - minV,
    angle,
  };
}

/** The smallest rectangle at `angle` containing `points`. */
export function rectAtAngle(points: readonly Point[], angle: number): RotatedRect {
  return orientRect(boundsAtAngle(points, angle));
}

/**
 * Direction of the principal axis of `points` (their covariance's main eigenvector), radians,
 * and how elongated they are (major / minor spread).
 */
export function principalAxis(points: readonly Point[]): { angle: number; elongation: number } {
  let mx = 0;
  let my = 0;
  for (const point of points) {
    mx += point.x;
    my += point.y;
  }
  mx /= points.length;
  my /= points.length;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (const point of points) {
    xx += (point.x - mx) ** 2;
    yy += (point.y - my) ** 2;
    xy += (point.x - mx) * (point.y - my);
  }
  const angle = 0.5 * Math.atan2(2 * xy, xx - yy);
  const spread = Math.sqrt((xx - yy) ** 2 + 4 * xy * xy);
  const major = (xx + yy + spread) / 2;
  const minor = (xx + yy - spread) / 2;
  return { angle, elongation: minor > 0 ? Math.sqrt(major / minor) : Infinity };
}

/** The same rectangle with `width` along its longer side and the angle in (−π/2, π/2]. */
export function orientRect(rect: RotatedRect): RotatedRect {
  if (rect.height > rect.width) {
    return {
      ...rect,
      width: rect.height,
      height: rect.width,
      angle: normaliseAngle(rect.angle + Math.PI / 2),
    };
  }
  return { ...rect, angle: normaliseAngle(rect.angle) };
}

/**
 * An affine map from a `cropWidth × cropHeight` crop onto `rect` in the image: crop (0, 0) is
 * the rectangle's top-left as the text reads, crop x runs along its width side.
 */
export interface CropTransform {
  cropWidth: number;
  cropHeight: number;
  /** Image point of crop (0, 0). */
  origin: Point;
  /** Image step for one crop pixel along x and along y. */
  ux: Point;
  uy: Point;
}

export function cropTransform(
  rect: RotatedRect,
  cropWidth: number,
  cropHeight: number,
): CropTransform {
  const cos = Math.cos(rect.angle);
  const sin = Math.sin(rect.angle);
  // Image "down" for text at this angle is the width direction turned 90° clockwise (y down).
  const down = { x: -sin, y: cos };
  const origin = {
    x: rect.cx - (cos * rect.width) / 2 - (down.x * rect.height) / 2,
    y: rect.cy - (sin * rect.width) / 2 - (down.y * rect.height) / 2,
  };
  return {
    cropWidth,
    cropHeight,
    origin,
    ux: { x: (cos * rect.width) / cropWidth, y: (sin * rect.width) / cropWidth },
    uy: { x: (down.x * rect.height) / cropHeight, y: (down.y * rect.height) / cropHeight },
  };
}

/** Crop pixel → image pixel. */
export function cropToImage(transform: CropTransform, x: number, y: number): Point {
  return {
    x: transform.origin.x + transform.ux.x * x + transform.uy.x * y,
    y: transform.origin.y + transform.ux.y * x + transform.uy.y * y,
  };
}

/** The image quad of a crop-space box, clockwise from its top-left. */
export function cropBoxToQuad(
  transform: CropTransform,
  box: { x0: number; y0: number; x1: number; y1: number },
): Quad {
  return [
    cropToImage(transform, box.x0, box.y0),
    cropToImage(transform, box.x1, box.y0),
    cropToImage(transform, box.x1, box.y1),
    cropToImage(transform, box.x0, box.y1),
  ];
}

export function quadCentre(quad: Quad): Point {
  return {
    x: (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4,
    y: (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4,
  };
}
