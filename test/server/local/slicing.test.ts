import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROPPING_ASPECT_RATIO, GENERAL_MAX_ASPECT_RATIO } from '../../../src/core/limits';
import {
  isOwnedBy,
  type LocalWord,
  mergeSliceLines,
  planSlices,
} from '../../../src/server/local/slicing';

describe('planSlices', () => {
  it('keeps images up to aspect 2.5 whole', () => {
    expect(planSlices(400, 1000)).toHaveLength(1);
    expect(planSlices(1000, 400)).toHaveLength(1);
    expect(planSlices(400, 1001).length).toBeGreaterThan(1);
  });

  it('keeps wide images whole up to aspect 10, so no cut crosses a line of words', () => {
    expect(planSlices(2600, 260)).toHaveLength(1);
    expect(planSlices(2601, 260).length).toBeGreaterThan(1);
  });

  it('covers a long image with overlapping slices whose own bands partition it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 2000 }),
        fc.double({ min: CROPPING_ASPECT_RATIO + 0.01, max: 40, noNaN: true }),
        fc.boolean(),
        (short, aspect, tall) => {
          fc.pre(tall || aspect > GENERAL_MAX_ASPECT_RATIO);
          const long = Math.ceil(short * aspect);
          const [width, height] = tall ? [short, long] : [long, short];
          const slices = planSlices(width, height);
          expect(slices.length).toBeGreaterThan(1);
          const start = (s: (typeof slices)[number]) => (tall ? s.top : s.left);
          const size = (s: (typeof slices)[number]) => (tall ? s.height : s.width);
          expect(start(slices[0]!)).toBe(0);
          expect(start(slices.at(-1)!) + size(slices.at(-1)!)).toBe(long);
          for (const slice of slices) {
            expect(tall ? slice.width : slice.height).toBe(short); // the short side is never cut
            expect(size(slice) / short).toBeLessThanOrEqual(CROPPING_ASPECT_RATIO);
            expect(slice.ownStart).toBeGreaterThanOrEqual(start(slice));
            expect(slice.ownEnd).toBeLessThanOrEqual(start(slice) + size(slice));
          }
          for (let index = 1; index < slices.length; index += 1) {
            const previous = slices[index - 1]!;
            const overlap = start(previous) + size(previous) - start(slices[index]!);
            expect(overlap).toBeGreaterThanOrEqual(Math.floor(size(previous) / 4));
            expect(slices[index]!.ownStart).toBe(previous.ownEnd); // no gap, no double ownership
          }
          expect(slices[0]!.ownStart).toBe(0);
          expect(slices.at(-1)!.ownEnd).toBe(long);
        },
      ),
    );
  });
});

describe('mergeSliceLines', () => {
  const word = (text: string, y0: number, y1: number, x0 = 10, x1 = 60): LocalWord => ({
    text,
    conf: 0.9,
    x0,
    x1,
    y0,
    y1,
  });

  it('keeps a word seen in two overlapping slices once, from the slice that owns it', () => {
    const [first, second, third] = planSlices(400, 1200);
    expect(third).toBeUndefined(); // two slices along y
    const boundary = first!.ownEnd;
    const nearBoundaryAbove = word('above', boundary - 30, boundary - 10);
    const nearBoundaryBelow = word('below', boundary + 10, boundary + 30);
    const merged = mergeSliceLines([
      { slice: first!, lines: [[word('top', 10, 30)], [nearBoundaryAbove], [nearBoundaryBelow]] },
      {
        slice: second!,
        lines: [[nearBoundaryAbove], [nearBoundaryBelow], [word('low', 1100, 1120)]],
      },
    ]);
    const texts = merged.flat().map((w) => w.text);
    expect(texts).toEqual(['top', 'above', 'below', 'low']);
    expect(isOwnedBy(nearBoundaryAbove, first!)).toBe(true);
    expect(isOwnedBy(nearBoundaryBelow, second!)).toBe(true);
  });

  it('drops a repeated word over the same place even if both slices claim it', () => {
    const whole = planSlices(100, 100)[0]!;
    const merged = mergeSliceLines([
      { slice: whole, lines: [[word('same', 10, 30)]] },
      { slice: whole, lines: [[word('same', 11, 31), word('other', 11, 31, 70, 90)]] },
    ]);
    expect(merged.map((line) => line.map((w) => w.text))).toEqual([['same'], ['other']]);
  });
});
