/** `<OcrUploader>`: concurrent runs, cancel, unmount, and the paste/URL/disabled inputs. */
import { render, screen, waitFor } from '@testing-library/react';
import { delay, HttpResponse, http } from 'msw';
import { StrictMode } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { en } from '../../../src/locales/en';
import { OcrUploader, type OcrUploaderProps } from '../../../src/react/uploader';
import { bytesOf, dropFiles, makeImage, mockBackend, ok, pasteFiles } from './browser-support';
import { overlay, recorder, renderUploader } from './uploader-harness';

const backend = mockBackend();
const { server, use, handler } = backend;
const setup = (props: Partial<OcrUploaderProps> = {}) => renderUploader(backend, props);

describe('runs', () => {
  test('Cancel aborts the upload; nothing is reported and the image stays', async () => {
    server.respond = async () => {
      await delay(1000);
      return ok();
    };
    const onResult = vi.fn();
    const { root, settled, onError } = setup({ onResult });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await waitFor(() => expect(screen.getByRole('progressbar')).toBeTruthy());
    await userEvent.click(screen.getByRole('button', { name: en.uploader.cancel }));
    await settled('idle');
    // The overlay's code loads once per page; from then on it shows the image at once.
    await waitFor(() => expect(overlay(root)).not.toBeNull());
    await delay(1200);
    expect(overlay(root)).not.toBeNull();
    expect(root.getAttribute('data-state')).toBe('idle');
    expect(onResult).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  test('a second drop during a slow first request: only the second result ever shows', async () => {
    server.respond = async (received) => {
      if (received.file!.name === 'first.jpg') {
        await delay(400);
        return ok([{ text: 'first', box: [0, 0, 1, 0, 1, 1, 0, 1] }]);
      }
      return ok([{ text: 'second', box: [0, 0, 1, 0, 1, 1, 0, 1] }]);
    };
    const seen = new Set<string>();
    const onResult = vi.fn();
    const { root, settled } = setup({
      onResult,
      children: (state) => {
        for (const word of state.result?.words ?? []) seen.add(word.text);
        return null;
      },
    });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg', 'first.jpg')]);
    await waitFor(() => expect(server.received).toHaveLength(1));
    await dropFiles(root, [await makeImage(32, 64, 'image/jpeg', 'second.jpg')]);
    await settled('success');
    await delay(600);
    expect([...seen]).toEqual(['second']);
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(onResult.mock.calls[0]![1]).toMatchObject({ width: 32, height: 64 });
    expect(root.getAttribute('data-state')).toBe('success');
  });

  test('unmount mid-request: no state update, no callback, nothing logged, URL revoked', async () => {
    let answered = false;
    server.respond = async () => {
      await delay(300);
      answered = true;
      return ok();
    };
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const onResult = vi.fn();
    const onStatusChange = vi.fn();
    const { seen, children } = recorder();
    const { root, onError, unmount } = setup({ onResult, onStatusChange, children });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await waitFor(() => expect(server.received).toHaveLength(1));
    const src = seen.current!.image!.src;
    const calls = onStatusChange.mock.calls.length;
    unmount();
    expect(revoke).toHaveBeenCalledWith(src);
    await delay(500);
    expect(answered).toBe(true);
    expect(onStatusChange).toHaveBeenCalledTimes(calls);
    expect(onResult).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  test('unmount while a drop is still being read: nothing is reported (#12 item 9, react-dropzone 19)', async () => {
    const onResult = vi.fn();
    const { root, onError, unmount } = setup({ onResult });
    // react-dropzone reads the dropped files asynchronously and calls back after unmount.
    await dropFiles(root, [new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
    unmount();
    await delay(200);
    expect(onError).not.toHaveBeenCalled();
    expect(onResult).not.toHaveBeenCalled();
    expect(server.received).toEqual([]);
  });

  test('a replaced image has its object URL revoked', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const { seen, children } = recorder();
    const { root, settled } = setup({ children });
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await settled('success');
    const first = seen.current!.image!.src;
    await dropFiles(root, [await makeImage(32, 32, 'image/png')]);
    await waitFor(() => expect(seen.current!.image!.src).not.toBe(first));
    expect(revoke).toHaveBeenCalledWith(first);
  });

  test('works under StrictMode', async () => {
    use(handler);
    const { container } = render(
      <StrictMode>
        <OcrUploader endpoint="/api/ocr/general" />
      </StrictMode>,
    );
    const root = container.firstElementChild!;
    await dropFiles(root, [await makeImage(64, 32, 'image/jpeg')]);
    await waitFor(() => expect(root.getAttribute('data-state')).toBe('success'));
    await waitFor(() => expect(overlay(root)!.getAttribute('data-state')).toBe('ready'));
    await waitFor(() => expect(overlay(root)!.getAttribute('data-text-layer')).toBe('ready'));
    expect(overlay(root)!.querySelector('[data-ocr-text-layer]')!.textContent).toContain('hello');
  });
});

describe('inputs', () => {
  test('paste an image while focus is inside the uploader', async () => {
    const file = await makeImage(64, 32, 'image/png');
    const { root, settled } = setup();
    root.focus();
    pasteFiles(document.activeElement!, [file]);
    await settled('success');
    expect(server.received[0]!.bytes).toEqual(await bytesOf(file));
  });

  test('paste={false} ignores pasted images', async () => {
    const { root, state } = setup({ paste: false });
    pasteFiles(root, [await makeImage(8, 8, 'image/png')]);
    await delay(100);
    expect(state()).toBe('idle');
  });

  test('URL field: the backend gets { imageUrl }, the image is shown from the URL', async () => {
    const png = await makeImage(120, 60, 'image/png');
    const imageUrl = 'https://images.example.com/receipt.png';
    use(
      http.get(
        imageUrl,
        async () =>
          new HttpResponse(await png.arrayBuffer(), { headers: { 'content-type': 'image/png' } }),
      ),
    );
    const onResult = vi.fn();
    const { settled } = setup({ onResult });
    await userEvent.fill(screen.getByRole('textbox', { name: en.uploader.urlLabel }), imageUrl);
    await userEvent.click(screen.getByRole('button', { name: en.uploader.urlSubmit }));
    await settled('success');
    expect(server.received).toEqual([{ url: '/api/ocr/general', imageUrl }]);
    expect(onResult.mock.calls[0]![1]).toEqual({ src: imageUrl, width: 120, height: 60 });
  });

  test('URL field refuses a URL NHN cannot download; nothing is sent', async () => {
    const { settled } = setup();
    await userEvent.fill(
      screen.getByRole('textbox', { name: en.uploader.urlLabel }),
      'http://example.com:8080/a.png',
    );
    await userEvent.click(screen.getByRole('button', { name: en.uploader.urlSubmit }));
    await settled('error');
    expect(screen.getByRole('alert').textContent).toBe(
      en.uploader.rejected.url({
        reason: 'port',
        url: 'http://example.com:8080/a.png',
        port: 8080,
      }) + en.uploader.cancel,
    );
    expect(screen.getByRole('alert').textContent).toContain('port 8080');
    expect(server.received).toEqual([]);
  });

  test('disabled: drops, pastes and the URL field do nothing', async () => {
    const { root, state } = setup({ disabled: true });
    await dropFiles(root, [await makeImage(8, 8, 'image/png')]);
    pasteFiles(root, [await makeImage(8, 8, 'image/png')]);
    await delay(100);
    expect(state()).toBe('idle');
    expect(root.hasAttribute('data-disabled')).toBe(true);
    expect(
      (screen.getByRole('textbox', { name: en.uploader.urlLabel }) as HTMLInputElement).disabled,
    ).toBe(true);
    expect(server.received).toEqual([]);
  });

  test('custom children, className, style and rest props reach the root', async () => {
    const onKeyDown = vi.fn();
    const { root } = setup({
      className: 'mine',
      style: { border: '1px solid red' },
      'data-testid': 'uploader',
      onKeyDown,
      children: <strong>Drop a receipt</strong>,
    } as Partial<OcrUploaderProps>);
    expect(screen.getByRole('group', { name: en.uploader.region })).toBe(root);
    expect(root.tabIndex).toBe(0); // focusable, so paste and Enter (opens the picker) work
    expect(root.className).toBe('ocr-uploader mine');
    expect(root.style.border).toBe('1px solid red');
    expect(root.dataset.testid).toBe('uploader');
    expect(screen.getByText('Drop a receipt')).toBeTruthy();
    expect(screen.queryByRole('button', { name: en.uploader.browse })).toBeNull();
  });

  test('capture reaches the file input', () => {
    setup({ capture: 'environment' });
    expect(screen.getByLabelText(en.uploader.fileInput).getAttribute('capture')).toBe(
      'environment',
    );
  });
});
