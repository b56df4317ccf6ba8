import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCtc, inkSpans, splitWords } from '../../../../src/server/local/detector/ctc';
import {
  cropBoxToQuad,
  cropTransform,
  minAreaRect,
  principalAxis,
} from '../../../../src/server/local/detector/geometry';

/** Corners of a rectangle centred at (cx, cy), `width` along `angle`. */
function corners(cx: number, cy: number, width: number, height: number, angle: number) {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([u, v]) => ({
    x: cx + (u! * width * cos) / 2 - (v! * height * sin) / 2,
    y: cy + (u! * width * sin) / 2 + (v! * height * cos) / 2,
  }));
}

describe('minAreaRect', () => {
  it('recovers any rectangle with its width along the longer side', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: 20, max: 400, noNaN: true }),
        fc.double({ min: 1.2, max: 8, noNaN: true }),
        (angle, width, aspect) => {
          const rect = minAreaRect(corners(500, 300, width, width / aspect, angle));
          expect(rect.width).toBeCloseTo(width, 6);
          expect(rect.height).toBeCloseTo(width / aspect, 6);
          expect(rect.cx).toBeCloseTo(500, 6);
          expect(Math.abs(Math.sin(rect.angle - angle))).toBeLessThan(1e-6);
        },
      ),
    );
  });

  it('principalAxis follows an elongated point cloud', () => {
    const points = corners(0, 0, 100, 10, 0.4);
    expect(principalAxis(points).angle).toBeCloseTo(0.4, 6);
    expect(principalAxis(points).elongation).toBeCloseTo(10, 6);
  });
});

describe('cropTransform', () => {
  it("maps the crop's corners onto the rectangle, clockwise from the text's top-left", () => {
    const rect = { cx: 200, cy: 120, width: 160, height: 40, angle: Math.PI / 6 };
    const quad = cropBoxToQuad(cropTransform(rect, 192, 48), { x0: 0, y0: 0, x1: 192, y1: 48 });
    const expected = corners(200, 120, 160, 40, Math.PI / 6);
    quad.forEach((point, index) => {
      expect(point.x).toBeCloseTo(expected[index]!.x, 9);
      expect(point.y).toBeCloseTo(expected[index]!.y, 9);
    });
  });
});

describe('decodeCtc', () => {
  it('collapses repeats, drops blanks, reads the class after the dictionary as a space', () => {
    const dictionary = ['a', 'b', 'ｃ'];
    //           a  a  _  a  b  ␠  c(full-width → NFKC "c")
    const best = [1, 1, 0, 1, 2, 4, 3];
    const probability = [0.9, 0.8, 1, 0.7, 0.6, 0.9, 0.5];
    const decoded = decodeCtc(best, probability, 0, best.length, dictionary);
    expect(decoded.map((c) => c.text).join('')).toBe('aab c');
    expect(decoded[0]).toEqual({ text: 'a', first: 0, last: 1, probability: 0.9 });
  });
});

describe('splitWords', () => {
  const at = (text: string, step: number) => ({ text, first: step, last: step, probability: 1 });

  it('cuts at an ink gap where the character pitch jumps, and spans each word over its ink', () => {
    // "ab" at steps 1–2, "cd" at steps 6–7 (pitch 8 px, 32 px across the gap).
    const characters = [at('a', 1), at('b', 2), at('c', 6), at('d', 7)];
    const ink = new Uint8Array(80);
    ink.fill(1, 6, 22);
    ink.fill(1, 46, 62);
    const spans = inkSpans(ink, 80, 10);
    expect(spans).toEqual([
      { x0: 6, x1: 22 },
      { x0: 46, x1: 62 },
    ]);
    const { words, unreadWidth } = splitWords(characters, spans, { stepWidth: 8, cropWidth: 80 });
    expect(words.map(({ text, x0, x1 }) => ({ text, x0, x1 }))).toEqual([
      { text: 'ab', x0: 6, x1: 22 },
      { text: 'cd', x0: 46, x1: 62 },
    ]);
    expect(unreadWidth).toBe(0);
  });

  it('re-joins a word that faint print broke apart (pitch unchanged across the gap)', () => {
    const characters = [at('a', 1), at('b', 2), at('c', 3), at('d', 4)];
    const ink = new Uint8Array(48);
    ink.fill(1, 6, 22);
    ink.fill(1, 34, 40); // a gap of 12 px inside the word
    const { words } = splitWords(characters, inkSpans(ink, 48, 10), {
      stepWidth: 8,
      cropWidth: 48,
    });
    expect(words.map((word) => word.text)).toEqual(['abcd']);
  });

  it("counts both arcs of a large round capital as its letter's ink, not as unread ink", () => {
    // "HELLO" from 72 px capitals: the ink band misses the top and bottom of the O, so it shows
    // as two arcs (173–186 and 208–221) and the recogniser's O is nearest the left one.
    const characters = [at('H', 2), at('E', 8), at('L', 13), at('L', 18), at('O', 24)];
    const ink = new Uint8Array(240);
    for (const [x0, x1] of [
      [0, 104],
      [136, 143],
      [173, 186],
      [208, 221],
    ] as const)
      ink.fill(1, x0, x1);
    const { words, unreadWidth } = splitWords(characters, inkSpans(ink, 240, 48 * 0.28), {
      stepWidth: 8,
      cropWidth: 240,
    });
    // The box reaches the O's right arc, and no ink is left for the fallback reader to try.
    expect(words.map(({ text, x0, x1 }) => ({ text, x0, x1 }))).toEqual([
      { text: 'HELLO', x0: 0, x1: 221 },
    ]);
    expect(unreadWidth).toBe(0);
  });

  it('leaves a wide span nothing was read from as unread, even beside a word', () => {
    const characters = [at('a', 1), at('b', 2)];
    const ink = new Uint8Array(120);
    ink.fill(1, 6, 22);
    ink.fill(1, 30, 90); // 60 px: wider than half the pitch, text the recogniser lacks
    const { words, unreadWidth } = splitWords(characters, inkSpans(ink, 120, 6), {
      stepWidth: 8,
      cropWidth: 120,
    });
    expect(words.map((word) => word.text)).toEqual(['ab']);
    expect(unreadWidth).toBe(60);
  });

  it('reports ink nothing was read from (a script the recogniser lacks)', () => {
    const ink = new Uint8Array(200);
    ink.fill(1, 0, 120);
    ink.fill(1, 160, 190);
    const { words, unreadWidth } = splitWords([at('1', 21), at('2', 22)], inkSpans(ink, 200, 20), {
      stepWidth: 8,
      cropWidth: 200,
    });
    expect(words.map((word) => word.text)).toEqual(['12']);
    expect(unreadWidth).toBe(120);
  });
});
