import type { NhnBoundingBox, NhnOcrResultBody, Quad } from '../../core/types';

/** A recognised word in full-image pixels, as either local engine reports it. */
export interface ResultWord {
  text: string;
  /** 0..1 */
  confidence: number;
  /** Corners clockwise from the word's top-left, as NHN orders them. */
  quad: Quad;
}

function toBoundingBox([a, b, c, d]: Quad): NhnBoundingBox {
  const r = Math.round;
  return {
    x1: r(a.x),
    y1: r(a.y),
    x2: r(b.x),
    y2: r(b.y),
    x3: r(c.x),
    y3: r(c.y),
    x4: r(d.x),
    y4: r(d.y),
  };
}

/**
 * NHN's result body for `lines` of words: one group per line, texts and boxes paired by
 * position, corners in whole pixels, confidences to four decimals; `slicesImages` for the
 * cropping route.
 */
export function resultBody(
  lines: ReadonlyArray<readonly ResultWord[]>,
  fileType: string,
  slicesImages?: number,
): NhnOcrResultBody {
  const result: NhnOcrResultBody = {
    fileType,
    listOfInferTexts: lines.map((line) => ({
      inferTexts: line.map((word) => ({
        value: word.text,
        conf: Math.round(word.confidence * 10_000) / 10_000,
      })),
    })),
    listOfBoundingBoxes: lines.map((line) => ({
      boundingBoxes: line.map((word) => toBoundingBox(word.quad)),
    })),
  };
  if (slicesImages !== undefined) result.slicesImages = slicesImages;
  return result;
}
