import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readingOrder } from '../../../../src/react/overlay/engine/readingOrder';
import { box, word } from './words';

describe('readingOrder', () => {
  test('lines top to bottom, words left to right, whatever the input order', () => {
    const words = [
      word('d', box(300, 200, 50, 20), 1),
      word('b', box(300, 50, 50, 20), 0),
      word('c', box(100, 210, 50, 20), 1),
      word('a', box(100, 45, 50, 20), 0),
    ];
    expect(readingOrder(words).map((w) => w.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('is a permutation, and x increases within each line', () => {
    const arbWord = fc.record({
      line: fc.integer({ min: 0, max: 5 }),
      x: fc.integer({ min: 0, max: 1000 }),
      y: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(arbWord, { maxLength: 40 }), (specs) => {
        const words = specs.map((s, i) => word(`w${i}`, box(s.x, s.y, 10, 10), s.line));
        const ordered = readingOrder(words);
        expect(new Set(ordered.map((w) => w.id))).toEqual(new Set(words.map((w) => w.id)));
        for (let i = 1; i < ordered.length; i++) {
          const a = ordered[i - 1]!;
          const b = ordered[i]!;
          if (a.line === b.line) expect(a.quad[0].x).toBeLessThanOrEqual(b.quad[0].x);
        }
        // Each line is contiguous.
        const seen = new Set<number>();
        let last = -1;
        for (const w of ordered) {
          if (w.line !== last) {
            expect(seen.has(w.line)).toBe(false);
            seen.add(w.line);
            last = w.line;
          }
        }
      }),
    );
  });
});
