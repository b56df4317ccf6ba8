import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';

test('renders on the server without touching window or document', async () => {
  expect(typeof window).toBe('undefined');
  expect(typeof document).toBe('undefined');
  const { OcrUploader } = await import('../../../src/react/uploader');
  const { ko } = await import('../../../src/locales/ko');
  const html = renderToString(createElement(OcrUploader, { endpoint: '/api/ocr/general' }));
  expect(html).toContain('data-state="idle"');
  expect(html).toContain('aria-live="polite"');
  const korean = renderToString(
    createElement(OcrUploader, { endpoint: '/api/ocr/general', locale: ko, disabled: true }),
  );
  expect(korean).toContain('파일을 선택하세요');
  expect(korean).toContain('data-disabled');
});
