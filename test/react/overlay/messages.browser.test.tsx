import { render } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
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
  test('English by default: the root name and the selection announcement', async () => {
    const { root } = await renderOverlay({ image, result, width: 400 });
    expect(root.getAttribute('aria-label')).toBe('OCR result');
    root.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(root.querySelector('[data-ocr-announcer]')!.textContent).toBe(
      '영수증, 93% confidence, word 1 of 2',
    );
  });

  test('locale="ko", and a single override on top of it', async () => {
    const { root } = await renderOverlay({
      image,
      result,
      width: 400,
      locale: 'ko',
      messages: { root: '영수증 사진' },
    });
    expect(root.getAttribute('aria-label')).toBe('영수증 사진');
    root.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(root.querySelector('[data-ocr-announcer]')!.textContent).toBe(
      '영수증, 신뢰도 93%, 2개 중 1번째 단어',
    );
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
