import type { OcrWord, Quad } from '../../../../src/core/types';

/** An axis-aligned quad, clockwise from the top-left. */
export const box = (x: number, y: number, w: number, h: number): Quad => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];

/** A word whose text is its id. */
export const word = (id: string, quad: Quad, line = 0, confidence = 0.9): OcrWord => ({
  id,
  text: id,
  confidence,
  quad,
  line,
  index: 0,
});
