import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pointInQuad } from '../../../../src/core/geometry';
import type { Point, Quad } from '../../../../src/core/types';
import { defaultColorScale } from '../../../../src/react/overlay/engine/colors';
import {
  focusPlate,
  type LabelPlate,
  layoutLabels,
} from '../../../../src/react/overlay/engine/labelLayout';
import { buildModel } from '../../../../src/react/overlay/engine/model';
import { box, word } from './words';

const image = { width: 1000, height: 1000 };

function corners(plate: LabelPlate): Quad {
  const cos = Math.cos(plate.angle);
  const sin = Math.sin(plate.angle);
  const at = (u: number, v: number): Point => ({
    x: plate.x + cos * u - sin * v,
    y: plate.y + sin * u + cos * v,
  });
  return [at(0, 0), at(plate.width, 0), at(plate.width, plate.height), at(0, plate.height)];
}

/** Points well inside a quad (its centre and points halfway to each corner). */
function inner(quad: Quad): Point[] {
  const c = { x: quad.reduce((s, p) => s + p.x, 0) / 4, y: quad.reduce((s, p) => s + p.y, 0) / 4 };
  return [c, ...quad.map((p) => ({ x: (p.x + c.x) / 2, y: (p.y + c.y) / 2 }))];
}

const covers = (a: Quad, b: Quad) =>
  inner(b).some((p) => pointInQuad(p, a)) || inner(a).some((p) => pointInQuad(p, b));

describe('layoutLabels', () => {
  test('two neighbours whose labels would overlap: the less confident one keeps the place above', () => {
    const words = [
      word('sure', box(100, 100, 40, 20), 0, 0.95),
      word('unsure', box(150, 100, 40, 20), 0, 0.4),
    ];
    const model = buildModel(words, 0, defaultColorScale);
    const plates = layoutLabels(model, () => 120, 16, image);
    const above = plates.filter((plate) => plate.y < 100);
    expect(above.map((plate) => model.words[plate.index]!.id)).toEqual(['unsure']);
    // The other goes below its word instead, since that is free.
    const below = plates.find((plate) => model.words[plate.index]!.id === 'sure')!;
    expect(below.y).toBeCloseTo(120);
  });

  test('a tight paragraph: no label covers another word or another label; the rest are left out', () => {
    const words = Array.from({ length: 30 }, (_, i) =>
      word(
        `w${i}`,
        box(50 + (i % 6) * 70, 100 + Math.floor(i / 6) * 24, 60, 20),
        Math.floor(i / 6),
        0.5 + (i % 7) / 14,
      ),
    );
    const model = buildModel(words, 0, defaultColorScale);
    const plates = layoutLabels(model, () => 50, 16, image);
    expect(plates.length).toBeGreaterThan(0);
    expect(plates.length).toBeLessThan(30);
    for (const plate of plates) {
      const quad = corners(plate);
      for (let i = 0; i < model.words.length; i++) {
        expect(covers(quad, model.words[i]!.quad), `label ${plate.index} over word ${i}`).toBe(
          false,
        );
      }
      for (const other of plates) {
        if (other !== plate) expect(covers(quad, corners(other))).toBe(false);
      }
    }
  });

  test('a rotated word gets its label along its own angle, outside its top edge', () => {
    const a = (20 * Math.PI) / 180;
    const rotate = (x: number, y: number): Point => ({
      x: 300 + x * Math.cos(a) - y * Math.sin(a),
      y: 300 + x * Math.sin(a) + y * Math.cos(a),
    });
    const quad: Quad = [rotate(0, 0), rotate(100, 0), rotate(100, 30), rotate(0, 30)];
    const model = buildModel([word('r', quad)], 0, defaultColorScale);
    const [plate] = layoutLabels(model, () => 80, 16, image);
    expect(plate!.angle).toBeCloseTo(a);
    // The plate's bottom-left corner is the word's top-left corner.
    expect(corners(plate!)[3].x).toBeCloseTo(300);
    expect(corners(plate!)[3].y).toBeCloseTo(300);
    expect(covers(corners(plate!), quad)).toBe(false);
  });

  test('a word at the top edge gets its label below it; focus labels follow the same rule', () => {
    const model = buildModel([word('top', box(10, 2, 60, 20))], 0, defaultColorScale);
    const [plate] = layoutLabels(model, () => 40, 16, image);
    expect(plate!.y).toBeCloseTo(22);
    expect(focusPlate(model, 0, 40, 16).y).toBeCloseTo(22);
  });

  test('property: placed labels never cover a word or each other', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: 900 }),
            y: fc.integer({ min: 0, max: 950 }),
            w: fc.integer({ min: 10, max: 120 }),
            h: fc.integer({ min: 8, max: 40 }),
            c: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 40 },
        ),
        (specs) => {
          const words = specs.map((s, i) => word(`w${i}`, box(s.x, s.y, s.w, s.h), i, s.c));
          const model = buildModel(words, 0, defaultColorScale);
          const plates = layoutLabels(model, (i) => 20 + (i % 5) * 15, 14, image);
          for (const plate of plates) {
            const quad = corners(plate);
            for (let i = 0; i < model.words.length; i++) {
              if (i !== plate.index && covers(quad, model.words[i]!.quad)) return false;
            }
            for (const other of plates)
              if (other !== plate && covers(quad, corners(other))) return false;
          }
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });
});
