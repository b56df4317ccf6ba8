import { afterEach, describe, expect, test, vi } from 'vitest';
import { ko } from '../../../src/locales/ko';
import { resolveLocale } from '../../../src/react/internal';

describe('resolveLocale', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test('a locale object, or none, is taken as it is, silently', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(resolveLocale(ko)).toBe(ko);
    expect(resolveLocale(undefined)).toBeUndefined();
    expect(error).not.toHaveBeenCalled();
  });

  test.each([
    ['ko', 'ko'],
    ['en', 'en'],
    // Never a locale: the hint shows how a shipped one is imported.
    ['fr', 'ko'],
  ])('the old string form, locale="%s": English, and one hint per value', (value, name) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(resolveLocale(value)).toBeUndefined();
    expect(resolveLocale(value)).toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
    const message = String(error.mock.calls[0]![0]);
    expect(message).toContain(`locale="${value}"`);
    expect(message).toContain('English is shown');
    expect(message).toContain(`import { ${name} } from 'react-ocr-overlay/locales/${name}'`);
    expect(message).toContain(`locale={${name}}`);
  });
});
