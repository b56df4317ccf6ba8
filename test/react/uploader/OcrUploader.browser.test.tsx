import { render, screen, waitFor, within } from '@testing-library/react';
import { delay, HttpResponse } from 'msw';
import { describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { OcrLocale } from '../../../src/index';
import { en } from '../../../src/locales/en';
import { ko } from '../../../src/locales/ko';
import { OcrUploader, type OcrUploaderProps } from '../../../src/react/uploader';
import { throttledXMLHttpRequest } from '../../../stories/support/uploader/slow-network';
import { allowConsoleError } from '../../browser/setup';
import {
  bytesOf,
  dropFiles,
  makeImage,
  mockBackend,
  nhnBody,
  nhnError,
  ok,
  slowJson,
} from './browser-support';
import { pngHead } from './support';
import { overlay, recorder, renderUploader } from './uploader-harness';

const backend = mockBackend();
const { server, use, handler } = backend;
const setup = (props: Partial<OcrUploaderProps> = {}) => renderUploader(backend, props);

describe('rejections: nothing is sent, the reason is shown', () => {
  const cases: Array<[string, () => Promise<File[]> | File[], Partial<OcrUploaderProps>, string]> =
    [
      [
        'a 0-byte file',
        () => [new File([], 'empty.png', { type: 'image/png' })],
        {},
        en.uploader.rejected.empty,
      ],
      [
        'a header declaring 30,000 × 30,000 pixels',
        () => [
          new File([pngHead(30_000, 30_000), new Uint8Array(1000)], 'huge.png', {
            type: 'image/png',
          }),
        ],
        {},
        en.uploader.rejected.tooManyPixels(30_000, 30_000, 50_000_000),
      ],
      [
        'more pixels than preprocess.maxPixels',
        async () => [await makeImage(64, 32, 'image/jpeg')],
        { preprocess: { maxPixels: 2000 } },
        en.uploader.rejected.tooManyPixels(64, 32, 2000),
      ],
      [
        'an undecodable file',
        () => [new File(['not an image at all'], 'fake.png', { type: 'image/png' })],
        {},
        en.uploader.rejected.undecodable,
      ],
      [
        'a file of the wrong type',
        () => [new File(['hello'], 'notes.txt', { type: 'text/plain' })],
        {},
        en.uploader.rejected.type('text/plain'),
      ],
      [
        'bytes over maxSize',
        async () => [await makeImage(64, 32, 'image/png')],
        { maxSize: 10 },
        'at most 0.0 MB can be sent',
      ],
      [
        'several files',
        async () => [await makeImage(8, 8, 'image/png'), await makeImage(8, 8, 'image/jpeg')],
        {},
        en.uploader.rejected.tooManyFiles,
      ],
    ];

  test.each(cases)('%s', async (_name, files, props, message) => {
    const decode = vi.spyOn(window, 'createImageBitmap');
    const { root, settled, onError } = setup(props);
    await dropFiles(root, await files());
    await settled('error');
    expect(screen.getByRole('alert').textContent).toContain(message);
    expect(screen.queryByRole('button', { name: en.uploader.retry })).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].code).toBe('invalid-input');
    await delay(50);
    expect(server.received).toEqual([]);
    if (_name.startsWith('a header') || _name.startsWith('more pixels')) {
      expect(decode).not.toHaveBeenCalled();
    }
  });

  test('a refused drop keeps the image and result the user had', async () => {
    const { seen, children } = recorder();
    const { root, settled } = setup({ children });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('success');
    const { image, result } = seen.current!;
    await dropFiles(root, [new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
    await settled('error');
    expect(seen.current).toMatchObject({ image, result });
    expect(overlay(root)).not.toBeNull();
    expect(server.received).toHaveLength(1);
  });

  test('without onError, a failure is logged with console.error', async () => {
    use(handler);
    // The setup fails a test on any console.error; this one is expected, so it is swallowed here.
    const logged = vi.mocked(console.error).mockImplementationOnce(() => {});
    const { container } = render(<OcrUploader endpoint="/api/ocr/general" />);
    const root = container.firstElementChild!;
    await dropFiles(root, [new File([], 'empty.png', { type: 'image/png' })]);
    await waitFor(() => expect(root.getAttribute('data-state')).toBe('error'));
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]![0]).toMatchObject({ name: 'OcrError', code: 'invalid-input' });
  });
});

