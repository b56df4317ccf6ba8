/** Every string `<OcrOverlay>` adds to the page (its name, announcements and the image error). */
export interface OcrOverlayMessages {
  /** Accessible name of the root when no `aria-label` is given. */
  root: string;
  /** Announced when a word is selected. */
  selected: (text: string, percent: number, position: number, total: number) => string;
  /** Shown when the image cannot be loaded. */
  imageError: string;
}

const en: OcrOverlayMessages = {
  root: 'OCR result',
  selected: (text, percent, position, total) =>
    `${text}, ${percent}% confidence, word ${position} of ${total}`,
  imageError: 'The image could not be loaded.',
};

const ko: OcrOverlayMessages = {
  root: 'OCR 결과',
  selected: (text, percent, position, total) =>
    `${text}, 신뢰도 ${percent}%, ${total}개 중 ${position}번째 단어`,
  imageError: '이미지를 불러올 수 없습니다.',
};

/** The shipped overlay strings. Pass one (or a partial override) as `messages`. */
export const ocrOverlayMessages: Readonly<Record<'en' | 'ko', OcrOverlayMessages>> = { en, ko };
