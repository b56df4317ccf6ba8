import type { OcrOverlayMessages } from '../react/overlay/messages';
import type { OcrUploaderMessages } from '../react/uploader/messages';

/**
 * Every string the components show or announce, in one language: what `locale` takes. The
 * package ships `en` (`react-ocr-overlay/locales/en`, the default) and `ko`
 * (`react-ocr-overlay/locales/ko`); spread one to make your own.
 */
export interface OcrLocale {
  /** The language of the strings, as a BCP 47 tag (`'en'`, `'ko'`). */
  code: string;
  /** The strings of `<OcrUploader>`. */
  uploader: OcrUploaderMessages;
  /** The strings of `<OcrOverlay>` (also the overlay inside `<OcrUploader>`). */
  overlay: OcrOverlayMessages;
}