describe('server errors', () => {
  test('API error 4000003: message per result code, image stays, Cancel but no Retry (not retryable)', async () => {
    server.respond = () => nhnError(4000003);
    const { root, settled, onError } = setup({ retries: 0 });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('error');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(en.uploader.resultCodes[4000003]);
    expect(within(alert).queryByRole('button', { name: en.uploader.retry })).toBeNull();
    expect(within(alert).getByRole('button', { name: en.uploader.cancel })).toBeTruthy();
    expect(overlay(root)).not.toBeNull();
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'api', resultCode: 4000003 });
  });

  test('500, then Retry succeeds with the same bytes', async () => {
    server.respond = (_received, index) =>
      index === 0 ? new HttpResponse('boom', { status: 500 }) : ok();
    const file = await makeImage(64, 32, 'image/jpeg');
    const { root, settled } = setup({ retries: 0 });
    await dropFiles(root, [file]);
    await settled('error');
    expect(screen.getByRole('alert').textContent).toContain(en.uploader.http(500));
    await userEvent.click(screen.getByRole('button', { name: en.uploader.retry }));
    await settled('success');
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.bytes).toEqual(await bytesOf(file));
    expect(screen.getByText(en.uploader.success(1))).toBeTruthy();
  });

  test('503 is retried by the client on its own', async () => {
    server.respond = (_received, index) => (index === 0 ? nhnError(5000503, 503) : ok());
    const { root, settled } = setup({ retries: 1 });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('success');
    expect(server.received).toHaveLength(2);
  });

  test('timeout', async () => {
    server.respond = async () => {
      await delay(2000);
      return ok();
    };
    const { root, settled } = setup({ retries: 0, timeoutMs: 150 });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('error');
    expect(screen.getByRole('alert').textContent).toContain(en.uploader.errors.timeout);
  });

  test('ko: the result code, buttons and progress are Korean', async () => {
    server.respond = () => nhnError(5000503, 503);
    const { root, settled } = setup({ retries: 0, locale: ko });
    expect(screen.getByRole('button', { name: ko.uploader.browse })).toBeTruthy();
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('error');
    expect(screen.getByRole('alert').textContent).toContain(ko.uploader.resultCodes[5000503]);
    expect(screen.getByRole('button', { name: ko.uploader.retry })).toBeTruthy();
    expect(screen.getByRole('button', { name: ko.uploader.cancel })).toBeTruthy();
  });

  test('ko reaches the overlay: its announcements are Korean too', async () => {
    expect(await announcedBy({ locale: ko })).toMatch(/^영수증, 신뢰도 \d+%, 1개 중 1번째 단어$/);
  });
});

/** Recognises one word, selects it in the overlay and returns what the overlay announced. */
async function announcedBy(props: Partial<OcrUploaderProps>): Promise<string> {
  server.respond = () => ok([{ text: '영수증', box: [1, 1, 30, 1, 30, 10, 1, 10] }]);
  const { root, settled } = setup(props);
  await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
  await settled('success');
  const overlay = await vi.waitFor(() => {
    const found = root.querySelector<HTMLElement>('[data-ocr-overlay][data-state="ready"]');
    if (!found) throw new Error('overlay not ready yet');
    return found;
  });
  overlay.focus();
  await userEvent.keyboard('{ArrowRight}');
  return overlay.querySelector('[data-ocr-announcer]')!.textContent!;
}

