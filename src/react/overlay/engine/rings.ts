/**
 * Box outlines filled instead of stroked. Software Skia strokes a path wider than one device
 * pixel by building its outline first: ~55–100 ms for 10,000 quads at 2 px, paid when the
 * canvas is painted, in one task. Filling the same outline, traced here, rasterises in about a
 * third of that. For a convex quad the outline of a miter-joined stroke of half-width `d` is
 * the ring between the quad grown by `d` and the quad shrunk by `d`, each corner moved along
 * its miter vector `m = (n₀ + n₁) / (1 + n₀·n₁)` (n = the unit outward normals of the two edges
 * that meet there), so one precomputed vector per corner serves every zoom level.
 */

/** Floats per quad: 4 miter vectors, the half-width at which the hole closes, the winding. */
const STRIDE = 10;
/** Canvas's default `miterLimit`: sharper corners are bevelled by a real stroke. */
const MITER_LIMIT = 10;

/**
 * Per quad of `coords` (8 floats each): its corners' miter vectors, the half-width from which
 * its outline has no hole left, and its winding (+1 / −1); `NaN` in the first float for a quad
 * a ring cannot outline (not strictly convex, or a corner sharper than the miter limit), which
 * is stroked as before.
 */
export function outlineMiters(coords: Float64Array): Float64Array {
  const count = coords.length / 8;
  const out = new Float64Array(count * STRIDE);
  // Unit outward normals of the quad's four edges (edge k runs from corner k to k + 1).
  const nx = new Float64Array(4);
  const ny = new Float64Array(4);
  for (let i = 0; i < count; i++) {
    const o = i * 8;
    const r = i * STRIDE;
    let area = 0;
    for (let k = 0; k < 8; k += 2) {
      const j = (k + 2) & 7;
      area += coords[o + k]! * coords[o + j + 1]! - coords[o + j]! * coords[o + k + 1]!;
    }
    const winding = area > 0 ? 1 : -1;
    let ok = area !== 0;
    for (let k = 0; k < 4 && ok; k++) {
      const j = (k + 1) & 3;
      const ex = coords[o + j * 2]! - coords[o + k * 2]!;
      const ey = coords[o + j * 2 + 1]! - coords[o + k * 2 + 1]!;
      const length = Math.sqrt(ex * ex + ey * ey);
      nx[k] = (winding * ey) / length;
      ny[k] = (-winding * ex) / length;
      ok = length > 0;
    }
    for (let k = 0; k < 4 && ok; k++) {
      const b = (k + 3) & 3;
      // Strict convexity: each edge turns the same way as the quad winds.
      ok = nx[b]! * ny[k]! - ny[b]! * nx[k]! > 0 === winding > 0;
      const f = 1 / (1 + nx[b]! * nx[k]! + ny[b]! * ny[k]!);
      const mx = (nx[b]! + nx[k]!) * f;
      const my = (ny[b]! + ny[k]!) * f;
      out[r + k * 2] = mx;
      out[r + k * 2 + 1] = my;
      ok &&= mx * mx + my * my <= MITER_LIMIT * MITER_LIMIT;
    }
    if (!ok) {
      out[r] = Number.NaN;
      continue;
    }
    // The hole closes once a shrunk edge would turn around: |e|² = d · e·(m₁ − m₀).
    let closes = Infinity;
    for (let k = 0; k < 8; k += 2) {
      const j = (k + 2) & 7;
      const ex = coords[o + j]! - coords[o + k]!;
      const ey = coords[o + j + 1]! - coords[o + k + 1]!;
      const toward = ex * (out[r + j]! - out[r + k]!) + ey * (out[r + j + 1]! - out[r + k + 1]!);
      if (toward > 0) closes = Math.min(closes, (ex * ex + ey * ey) / toward);
    }
    out[r + 8] = closes;
    out[r + 9] = winding;
  }
  return out;
}

/** Whether quad `i` is outlined by `traceOutline` (else it must be stroked). */
export const hasOutline = (miters: Float64Array, i: number) => !Number.isNaN(miters[i * STRIDE]!);

/**
 * Adds quad `i`'s stroke outline at half-width `d` to the current path: the grown quad, and the
 * shrunk one in the opposite direction while it is still a hole at least `slit` wide on each
 * side (image pixels: a narrower one, under a device pixel, would only tint the box, and costs as
 * much to rasterise as the ring itself, so the box is filled). Every outer ring winds the
 * same way whatever its quad's winding, so `fill()` (non-zero) paints the union of the rings of
 * one path, overlapping boxes included, as one stroke would. The sub-paths are left open: for
 * `fill()`, which closes them, not for `stroke()`.
 */
export function traceOutline(
  ctx: CanvasRenderingContext2D,
  coords: Float64Array,
  miters: Float64Array,
  i: number,
  d: number,
  slit = 0,
): void {
  const o = i * 8;
  const r = i * STRIDE;
  const winding = miters[r + 9]!;
  ringPath(ctx, coords, miters, o, r, d, winding);
  if (d + slit < miters[r + 8]!) ringPath(ctx, coords, miters, o, r, -d, -winding);
}

function ringPath(
  ctx: CanvasRenderingContext2D,
  coords: Float64Array,
  miters: Float64Array,
  o: number,
  r: number,
  d: number,
  direction: number,
): void {
  for (let step = 0; step < 4; step++) {
    const k = direction > 0 ? step : 3 - step;
    const x = coords[o + k * 2]! + d * miters[r + k * 2]!;
    const y = coords[o + k * 2 + 1]! + d * miters[r + k * 2 + 1]!;
    if (step === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  // No closePath(): fill() closes every sub-path itself, and 20,000 calls cost ~3 ms.
}
