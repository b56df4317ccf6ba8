import { render } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { OcrOverlay, ocrOverlayMessages } from '../../../src/index';
import {
  greyImageUrl,
  makeResult,
  makeWord,
  renderOverlay,
  rotatedQuad,
  waitForState,
} from './helpers';

const image = greyImageUrl(400, 300);
const result = makeResult([
  makeWord('a', rotatedQuad(100, 100, 120, 40, 10), 0.93, '영수증', 0, 0),
  makeWord('b', rotatedQuad(300, 200, 120, 40, -10), 0.5, 'total', 1, 0),
]);

describe('messages', () => {
  test('English by default: root name, word list and its items', async () => {
    const { root } = await renderOverlay({ image, result, width: 400 });
    expect(root.getAttribute('aria-label')).toBe('OCR result');
    const list = root.querySelector('[data-ocr-mirror]')!;
    expect(list.getAttribute('aria-label')).toBe('Recognised words');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '영수증 (93% confidence)',
      'total (50% confidence)',
    ]);
  });

  test('Korean strings, and a single override on top of them', async () => {
    const { root } = await renderOverlay({
      image,
      result,
      width: 400,
      messages: { ...ocrOverlayMessages.ko, words: '단어 목록' },
    });
    expect(root.getAttribute('aria-label')).toBe('OCR 결과');
    const list = root.querySelector('[data-ocr-mirror]')!;
    expect(list.getAttribute('aria-label')).toBe('단어 목록');
    expect(list.querySelector('li')!.textContent).toBe('영수증 (신뢰도 93%)');
  });

  test('the image error is localized', async () => {
    // A data: URL that is not an image fails to load without any network request.
    const view = render(
      <OcrOverlay
        image="data:image/png;base64,bm90IGFuIGltYWdl"
        messages={ocrOverlayMessages.ko}
        onImageError={() => {}}
        width={200}
      />,
    );
    const root = view.container.querySelector<HTMLElement>('[data-ocr-overlay]')!;
    await waitForState(root, 'error');
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('이미지를 불러올 수 없습니다.');
  });
});
