export {
  createColorScale,
  DEFAULT_COLOR_STOPS,
  defaultColorScale,
  defaultFormatLabel,
  type OcrColorStop,
} from './colors';
export { type OcrOverlayMessages, ocrOverlayMessages } from './messages';
export { OcrConfidenceLegend, type OcrConfidenceLegendProps } from './OcrConfidenceLegend';
export { OcrOverlay } from './OcrOverlay';
export type {
  OcrLabelMode,
  OcrOverlayHandle,
  OcrOverlayProps,
  OcrOverlayState,
  OcrOverlayToDataURLOptions,
  OcrWordClickEvent,
} from './types';
export type { OcrImageSource } from './useImageSource';
