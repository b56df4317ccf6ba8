import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultColorScale } from '../../../../src/react/overlay/engine/colors';
import { CHUNK_SIZE, drawBoxes } from '../../../../src/react/overlay/engine/draw';
import { buildModel } from '../../../../src/react/overlay/engine/model';
import { box, word } from './words';

describe('chunking', () => {
  /**
   * A 2D context that records every painting call: fill or stroke, its colour, its alpha, and
   * which quads its path touched (boxes sit 10 px apart, so a point's x names its quad).
   */
  function recorder(scale = 1) {
    const paints: { op: 'fill' | 'stroke'; color: string; alpha: number; quads: Set<number> }[] =
      [];
    let quads = new Set<number>();
    const ctx = {
      strokeStyle: '',
      fillStyle: '',
      lineWidth: 1,
      lineJoin: '',
      lineCap: '',
      globalAlpha: 1,
      getTransform: () => ({ a: scale, b: 0, c: 0, d: scale, e: 0, f: 0 }),
      beginPath: () => {
        quads = new Set();
      },
      moveTo: (x: number) => quads.add(Math.round(x / 10)),
      lineTo: () => {},
      closePath: () => {},
      fill: () => paints.push({ op: 'fill', color: ctx.fillStyle, alpha: ctx.globalAlpha, quads }),
      stroke: () => paints.push({ op: 'stroke', color: ctx.strokeStyle, alpha: 1, quads }),
    };
    return { ctx: ctx as unknown as CanvasRenderingContext2D, paints };
  }

  const style = { strokeWidth: 2, fillOpacity: 0.1, fontSize: 10, fontFamily: 'x' };

  /** Quads 10 px apart: mostly 5×5 boxes, every `degenerate`-th one a line (stroked). */
  const row = (confidences: number[], degenerate: number) =>
    confidences.map((c, i) =>
      word(`w${i}`, (i + 1) % degenerate === 0 ? box(i * 10, 0, 5, 0) : box(i * 10, 0, 5, 5), 0, c),
    );

  test('paints every outline once, filled or stroked, in paths of ≤ CHUNK_SIZE quads of one colour', () => {
    expect(CHUNK_SIZE).toBeGreaterThanOrEqual(16);
    expect(CHUNK_SIZE).toBeLessThanOrEqual(64);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 500 }),
        fc.integer({ min: 1, max: 7 }),
        (confidences, degenerate) => {
          const model = buildModel(row(confidences, degenerate), 0, defaultColorScale);
          const { ctx, paints } = recorder();
          drawBoxes(ctx, model, model.groups, 1, style);
          const outlines = paints.filter((p) => p.alpha === 1);
          const seen = outlines.flatMap((p) => [...p.quads]);
          expect(seen.sort((a, b) => a - b)).toEqual(confidences.map((_, i) => i));
          for (const paint of outlines) {
            expect(paint.quads.size).toBeLessThanOrEqual(CHUNK_SIZE);
            const colours = new Set(
              [...paint.quads].map((i) => model.colors[model.colorOf[model.byId.get(`w${i}`)!]!]),
            );
            expect([...colours]).toEqual([paint.color]);
          }
          // Lines have no ring: they are the strokes; boxes are filled outlines.
          for (const paint of outlines) {
            for (const i of paint.quads)
              expect(paint.op).toBe((i + 1) % degenerate === 0 ? 'stroke' : 'fill');
          }
          // The translucent area fills cover every quad too, each once.
          const areas = paints.filter((p) => p.alpha < 1).flatMap((p) => [...p.quads]);
          expect(areas.sort((a, b) => a - b)).toEqual(confidences.map((_, i) => i));
        },
      ),
    );
  });

  test('a stroke of one device pixel or less stays a stroke (a fast hairline)', () => {
    const model = buildModel(row([0.9, 0.9, 0.5], 100), 0, defaultColorScale);
    const thin = recorder(1);
    drawBoxes(thin.ctx, model, model.groups, 1, { ...style, strokeWidth: 1, fillOpacity: 0 });
    expect(thin.paints.map((p) => p.op)).toEqual(thin.paints.map(() => 'stroke'));
    // The same 1 px on a 2× screen is two device pixels: filled outlines.
    const dense = recorder(2);
    drawBoxes(dense.ctx, model, model.groups, 1, { ...style, strokeWidth: 1, fillOpacity: 0 });
    expect(dense.paints.map((p) => p.op)).toEqual(dense.paints.map(() => 'fill'));
  });
});
