import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Point, Quad } from '../../../../src/core/types';
import { defaultColorScale } from '../../../../src/react/overlay/engine/colors';
import { buildModel, nearestOnLine } from '../../../../src/react/overlay/engine/model';
import { spanStyle, textBoxOf } from '../../../../src/react/overlay/engine/textGeometry';
import {
  linesToPlace,
  MAX_PLACED_WORDS,
  MIN_SELECTABLE_PX,
  stepToward,
  textLinesOf,
} from '../../../../src/react/overlay/engine/textLines';
import { box, word } from './words';

/** A w×h rectangle with its top-left corner at (x, y), rotated by `degrees` about that corner. */
function rotated(x: number, y: number, w: number, h: number, degrees: number): Quad {
  const a = (degrees * Math.PI) / 180;
  const at = (dx: number, dy: number): Point => ({
    x: x + dx * Math.cos(a) - dy * Math.sin(a),
    y: y + dx * Math.sin(a) + dy * Math.cos(a),
  });
  return [at(0, 0), at(w, 0), at(w, h), at(0, h)];
}

describe('textBoxOf', () => {
  test('reads the top-left corner, angle and size of a rotated word, whatever the corner order', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (degrees, shift, reverse) => {
          const quad = rotated(100, 50, 120, 30, degrees);
          let corners = [...quad.slice(shift), ...quad.slice(0, shift)];
          if (reverse) corners = corners.reverse();
          const text = textBoxOf(corners as unknown as Quad);
          expect(text.x).toBeCloseTo(100, 6);
          expect(text.y).toBeCloseTo(50, 6);
          expect(text.angle).toBeCloseTo((degrees * Math.PI) / 180, 6);
          expect(text.width).toBeCloseTo(120, 6);
          expect(text.height).toBeCloseTo(30, 6);
        },
      ),
    );
  });

  test('a perspective quad gets the mean of its opposite edges', () => {
    const text = textBoxOf([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 90, y: 20 },
      { x: 10, y: 20 },
    ]);
    expect(text.width).toBeCloseTo(90);
    expect(text.height).toBeCloseTo((Math.hypot(10, 20) * 2) / 2);
  });

  test('spanStyle stretches the measured text to the box width and rotates it', () => {
    const style = spanStyle({ x: 10, y: 20, angle: 0.5, width: 200, height: 40 }, 100);
    expect(style).toBe('left:10px;top:20px;font-size:40px;transform:rotate(0.5rad) scaleX(2)');
  });
});

describe('text layer lines', () => {
  const words = [
    word('a', box(0, 0, 40, 10), 0),
    word('b', box(50, 0, 40, 10), 0),
    word('c', box(0, 1000, 40, 10), 1),
  ];
  const model = buildModel(words, 0, defaultColorScale);
  const lines = textLinesOf(model);

  test('groups the reading-order words by line, with their text and bounds', () => {
    expect(lines.map((line) => [line.start, line.end, line.text])).toEqual([
      [0, 2, 'a b'],
      [2, 3, 'c'],
    ]);
    expect(lines[0]).toMatchObject({ minX: 0, minY: 0, maxX: 90, maxY: 10, height: 10 });
    expect(textLinesOf(model)).toBe(lines);
  });

  test('places lines in view that are large enough on screen, not the others', () => {
    const stage = { width: 400, height: 300 };
    expect([...linesToPlace(lines, { scale: 1, offsetX: 0, offsetY: 0 }, stage)]).toEqual([1, 0]);
    const tiny = (MIN_SELECTABLE_PX - 1) / 10;
    expect([...linesToPlace(lines, { scale: tiny, offsetX: 0, offsetY: 0 }, stage)]).toEqual([
      0, 0,
    ]);
    expect([...linesToPlace(lines, { scale: 1, offsetX: 0, offsetY: -900 }, stage)]).toEqual([
      0, 1,
    ]);
  });

  test(`keeps at most ${MAX_PLACED_WORDS} words, nearest the centre of the view first`, () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      word(`w${i}`, box((i % 10) * 30, Math.floor(i / 10) * 12, 20, 10), Math.floor(i / 10)),
    );
    const manyLines = textLinesOf(buildModel(many, 0, defaultColorScale));
    const wanted = linesToPlace(
      manyLines,
      { scale: 1, offsetX: 0, offsetY: 200 },
      { width: 4000, height: 4000 },
    );
    const placedWords = manyLines.reduce(
      (sum, line, k) => sum + (wanted[k] ? line.end - line.start : 0),
      0,
    );
    expect(placedWords).toBeLessThanOrEqual(MAX_PLACED_WORDS);
    expect(placedWords).toBeGreaterThan(MAX_PLACED_WORDS - 20);
    // The centre of the view (image y 1800) is placed; the far top and bottom are not.
    expect(wanted[Math.floor(1800 / 12)]).toBe(1);
    expect(wanted[0]).toBe(0);
    expect(wanted[manyLines.length - 1]).toBe(0);
  });

  test('stepToward removes at once and adds within the word budget', () => {
    const placed = Uint8Array.from([1, 0, 0]);
    const wanted = Uint8Array.from([0, 1, 1]);
    const three = [
      { ...lines[0]!, start: 0, end: 2 },
      { ...lines[0]!, start: 2, end: 4 },
      { ...lines[0]!, start: 4, end: 6 },
    ];
    const first = stepToward(placed, wanted, three, 2);
    expect([...first.next]).toEqual([0, 1, 0]);
    expect(first.complete).toBe(false);
    const second = stepToward(first.next, wanted, three, 2);
    expect([...second.next]).toEqual([0, 1, 1]);
    expect(second.complete).toBe(true);
  });

  test('nearestOnLine picks the horizontally nearest word on the neighbouring line', () => {
    const grid = [
      word('a', box(0, 0, 40, 10), 0),
      word('b', box(100, 0, 40, 10), 0),
      word('c', box(10, 50, 40, 10), 1),
      word('d', box(90, 50, 60, 10), 1),
    ];
    const gridModel = buildModel(grid, 0, defaultColorScale);
    expect(nearestOnLine(gridModel, 1, 1)).toBe(3);
    expect(nearestOnLine(gridModel, 2, -1)).toBe(0);
    expect(nearestOnLine(gridModel, 3, 1)).toBe(3);
    expect(nearestOnLine(gridModel, 0, -1)).toBe(0);
  });
});
