import { render } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { type OcrLocale, OcrOverlay } from '../../../src/index';
import { ko } from '../../../src/locales/ko';
import { allowConsoleError } from '../../browser/setup';
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

  test('locale={ko}, and a single override on top of it', async () => {
    const { root } = await renderOverlay({
      image,
      result,
      width: 400,
      locale: ko,
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
        locale={ko}
        onImageError={() => {}}
        width={200}
      />,
    );
    const root = view.container.querySelector<HTMLElement>('[data-ocr-overlay]')!;
    await waitForState(root, 'error');
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('이미지를 불러올 수 없습니다.');
  });

  test('the old string form (locale="ko") shows English and says once what to write', async () => {
    allowConsoleError(/locale="ko"/);
    const hints = () =>
      vi
        .mocked(console.error)
        .mock.calls.filter(([message]) => /locale="ko"/.test(String(message)));
    const old = 'ko' as unknown as OcrLocale;
    const { root, rerender } = await renderOverlay({ image, result, width: 400, locale: old });
    expect(root.getAttribute('aria-label')).toBe('OCR result');
    expect(hints()).toHaveLength(1);
    expect(hints()[0]![0]).toContain("import { ko } from 'react-ocr-overlay/locales/ko'");
    expect(hints()[0]![0]).toContain('locale={ko}');
    await rerender({ image, result, width: 300, locale: old });
    render(<OcrOverlay image={image} locale={old} />);
    expect(hints()).toHaveLength(1);
  });
});
