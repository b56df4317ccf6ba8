import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  fitContain,
  imageToView,
  parseOcrResponse,
  pointInQuad,
  type Quad,
  quadArea,
  quadBounds,
  quadCenter,
  scaleResult,
  viewToImage,
  zoomAround,
} from '../../src/core/index';

const quad = (...xy: number[]): Quad =>
  [0, 2, 4, 6].map((i) => ({ x: xy[i]!, y: xy[i + 1]! })) as unknown as Quad;

/** A 100×20 box rotated by `degrees` around (cx, cy). */
function rotatedBox(cx: number, cy: number, degrees: number, w = 100, h = 20): Quad {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return quad(
    ...[
      [-w / 2, -h / 2],
      [w / 2, -h / 2],
      [w / 2, h / 2],
      [-w / 2, h / 2],
    ].flatMap(([x, y]) => [cx + x! * cos - y! * sin, cy + x! * sin + y! * cos]),
  );
}

describe('quadBounds', () => {
  test('covers every corner of a rotated quad', () => {
    expect(quadBounds(quad(10, 0, 20, 10, 10, 20, 0, 10))).toEqual({
      x: 0,
      y: 0,
      width: 20,
      height: 20,
    });
  });

  test('property: every corner lies inside the bounds', () => {
    const point = fc.record({
      x: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      y: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.tuple(point, point, point, point), (corners) => {
        const b = quadBounds(corners);
        for (const p of corners) {
          expect(p.x).toBeGreaterThanOrEqual(b.x);
          // x + width can round below the max corner by an ulp
          expect(p.x).toBeLessThanOrEqual(b.x + b.width + 1e-9);
          expect(p.y).toBeGreaterThanOrEqual(b.y);
          expect(p.y).toBeLessThanOrEqual(b.y + b.height + 1e-9);
        }
      }),
    );
  });
});

describe('pointInQuad', () => {
  const diamond = quad(10, 0, 20, 10, 10, 20, 0, 10);

  test.each([
    [{ x: 10, y: 10 }, true, 'centre'],
    [{ x: 1, y: 1 }, false, 'bounding-box corner outside the rotated quad'],
    [{ x: 19, y: 19 }, false, 'opposite bounding-box corner'],
    [{ x: 15, y: 5 }, true, 'on an edge'],
    [{ x: 10, y: 0 }, true, 'on a vertex'],
    [{ x: 25, y: 10 }, false, 'outside to the right'],
  ])('%o → %s (%s)', (point, expected) => {
    expect(pointInQuad(point, diamond)).toBe(expected);
  });

  test('non-convex (dart) quad: the notch is outside', () => {
    const dart = quad(0, 0, 10, 5, 0, 10, 4, 5);
    expect(pointInQuad({ x: 2, y: 5 }, dart)).toBe(false);
    expect(pointInQuad({ x: 6, y: 5 }, dart)).toBe(true);
  });

  test('property: for rotated rectangles, agrees with the rectangle in its own frame', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (degrees, u, v) => {
          // skip points within a hair of the edge, where float rounding decides
          fc.pre(Math.abs(Math.abs(u) - 50) > 1e-6 && Math.abs(Math.abs(v) - 10) > 1e-6);
          const a = (degrees * Math.PI) / 180;
          const point = {
            x: 500 + u * Math.cos(a) - v * Math.sin(a),
            y: 300 + u * Math.sin(a) + v * Math.cos(a),
          };
          expect(pointInQuad(point, rotatedBox(500, 300, degrees))).toBe(
            Math.abs(u) < 50 && Math.abs(v) < 10,
          );
        },
      ),
    );
  });

  test('degenerate quads (a line) contain only points on the line', () => {
    const line = quad(0, 0, 10, 0, 10, 0, 0, 0);
    expect(pointInQuad({ x: 5, y: 0 }, line)).toBe(true);
    expect(pointInQuad({ x: 5, y: 0.5 }, line)).toBe(false);
    expect(quadArea(line)).toBe(0);
  });
});