describe('locale', () => {
  test('messages override single strings on top of ko', () => {
    const { root } = setup({ locale: ko, messages: { browse: '사진 고르기' } });
    expect(screen.getByRole('button', { name: '사진 고르기' })).toBeTruthy();
    expect(screen.getByRole('button', { name: ko.uploader.urlSubmit })).toBeTruthy();
    expect(root.getAttribute('aria-label')).toBe(ko.uploader.region);
  });

  test("overlayProps.locale wins over the uploader's own for the overlay", async () => {
    expect(await announcedBy({ locale: ko, overlayProps: { locale: en } })).toMatch(
      /^영수증, \d+% confidence, word 1 of 1$/,
    );
    expect(screen.getByRole('button', { name: ko.uploader.browse })).toBeTruthy();
  });

  test('the old string form (locale="ko") shows English in both, with one hint', async () => {
    allowConsoleError(/locale="ko"/);
    const announced = await announcedBy({ locale: 'ko' as unknown as OcrLocale });
    expect(announced).toMatch(/^영수증, \d+% confidence, word 1 of 1$/);
    expect(screen.getByRole('button', { name: en.uploader.browse })).toBeTruthy();
    const hints = vi
      .mocked(console.error)
      .mock.calls.filter(([message]) => /locale="ko"/.test(String(message)));
    expect(hints).toHaveLength(1);
    expect(hints[0]![0]).toContain("import { ko } from 'react-ocr-overlay/locales/ko'");
    expect(hints[0]![0]).toContain('locale={ko}');
  });
});

describe('progress and status', () => {
  test('a progress bar with percentage through uploading, indeterminate while recognizing; progress reaches 1', async () => {
    // Mocked backends answer at once; a throttled XHR uploads ~40 kB per 100 ms instead.
    vi.stubGlobal('XMLHttpRequest', throttledXMLHttpRequest(400_000));
    server.respond = () => slowJson(nhnBody([{ text: 'a', box: [0, 0, 1, 0, 1, 1, 0, 1] }]), 300);
    const progress: Array<number | null> = [];
    const statuses: string[] = [];
    const { root, settled } = setup({
      onStatusChange: (status) => statuses.push(status),
      children: (state) => {
        progress.push(state.progress);
        return <span>{state.messages.prompt}</span>;
      },
    });
    const noise = new Uint8Array(150_000);
    crypto.getRandomValues(noise.subarray(0, 65536));
    const file = new File([await makeImage(64, 32, 'image/jpeg'), noise], 'big.jpg', {
      type: 'image/jpeg',
    });
    await dropFiles(root, [file]);
    await waitFor(() => {
      const bar = screen.getByRole('progressbar', {
        name: en.uploader.progress,
      }) as HTMLProgressElement;
      expect(bar.value).toBeGreaterThan(0);
      expect(bar.value).toBeLessThan(100);
      expect(screen.getByText(`${Math.round(bar.value)}%`)).toBeTruthy();
    });
    await settled('recognizing');
    const bar = screen.getByRole('progressbar', { name: en.uploader.progress });
    expect(bar.hasAttribute('value')).toBe(false); // indeterminate while the server works
    expect(screen.getByText(en.uploader.recognizing).getAttribute('aria-live')).toBe('polite');
    await settled('success');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(statuses).toEqual(['preparing', 'uploading', 'recognizing', 'success']);
    const numbers = progress.filter((value): value is number => value !== null);
    expect(new Set(numbers).size).toBeGreaterThan(3);
    expect(numbers.at(-1)).toBe(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(screen.getByText(en.uploader.success(1)).getAttribute('aria-live')).toBe('polite');
    expect(server.received[0]!.bytes).toEqual(await bytesOf(file));
  });

  test('drag-over is shown', async () => {
    const { root } = setup();
    const data = new DataTransfer();
    data.items.add(await makeImage(8, 8, 'image/png'));
    root.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: data }));
    await waitFor(() => expect(root.hasAttribute('data-drag-active')).toBe(true));
    expect(screen.getByText(en.uploader.dragActive, { exact: false })).toBeTruthy();
  });
});
