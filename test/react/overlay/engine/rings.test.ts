import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  hasOutline,
  outlineMiters,
  traceOutline,
} from '../../../../src/react/overlay/engine/rings';

/** A context that records each closed sub-path's points. */
function recorder() {
  const paths: [number, number][][] = [];
  const ctx = {
    moveTo: (x: number, y: number) => paths.push([[x, y]]),
    lineTo: (x: number, y: number) => paths.at(-1)!.push([x, y]),
    closePath: () => {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, paths };
}

const signedArea = (points: readonly [number, number][]) =>
  points.reduce((sum, [x, y], k) => {
    const [nx, ny] = points[(k + 1) % points.length]!;
    return sum + x * ny - nx * y;
  }, 0);

/** Distance from `p` to the segment a–b. */
function toSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(
    0,
    Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)),
  );
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Rectangles w×h turned by `angle` about (cx, cy), in either winding. */
const turnedRect = fc
  .record({
    cx: fc.double({ min: -500, max: 500, noNaN: true }),
    cy: fc.double({ min: -500, max: 500, noNaN: true }),
    w: fc.double({ min: 1, max: 300, noNaN: true }),
    h: fc.double({ min: 1, max: 100, noNaN: true }),
    angle: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
    reversed: fc.boolean(),
  })
  .map(({ cx, cy, w, h, angle, reversed }) => {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    const corners: [number, number][] = [
      [-w / 2, -h / 2],
      [w / 2, -h / 2],
      [w / 2, h / 2],
      [-w / 2, h / 2],
    ].map(([x, y]) => [cx + x! * c - y! * s, cy + x! * s + y! * c]);
    if (reversed) corners.reverse();
    return { corners, w, h };
  });

describe('outlineMiters and traceOutline', () => {
  test('each edge of the ring lies d from the quad: the outer ring outside, the hole inside', () => {
    fc.assert(
      fc.property(turnedRect, fc.double({ min: 0.05, max: 0.45, noNaN: true }), (quad, share) => {
        const d = share * Math.min(quad.w, quad.h);
        const coords = Float64Array.from(quad.corners.flat());
        const miters = outlineMiters(coords);
        expect(hasOutline(miters, 0)).toBe(true);
        const { ctx, paths } = recorder();
        traceOutline(ctx, coords, miters, 0, d);
        expect(paths).toHaveLength(2);
        const [outer, inner] = paths as [[number, number][], [number, number][]];
        // Whatever the quad's winding, the outer ring winds one way and the hole the other.
        expect(signedArea(outer)).toBeGreaterThan(0);
        expect(signedArea(inner)).toBeLessThan(0);
        // The grown rectangle is (w + 2d) × (h + 2d), the hole (w − 2d) × (h − 2d).
        const tolerance = 1e-6 * (quad.w + 500);
        expect(Math.abs(signedArea(outer)) / 2).toBeCloseTo((quad.w + 2 * d) * (quad.h + 2 * d), 4);
        expect(Math.abs(signedArea(inner)) / 2).toBeCloseTo((quad.w - 2 * d) * (quad.h - 2 * d), 4);
        for (const point of [...outer, ...inner]) {
          const nearest = Math.min(
            ...quad.corners.map((a, k) => toSegment(point, a, quad.corners[(k + 1) % 4]!)),
          );
          // Miter corners lie d·√2 from the rectangle's corner, d from both edge lines.
          expect(nearest).toBeGreaterThanOrEqual(d - tolerance);
          expect(nearest).toBeLessThanOrEqual(d * Math.SQRT2 + tolerance);
        }
      }),
    );
  });

  test('no hole once the stroke is as wide as the quad is thin: the grown quad alone', () => {
    const coords = Float64Array.from([0, 0, 100, 0, 100, 3, 0, 3]);
    const miters = outlineMiters(coords);
    const trace = (d: number) => {
      const { ctx, paths } = recorder();
      traceOutline(ctx, coords, miters, 0, d);
      return paths.length;
    };
    expect(trace(1.4)).toBe(2);
    expect(trace(1.5)).toBe(1);
    expect(trace(4)).toBe(1);
  });

  test('a hole narrower than `slit` on each side is filled: the box drawn solid', () => {
    // 100 × 3 at half-width 1: a hole 1 px tall, 0.5 px left on each side of its centre line.
    const coords = Float64Array.from([0, 0, 100, 0, 100, 3, 0, 3]);
    const miters = outlineMiters(coords);
    const paths = (slit: number) => {
      const { ctx, paths } = recorder();
      traceOutline(ctx, coords, miters, 0, 1, slit);
      return paths.length;
    };
    expect(paths(0)).toBe(2);
    expect(paths(0.4)).toBe(2);
    expect(paths(0.5)).toBe(1);
  });

  test('quads a ring cannot outline are left to a stroke', () => {
    const cases = {
      'a point': [5, 5, 5, 5, 5, 5, 5, 5],
      'a line (zero area)': [0, 0, 10, 0, 20, 0, 10, 0],
      'a repeated corner': [0, 0, 10, 0, 10, 0, 0, 10],
      'a bow tie': [0, 0, 10, 10, 10, 0, 0, 10],
      'a dart (one reflex corner)': [0, 0, 10, 5, 0, 10, 3, 5],
      'a sliver sharper than the miter limit': [0, 0, 100, 0, 100, 1, 99.9, 1],
    };
    const coords = Float64Array.from(Object.values(cases).flat());
    const miters = outlineMiters(coords);
    Object.keys(cases).forEach((name, i) => {
      expect(hasOutline(miters, i), name).toBe(false);
    });
  });
});
