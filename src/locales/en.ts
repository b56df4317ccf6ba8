/**
 * `react-ocr-overlay/locales/en`: the English strings. They are the components' default and part
 * of the main entry anyway, so importing this adds little more than the object; it is here to pass
 * `en` explicitly, or to spread it into a locale of your own.
 */
import { overlayEn } from '../react/overlay/messages';
import { uploaderEn } from '../react/uploader/messages';
import type { OcrLocale } from './types';

export const en: OcrLocale = { code: 'en', uploader: uploaderEn, overlay: overlayEn };
