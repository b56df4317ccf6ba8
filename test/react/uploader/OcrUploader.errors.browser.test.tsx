/** `<OcrUploader>` explains itself (#12 items 6 and 7): errors, refused URLs, pasted links. */
import { screen, within } from '@testing-library/react';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { en } from '../../../src/locales/en';
import { ko } from '../../../src/locales/ko';
import type { OcrUploaderProps } from '../../../src/react/uploader';
import { installImageHost } from '../../../stories/support/uploader/image-host';
import { dropFiles, makeImage, mockBackend, ok } from './browser-support';
import { overlay, renderUploader } from './uploader-harness';

const backend = mockBackend();
const { server, use } = backend;
const locales = { en, ko };
const setup = (props: Partial<OcrUploaderProps> = {}) => renderUploader(backend, props);

const envelope = (status: number, resultCode: number, resultMessage: string) =>
  HttpResponse.json(
    { header: { isSuccessful: false, resultCode, resultMessage }, result: null },
    { status },
  );

const PRIVATE = 'it points to a private or reserved address, which this server does not fetch.';
const UNRESOLVED = 'the host name could not be resolved.';

async function submitUrl(url: string) {
  await userEvent.fill(screen.getByRole('textbox', { name: en.uploader.urlLabel }), url);
  await userEvent.click(screen.getByRole('button', { name: en.uploader.urlSubmit }));
}

describe("the backend's reason is shown (#12 item 6)", () => {
  test.each([
    ['a private address', PRIVATE],
    ['an unresolvable host', UNRESOLVED],
  ])('4000504 for %s: the sentence for the code, then the server words', async (_name, why) => {
    server.respond = () =>
      envelope(400, 4000504, `The image could not be downloaded from http://x.test: ${why}`);
    const { root, settled } = setup({ retries: 0 });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('error');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(en.uploader.resultCodes[4000504]);
    expect(alert.textContent).toContain(
      `Server: The image could not be downloaded from http://x.test: ${why}`,
    );
  });

  test('in Korean: the localised sentence, and the server words as they came', async () => {
    server.respond = () => envelope(400, 4000504, `Download refused: ${PRIVATE}`);
    const { root, settled } = setup({ retries: 0, locale: ko });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('error');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(ko.uploader.resultCodes[4000504]);
    expect(alert.textContent).toContain(`서버: Download refused: ${PRIVATE}`);
  });

  test('an unknown code: the server words instead of "error N"', async () => {
    server.respond = () => envelope(400, 4009999, 'Your plan does not include handwriting.');
    const { root, settled } = setup({ retries: 0 });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('error');
    expect(screen.getByRole('alert').querySelector('p')!.textContent).toBe(
      'Your plan does not include handwriting.',
    );
  });

  test.each([
    ['ERROR', 'ERROR'],
    ['error 4000003', 'error 4000003'],
    ['our own sentence', en.uploader.resultCodes[4000003]!],
  ])('no detail when the server only says %s', async (_name, words) => {
    server.respond = () => envelope(400, 4000003, words);
    const { root, settled } = setup({ retries: 0 });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('error');
    expect(screen.getByRole('alert').querySelectorAll('p')).toHaveLength(1);
  });
});

describe('Retry only where it can help: error.retryable (#12 item 6)', () => {
  test.each<[string, () => Response, boolean]>([
    ['HTTP 500', () => new HttpResponse('boom', { status: 500 }), true],
    ['NHN 5000503 (temporarily unavailable)', () => envelope(503, 5000503, 'busy'), true],
    ['a network failure', () => HttpResponse.error(), true],
    ['NHN 4000504 (URL not downloadable)', () => envelope(400, 4000504, PRIVATE), false],
    ['NHN 4000003 (file type)', () => envelope(400, 4000003, 'bad type'), false],
    ['an unreadable answer', () => new HttpResponse('<html>', { status: 200 }), false],
  ])('%s → Retry %s', async (_name, respond, retry) => {
    server.respond = respond;
    const { root, settled, onError } = setup({ retries: 0 });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('error');
    expect(onError.mock.calls[0]![0].retryable).toBe(retry);
    const alert = screen.getByRole('alert');
    expect(within(alert).queryByRole('button', { name: en.uploader.retry }) !== null).toBe(retry);
    expect(within(alert).getByRole('button', { name: en.uploader.cancel })).toBeTruthy();
  });
});

describe('one error, not two, for an image URL (#12 item 6)', () => {
  test('the server refuses a URL this browser cannot load: one alert, no overlay', async () => {
    const restore = installImageHost({
      'http://printer.internal/scan.jpg': 'data:image/jpeg;base64,AAAA',
    });
    try {
      server.respond = () => envelope(400, 4000504, PRIVATE);
      const { root, settled } = setup({ retries: 0 });
      await submitUrl('http://printer.internal/scan.jpg');
      await settled('error');
      await delay(200);
      expect(screen.getAllByRole('alert')).toHaveLength(1);
      expect(overlay(root)).toBeNull();
    } finally {
      restore();
    }
  });

  test('the server reads a URL this browser cannot: the words are found, a note instead of the image', async () => {
    const restore = installImageHost({
      'https://cdn.test/blocked.jpg': 'data:image/jpeg;base64,AAAA',
    });
    try {
      const onResult = vi.fn();
      const { root, settled } = setup({ onResult });
      await submitUrl('https://cdn.test/blocked.jpg');
      await settled('success');
      expect(onResult.mock.calls[0]![1]).toMatchObject({ width: 0, height: 0 });
      expect(screen.getByText(en.uploader.success(1))).toBeTruthy();
      expect(screen.getByText(en.uploader.imageUnavailable)).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(overlay(root)).toBeNull();
    } finally {
      restore();
    }
  });
});

