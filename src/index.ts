/**
 * `react-ocr-overlay`: React components and hooks for OCR results, with the framework-free core
 * re-exported. The server handlers live in `react-ocr-overlay/server` and are never part of this
 * entry; nor is any language but English (`react-ocr-overlay/locales/ko`).
 */
export type { OcrMode, RecognizeInput, RecognizeOptions } from './core/client';
export { recognize } from './core/client';
export type { OcrErrorCode, OcrErrorOptions } from './core/errors';
export {
  describeResultCode,
  isOcrError,
  isRetryableResultCode,
  isRetryableStatus,
  OcrError,
  RESULT_CODE_MESSAGES,
} from './core/errors';
export type { HocrOptions } from './core/export';
export { toHocr, toPlainText } from './core/export';
export type { Rect, Size, ViewTransform } from './core/geometry';
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
} from './core/geometry';
export {
  CROPPING_ASPECT_RATIO,
  GENERAL_MAX_ASPECT_RATIO,
  NHN_MAX_BYTES,
} from './core/limits';
export { parseOcrResponse } from './core/parse';
export type { FindTextOptions, OcrTextMatch } from './core/search';
export { findText } from './core/search';
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
} from './core/types';
export type { ImageUrlCheck, ImageUrlProblem } from './core/url';
export { checkImageUrl, imageUrlProblemOf, validateImageUrl } from './core/url';
export type { OcrLocale } from './locales/types';
export {
  createColorScale,
  DEFAULT_COLOR_STOPS,
  defaultColorScale,
  defaultFormatLabel,
  type OcrColorStop,
  OcrConfidenceLegend,
  type OcrConfidenceLegendProps,
  type OcrImageSource,
  type OcrLabelMode,
  OcrOverlay,
  OcrOverlayCanvas,
  type OcrOverlayCanvasProps,
  type OcrOverlayHandle,
  type OcrOverlayMessages,
  type OcrOverlayOptions,
  type OcrOverlayProps,
  type OcrOverlayState,
  type OcrOverlayToDataURLOptions,
  OcrTextLayer,
  type OcrTextLayerMode,
  type OcrTextLayerProps,
  type OcrTextLayerState,
  type OcrWordClickEvent,
  type OverlayController,
  type OverlaySnapshot,
  type OverlayStatus,
  type UseOcrOverlayResult,
  useOcrOverlay,
  type Viewport,
} from './react/overlay';
export {
  describeOcrError,
  describeOcrErrorDetail,
  type InputProblem,
  inputProblemOf,
  type OcrImage,
  type OcrInput,
  type OcrStatus,
  OcrUploader,
  type OcrUploaderMessages,
  type OcrUploaderProps,
  type OcrUploaderRenderState,
  type PreprocessOptions,
  type UseOcrOptions,
  type UseOcrResult,
  type UseOcrState,
  useOcr,
} from './react/uploader';
