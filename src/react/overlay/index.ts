export {
  createColorScale,
  DEFAULT_COLOR_STOPS,
  defaultColorScale,
  defaultFormatLabel,
  type OcrColorStop,
} from './engine/colors';
export type { OverlayController } from './engine/controller';
export type { OverlaySnapshot, OverlayStatus } from './engine/snapshot';
export type { Viewport } from './engine/viewport';
export type { OcrOverlayMessages } from './messages';
export { OcrConfidenceLegend, type OcrConfidenceLegendProps } from './OcrConfidenceLegend';
export { OcrOverlay } from './OcrOverlay';
export { OcrOverlayCanvas, type OcrOverlayCanvasProps } from './OcrOverlayCanvas';
export { OcrTextLayer, type OcrTextLayerProps } from './OcrTextLayer';
export type {
  OcrImageSource,
  OcrLabelMode,
  OcrOverlayHandle,
  OcrOverlayOptions,
  OcrOverlayProps,
  OcrOverlayState,
  OcrOverlayToDataURLOptions,
  OcrTextLayerMode,
  OcrTextLayerState,
  OcrWordClickEvent,
} from './types';
export { type UseOcrOverlayResult, useOcrOverlay } from './useOcrOverlay';