describe('a refused URL says what is wrong with it (#12 item 6)', () => {
  test.each([
    [
      'http://localhost:6006/a.jpg',
      'en',
      /uses port 6006; .* only from ports 80, 443 and 10000–12000/,
    ],
    ['http://localhost:6006/a.jpg', 'ko', /^포트 6006/],
    ['ftp://example.com/a.jpg', 'en', /uses "ftp:"; .* only http: and https: URLs/],
    ['example.com/a.jpg', 'en', /"example\.com\/a\.jpg" is not an absolute URL: it needs http/],
    ['https://', 'en', /"https:\/\/" is not an absolute URL: it has no host name/],
    ['https://', 'ko', /호스트 이름이 없습니다/],
  ] as const)('%s (%s)', async (url, locale, sentence) => {
    const { settled } = setup({ locale: locales[locale] });
    await userEvent.fill(
      screen.getByRole('textbox', { name: locales[locale].uploader.urlLabel }),
      url,
    );
    await userEvent.click(screen.getByRole('button', { name: locales[locale].uploader.urlSubmit }));
    await settled('error');
    expect(screen.getByRole('alert').querySelector('p')!.textContent).toMatch(sentence);
    expect(screen.queryByRole('button', { name: locales[locale].uploader.retry })).toBeNull();
    expect(server.received).toEqual([]);
  });
});

/** Pastes text onto `target` as a browser does; returns whether a handler called preventDefault. */
function pasteText(target: Element, text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', {
    bubbles: true,
    cancelable: true,
    clipboardData: data,
  });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('a pasted link fills the URL field (#12 item 7)', () => {
  const field = () =>
    screen.getByRole('textbox', { name: en.uploader.urlLabel }) as HTMLInputElement;

  test('onto the uploader: the field gets the URL and the focus, nothing is sent yet', async () => {
    const { root, state } = setup();
    root.focus();
    expect(pasteText(root, '  https://example.com/receipt.jpg\n')).toBe(true);
    await vi.waitFor(() => expect(field().value).toBe('https://example.com/receipt.jpg'));
    expect(document.activeElement).toBe(field());
    await delay(100);
    expect(state()).toBe('idle');
    expect(server.received).toEqual([]);
  });

  test('Enter then recognises it', async () => {
    use(
      http.get(
        'https://images.test/a.png',
        async () => new HttpResponse(await makeImage(40, 20, 'image/png')),
      ),
    );
    const { root, settled } = setup();
    root.focus();
    pasteText(root, 'https://images.test/a.png');
    await vi.waitFor(() => expect(field().value).toBe('https://images.test/a.png'));
    await userEvent.keyboard('{Enter}');
    await settled('success');
    expect(server.received).toEqual([
      { url: '/api/ocr/general', imageUrl: 'https://images.test/a.png' },
    ]);
  });

  test.each<[string, string, Partial<OcrUploaderProps>]>([
    ['text that is not a link', 'total 4,500', {}],
    ['a link of another scheme', 'ftp://example.com/a.jpg', {}],
    ['with allowUrl={false}', 'https://example.com/a.jpg', { allowUrl: false }],
    ['with paste={false}', 'https://example.com/a.jpg', { paste: false }],
    ['when disabled', 'https://example.com/a.jpg', { disabled: true }],
  ])('ignored: %s', async (_name, text, props) => {
    const { root, state } = setup(props);
    root.focus();
    expect(pasteText(root, text)).toBe(false);
    await delay(50);
    expect(
      screen.queryByRole('textbox', { name: en.uploader.urlLabel }) === null ||
        field().value === '',
    ).toBe(true);
    expect(state()).toBe('idle');
  });

  test('into the URL field itself: left to the browser', async () => {
    setup();
    field().focus();
    expect(pasteText(field(), 'https://example.com/a.jpg')).toBe(false);
  });

  test("the user's onPaste runs first and can prevent ours", async () => {
    const onPaste = vi.fn((event: React.ClipboardEvent) => event.preventDefault());
    const { root } = setup({ onPaste });
    root.focus();
    pasteText(root, 'https://example.com/a.jpg');
    await delay(50);
    expect(onPaste).toHaveBeenCalledTimes(1);
    expect(field().value).toBe('');
  });

  test('a pasted image is still recognised at once', async () => {
    const { root, settled } = setup();
    root.focus();
    const data = new DataTransfer();
    data.items.add(await makeImage(16, 16, 'image/png'));
    root.dispatchEvent(
      new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }),
    );
    await settled('success');
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.file).toBeTruthy();
    server.respond = () => ok();
  });
});
