import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultColorScale } from '../../../../src/react/overlay/engine/colors';
import { CHUNK_SIZE, drawBoxes } from '../../../../src/react/overlay/engine/draw';
import { buildModel } from '../../../../src/react/overlay/engine/model';
import { box, word } from './words';

describe('chunking', () => {
  /** A 2D context that records paths: how many quads each stroke covered, in which colour. */
  function recorder() {
    const strokes: { color: string; quads: number }[] = [];
    let quads = 0;
    const ctx = {
      strokeStyle: '',
      fillStyle: '',
      lineWidth: 1,
      lineJoin: '',
      lineCap: '',
      globalAlpha: 1,
      beginPath: () => {
        quads = 0;
      },
      moveTo: () => {
        quads++;
      },
      lineTo: () => {},
      closePath: () => {},
      fill: () => {},
      stroke: () => strokes.push({ color: ctx.strokeStyle, quads }),
    };
    return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes };
  }

  test('strokes every quad once, in paths of at most CHUNK_SIZE (16–64) quads of one colour', () => {
    expect(CHUNK_SIZE).toBeGreaterThanOrEqual(16);
    expect(CHUNK_SIZE).toBeLessThanOrEqual(64);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 500 }),
        (confidences) => {
          const words = confidences.map((c, i) => word(`w${i}`, box(i, i, 5, 5), 0, c));
          const model = buildModel(words, 0, defaultColorScale);
          const { ctx, strokes } = recorder();
          drawBoxes(ctx, model, model.groups, 1, {
            strokeWidth: 2,
            fillOpacity: 0.1,
            fontSize: 10,
            fontFamily: 'x',
          });
          expect(strokes.reduce((sum, s) => sum + s.quads, 0)).toBe(words.length);
          for (const s of strokes) expect(s.quads).toBeLessThanOrEqual(CHUNK_SIZE);
          // Batches are per colour: at most one partial chunk per colour.
          const partial = strokes.filter((s) => s.quads < CHUNK_SIZE);
          expect(new Set(partial.map((s) => s.color)).size).toBe(partial.length);
        },
      ),
    );
  });
});
