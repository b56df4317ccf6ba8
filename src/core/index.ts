/**
 * `react-ocr-overlay/core`: the framework-free part — NHN General OCR wire types, the response
 * parser, the HTTP client, errors, geometry, text search and export. No React, no Konva; runs
 * in browsers, Node and edge runtimes.
 */
export type { OcrMode, RecognizeInput, RecognizeOptions } from './client';
export { recognize } from './client';
export type { OcrErrorCode, OcrErrorOptions } from './errors';
export {
  describeResultCode,
  isOcrError,
  isRetryableResultCode,
  isRetryableStatus,
  OcrError,
  RESULT_CODE_MESSAGES,
} from './errors';
export type { HocrOptions } from './export';
export { toHocr, toPlainText } from './export';
export type { Rect, Size, ViewTransform } from './geometry';
export {
  fitContain,
  imageToView,
  pointInQuad,
  quadArea,
  quadBounds,
  quadCenter,
  scaleQuad,
  scaleResult,
  viewToImage,
  zoomAround,
} from './geometry';
export {
  CROPPING_ASPECT_RATIO,
  GENERAL_MAX_ASPECT_RATIO,
  NHN_MAX_BYTES,
} from './limits';
export { parseOcrResponse } from './parse';
export type { FindTextOptions, OcrTextMatch } from './search';
export { findText } from './search';
export type {
  NhnBoundingBox,
  NhnBoundingBoxList,
  NhnErrorResponse,
  NhnHeader,
  NhnInferText,
  NhnInferTextList,
  NhnLegacyOcrResultBody,
  NhnOcrResponse,
  NhnOcrResultBody,
  OcrLine,
  OcrResult,
  OcrWord,
  Point,
  Quad,
} from './types';
export type { ImageUrlCheck, ImageUrlProblem } from './url';
export { checkImageUrl, imageUrlProblemOf, validateImageUrl } from './url';