describe('quadArea and quadCenter', () => {
  test('area of a rotated 100×20 box is 2000 whatever the angle', () => {
    for (const degrees of [0, 17, 45, 90, 133]) {
      expect(Math.abs(quadArea(rotatedBox(0, 0, degrees)))).toBeCloseTo(2000, 6);
      const c = quadCenter(rotatedBox(40, 30, degrees));
      expect(c.x).toBeCloseTo(40, 9);
      expect(c.y).toBeCloseTo(30, 9);
    }
  });
});

describe('fitContain / imageToView / viewToImage / zoomAround', () => {
  test('a wide image in a square container is letterboxed vertically', () => {
    expect(fitContain({ width: 1280, height: 720 }, { width: 640, height: 640 })).toEqual({
      scale: 0.5,
      offsetX: 0,
      offsetY: 140,
    });
  });

  test('a tall image in a wide container is pillarboxed', () => {
    const view = fitContain({ width: 100, height: 400 }, { width: 800, height: 200 });
    expect(view).toEqual({ scale: 0.5, offsetX: 375, offsetY: 0 });
  });

  test('zero sizes give scale 0 rather than NaN or Infinity', () => {
    expect(fitContain({ width: 0, height: 10 }, { width: 10, height: 10 }).scale).toBe(0);
    expect(fitContain({ width: 10, height: 10 }, { width: 0, height: 0 }).scale).toBe(0);
  });

  test('property: viewToImage inverts imageToView', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        (scale, offsetX, offsetY, x, y) => {
          const view = { scale, offsetX, offsetY };
          const back = viewToImage(imageToView({ x, y }, view), view);
          expect(back.x).toBeCloseTo(x, 6);
          expect(back.y).toBeCloseTo(y, 6);
        },
      ),
    );
  });

  test('property: zooming keeps the image point under the anchor fixed', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        (scale, factor, ax, ay) => {
          const view = { scale, offsetX: 13, offsetY: -7 };
          const anchor = { x: ax, y: ay };
          const before = viewToImage(anchor, view);
          const zoomed = zoomAround(view, factor, anchor);
          expect(zoomed.scale).toBeCloseTo(scale * factor, 9);
          const after = viewToImage(anchor, zoomed);
          expect(after.x).toBeCloseTo(before.x, 6);
          expect(after.y).toBeCloseTo(before.y, 6);
        },
      ),
    );
  });
});

describe('scaleResult', () => {
  const result = parseOcrResponse({
    result: {
      fileType: 'jpg',
      listOfInferTexts: [{ inferTexts: [{ value: 'a', conf: 0.5 }] }],
      listOfBoundingBoxes: [
        { boundingBoxes: [{ x1: 10, y1: 20, x2: 30, y2: 20, x3: 30, y3: 40, x4: 10, y4: 40 }] },
      ],
    },
  });

  test('multiplies every coordinate and keeps ids, text and lines in step', () => {
    const scaled = scaleResult(result, 2.5);
    expect(scaled.words[0]!.quad).toEqual([
      { x: 25, y: 50 },
      { x: 75, y: 50 },
      { x: 75, y: 100 },
      { x: 25, y: 100 },
    ]);
    expect(scaled.words[0]).toMatchObject({ id: '0-0', text: 'a', confidence: 0.5 });
    expect(scaled.lines[0]!.words[0]).toBe(scaled.words[0]);
    // the input is untouched
    expect(result.words[0]!.quad[0]).toEqual({ x: 10, y: 20 });
  });

  test('separate x and y factors', () => {
    expect(scaleResult(result, 2, 3).words[0]!.quad[2]).toEqual({ x: 60, y: 120 });
  });

  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects factor %s', (factor) => {
    expect(() => scaleResult(result, factor)).toThrow(RangeError);
  });
});
