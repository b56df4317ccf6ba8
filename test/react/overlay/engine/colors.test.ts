import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  createColorScale,
  DEFAULT_COLOR_STOPS,
  defaultColorScale,
  defaultFormatLabel,
  quantizeConfidence,
} from '../../../../src/react/overlay/engine/colors';
import { box, word } from './words';

describe('defaultColorScale', () => {
  test('returns #rrggbb for any input, clamped', () => {
    fc.assert(fc.property(fc.double(), (c) => /^#[0-9a-f]{6}$/.test(defaultColorScale(c))));
    expect(defaultColorScale(-1)).toBe(defaultColorScale(0));
    expect(defaultColorScale(2)).toBe(defaultColorScale(1));
  });

  test('low confidence is warm and bright-red-channel, high is blue', () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    const [r0, , b0] = rgb(defaultColorScale(0));
    const [r1, , b1] = rgb(defaultColorScale(1));
    expect(r0).toBeGreaterThan(b0!);
    expect(b1).toBeGreaterThan(r1!);
  });

  test('confidences are bucketed to 0.01 so at most 101 colours exist', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (c) => {
        const q = quantizeConfidence(c);
        return Number.isInteger(q) && q >= 0 && q <= 100;
      }),
    );
  });

  test('defaultFormatLabel', () => {
    expect(defaultFormatLabel(word('영수증', box(0, 0, 1, 1), 0, 0.934))).toBe('영수증 93%');
  });
});

describe('createColorScale', () => {
  test('spreads bare colours evenly from 0 to 1 and interpolates between them', () => {
    const scale = createColorScale(['#000000', '#ff0000', '#ffffff']);
    expect(scale(0)).toBe('#000000');
    expect(scale(0.25)).toBe('#800000');
    expect(scale(0.5)).toBe('#ff0000');
    expect(scale(1)).toBe('#ffffff');
  });

  test('takes [confidence, colour] stops in any order, #rgb included', () => {
    const scale = createColorScale([
      [1, '#00f'],
      [0.5, '#f00'],
    ]);
    expect(scale(0)).toBe('#ff0000');
    expect(scale(0.75)).toBe('#800080');
    expect(scale(1)).toBe('#0000ff');
  });

  test('clamps any input and returns #rrggbb', () => {
    const scale = createColorScale(['#d55e00', '#0072b2']);
    fc.assert(fc.property(fc.double(), (c) => /^#[0-9a-f]{6}$/.test(scale(c))));
    expect(scale(Number.NaN)).toBe('#d55e00');
    expect(createColorScale(['#123456'])(0.7)).toBe('#123456');
  });

  test('refuses a colour it cannot interpolate, when created', () => {
    expect(() => createColorScale(['red', '#fff'])).toThrow(TypeError);
    expect(() => createColorScale([])).toThrow(TypeError);
  });

  test('the default scale is DEFAULT_COLOR_STOPS', () => {
    const scale = createColorScale(DEFAULT_COLOR_STOPS);
    for (let c = 0; c <= 100; c++) expect(scale(c / 100)).toBe(defaultColorScale(c / 100));
  });
});
