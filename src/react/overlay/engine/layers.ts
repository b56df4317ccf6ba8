/** The Konva layers the overlay draws on, by name (tests and custom views find them so). */
export const LAYER_NAMES = {
  image: 'ocr-image-layer',
  boxes: 'ocr-boxes-layer',
  marks: 'ocr-marks-layer',
  highlight: 'ocr-highlight-layer',
} as const;
