import { describe, expect, test } from 'vitest';
import {
  hasOutline,
  outlineMiters,
  traceOutline,
} from '../../../../src/react/overlay/engine/rings';

/** Quads in image pixels: a rectangle, turned ones both windings, a thin one, a trapezoid. */
const QUADS: Record<string, number[]> = {
  rectangle: [20, 20, 120, 20, 120, 60, 20, 60],
  'turned 25°, clockwise on screen': turned(80, 60, 90, 30, 0.44),
  'turned −40°, counter-clockwise': reversed(turned(80, 60, 70, 24, -0.7)),
  'thinner than the stroke': [20, 40, 140, 44, 140, 45.5, 20, 41.5],
  trapezoid: [30, 20, 130, 30, 120, 90, 40, 100],
};

function turned(cx: number, cy: number, w: number, h: number, angle: number): number[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].flatMap(([x, y]) => [cx + x! * c - y! * s, cy + x! * s + y! * c]);
}

/** The same quad traced the other way round. */
function reversed(quad: number[]): number[] {
  return [3, 2, 1, 0].flatMap((k) => [quad[k * 2]!, quad[k * 2 + 1]!]);
}

function canvas(): CanvasRenderingContext2D {
  const element = document.createElement('canvas');
  element.width = 160;
  element.height = 120;
  const ctx = element.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D context');
  return ctx;
}

/**
 * How far two canvases' coverage differs: the largest per-pixel alpha difference, and the
 * total ink (summed alpha) of `a` relative to `b`.
 */
function difference(a: CanvasRenderingContext2D, b: CanvasRenderingContext2D) {
  const pa = a.getImageData(0, 0, 160, 120).data;
  const pb = b.getImageData(0, 0, 160, 120).data;
  let inkA = 0;
  let inkB = 0;
  let max = 0;
  for (let i = 3; i < pa.length; i += 4) {
    inkA += pa[i]!;
    inkB += pb[i]!;
    max = Math.max(max, Math.abs(pa[i]! - pb[i]!));
  }
  return { max, ink: inkA / inkB, painted: inkB / 255 };
}

/**
 * The two rasterise anti-aliased edges differently (a stroke's own outline against a filled
 * path): up to a fifth of a pixel's coverage apart on an edge pixel, and a thin turned line's
 * ink ~5% lighter. A shape difference (a wrong width, a missing hole, a lost box) would show as
 * pixels a half or more apart and as far more missing or extra ink.
 */
function expectSameStroke(filled: CanvasRenderingContext2D, stroked: CanvasRenderingContext2D) {
  const { max, ink, painted } = difference(filled, stroked);
  expect(painted).toBeGreaterThan(100);
  expect(max).toBeLessThan(96);
  expect(ink).toBeGreaterThan(0.92);
  expect(ink).toBeLessThan(1.08);
}

describe('a filled outline paints what a miter-joined stroke paints', () => {
  for (const [name, quad] of Object.entries(QUADS)) {
    // One device pixel and less is stroked as a hairline, which is fast already (drawBoxes).
    for (const width of [1.5, 2, 5]) {
      test(`${name}, ${width} px`, () => {
        const coords = Float64Array.from(quad);
        const miters = outlineMiters(coords);
        expect(hasOutline(miters, 0)).toBe(true);
        const filled = canvas();
        filled.beginPath();
        traceOutline(filled, coords, miters, 0, width / 2);
        filled.fill();
        const stroked = canvas();
        stroked.lineWidth = width;
        stroked.lineJoin = 'miter';
        stroked.beginPath();
        stroked.moveTo(quad[0]!, quad[1]!);
        for (let k = 2; k < 8; k += 2) stroked.lineTo(quad[k]!, quad[k + 1]!);
        stroked.closePath();
        stroked.stroke();
        expectSameStroke(filled, stroked);
      });
    }
  }

  test('boxes that overlap, of both windings, in one path: their union, as one stroke', () => {
    const a = QUADS['turned 25°, clockwise on screen']!;
    const b = QUADS['turned −40°, counter-clockwise']!;
    const coords = Float64Array.from([...a, ...b]);
    const miters = outlineMiters(coords);
    const filled = canvas();
    filled.beginPath();
    traceOutline(filled, coords, miters, 0, 1.5);
    traceOutline(filled, coords, miters, 1, 1.5);
    filled.fill();
    const stroked = canvas();
    stroked.lineWidth = 3;
    stroked.beginPath();
    for (const quad of [a, b]) {
      stroked.moveTo(quad[0]!, quad[1]!);
      for (let k = 2; k < 8; k += 2) stroked.lineTo(quad[k]!, quad[k + 1]!);
      stroked.closePath();
    }
    stroked.stroke();
    expectSameStroke(filled, stroked);
  });
});
