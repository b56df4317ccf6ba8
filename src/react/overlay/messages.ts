/** Every string `<OcrOverlay>` adds to the page (its name, announcements and the image error). */
export interface OcrOverlayMessages {
  /** Accessible name of the root when no `aria-label` is given. */
  root: string;
  /** Announced when a word is selected. */
  selected: (text: string, percent: number, position: number, total: number) => string;
  /** Shown when the image cannot be loaded. */
  imageError: string;
}

/**
 * The English strings, the default. Other languages are separate entries
 * (`react-ocr-overlay/locales/ko`), so an app pays only for the ones it imports.
 */
export const overlayEn: OcrOverlayMessages = {
  root: 'OCR result',
  selected: (text, percent, position, total) =>
    `${text}, ${percent}% confidence, word ${position} of ${total}`,
  imageError: 'The image could not be loaded.',
};
