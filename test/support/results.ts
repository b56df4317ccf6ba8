import { parseOcrResponse } from '../../src/core/index';
import type { NhnOcrResponse, OcrResult } from '../../src/core/types';

export interface WordSpec {
  text: string;
  conf?: number;
  /** x1, y1 … x4, y4; default: a 40×10 box at its place in the grid. */
  box?: readonly number[];
}

/**
 * An OCR result through the real parser: one entry per line, each a list of words (text, or
 * text with a confidence and box). Default boxes sit on a grid, 50 px per word, 20 px per line.
 */
export function resultOf(lines: readonly (readonly (string | WordSpec)[])[]): OcrResult {
  const response: NhnOcrResponse = {
    header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
    result: {
      fileType: 'png',
      listOfInferTexts: lines.map((line) => ({
        inferTexts: line.map((w) => {
          const spec = typeof w === 'string' ? { text: w } : w;
          return { value: spec.text, conf: spec.conf ?? 0.9 };
        }),
      })),
      listOfBoundingBoxes: lines.map((line, row) => ({
        boundingBoxes: line.map((w, column) => {
          const given = typeof w === 'string' ? undefined : w.box;
          const [x1, y1, x2, y2, x3, y3, x4, y4] = given ?? [
            column * 50,
            row * 20,
            column * 50 + 40,
            row * 20,
            column * 50 + 40,
            row * 20 + 10,
            column * 50,
            row * 20 + 10,
          ];
          return { x1: x1!, y1: y1!, x2: x2!, y2: y2!, x3: x3!, y3: y3!, x4: x4!, y4: y4! };
        }),
      })),
    },
  };
  return parseOcrResponse(response);
}
