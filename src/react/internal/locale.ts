import type { OcrLocale } from '../../locales/types';

/** The string values already explained, so each is reported once, not on every render. */
const explained = /* @__PURE__ */ new Set<string>();

/**
 * The `locale` prop as the object it must be. Before `react-ocr-overlay/locales/*`, `locale` was
 * a string (`locale="ko"`); such a value from untyped code gives English, not a crash, and one
 * `console.error` per value that says what to write instead.
 */
export function resolveLocale(locale: OcrLocale | string | undefined): OcrLocale | undefined {
  if (typeof locale !== 'string') return locale ?? undefined;
  if (!explained.has(locale)) {
    explained.add(locale);
    const name = locale === 'en' ? 'en' : 'ko';
    console.error(
      `react-ocr-overlay: locale="${locale}" is not supported, so English is shown. locale takes ` +
        `an object: write import { ${name} } from 'react-ocr-overlay/locales/${name}' and pass locale={${name}}.`,
    );
  }
  return undefined;
}
