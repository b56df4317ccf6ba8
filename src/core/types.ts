/** A point in image pixels (x to the right, y down). */
export interface Point {
  x: number;
  y: number;
}

/**
 * The four corners of a word's box, in the order the server sent them (`x1,y1` … `x4,y4`).
 * Quads may be rotated or in perspective; they are not necessarily axis-aligned or convex.
 */
export type Quad = readonly [Point, Point, Point, Point];

/** One recognised word. */
export interface OcrWord {
  /** Stable across re-parses of the same response: `"<line>-<index>"`. */
  id: string;
  /** Literal text; never interpreted as HTML. */
  text: string;
  /** 0..1 */
  confidence: number;
  /** Corners in the image's natural pixels. */
  quad: Quad;
  /** Index of the line (`listOfInferTexts[line]`). */
  line: number;
  /** Index within the line (`inferTexts[index]`). */
  index: number;
}

/** One line of words, as the server grouped them. */
export interface OcrLine {
  index: number;
  words: OcrWord[];
}

/** A parsed OCR response, ready to draw. */
export interface OcrResult {
  /** Every word, in reading order (line by line, then as the server listed them). */
  words: OcrWord[];
  lines: OcrLine[];
  /** `result.fileType` as the server reported it (e.g. `"jpg"`, `"png"`), or `null`. */
  fileType: string | null;
  /** `result.slicesImages` for cropping responses, else `null`. */
  slices: number | null;
  /** Problems found in the data that did not stop parsing (mismatched lists, dropped boxes…). */
  warnings: string[];
}

/* ------------------------------------------------------------------------------------------ */
/* Wire types: the NHN Cloud General OCR response as it travels.                               */
/* ------------------------------------------------------------------------------------------ */

export interface NhnHeader {
  isSuccessful: boolean;
  resultCode: number;
  resultMessage: string;
}

export interface NhnInferText {
  value: string;
  /** 0..1 */
  conf: number;
}

export interface NhnBoundingBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  x3: number;
  y3: number;
  x4: number;
  y4: number;
}

export interface NhnInferTextList {
  inferTexts: NhnInferText[];
}

export interface NhnBoundingBoxList {
  boundingBoxes: NhnBoundingBox[];
}

export interface NhnOcrResultBody {
  fileType: string;
  listOfInferTexts: NhnInferTextList[];
  listOfBoundingBoxes: NhnBoundingBoxList[];
  /** Number of slices the cropping endpoint cut the image into. */
  slicesImages?: number;
}

/** Names used by responses before 2023; `parseOcrResponse` accepts both. */
export interface NhnLegacyOcrResultBody {
  fileType: string;
  listOfInferTextList: NhnInferTextList[];
  listOfBoundingBoxList: NhnBoundingBoxList[];
  slicesImages?: number;
}

/** A successful response. */
export interface NhnOcrResponse {
  header: NhnHeader;
  result: NhnOcrResultBody;
}

/** An error envelope: NHN (and its gateway) answer failures in this shape. */
export interface NhnErrorResponse {
  header: NhnHeader & { isSuccessful: false };
  result?: null;
}
