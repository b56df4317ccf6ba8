import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { type UseOcrOptions, useOcr } from '../../../src/react/uploader';
import { bytesOf, makeImage, mockBackend, nhnBody, ok } from './browser-support';

const { server, use, handler } = mockBackend();

function setup(options: Partial<UseOcrOptions> = {}) {
  use(handler);
  const onError = vi.fn();
  return renderHook(
    (props: Partial<UseOcrOptions>) => useOcr({ endpoint: '/api/ocr/general', onError, ...props }),
    {
      initialProps: options,
    },
  );
}

describe('useOcr', () => {
  test('recognize resolves with the result; state holds image and result', async () => {
    const { result } = setup();
    const file = await makeImage(64, 32, 'image/jpeg');
    let returned: unknown;
    await act(async () => {
      returned = await result.current.recognize(file);
    });
    expect(result.current.status).toBe('success');
    expect(returned).toBe(result.current.result);
    expect(result.current.image).toMatchObject({ width: 64, height: 32, file });
    expect(result.current.image!.src).toMatch(/^blob:/);
    expect(result.current.progress).toBe(1);
    expect(result.current.error).toBeNull();
  });

  test('a superseded recognize resolves null and never touches state', async () => {
    server.respond = async (received) => {
      if (received.file!.name === 'slow.jpg') await new Promise((r) => setTimeout(r, 300));
      return ok([{ text: received.file!.name, box: [0, 0, 1, 0, 1, 1, 0, 1] }]);
    };
    const onResult = vi.fn();
    const { result } = setup({ onResult });
    const slow = await makeImage(64, 32, 'image/jpeg', 'slow.jpg');
    const fast = await makeImage(64, 32, 'image/jpeg', 'fast.jpg');
    let first: Promise<unknown> = Promise.resolve();
    act(() => {
      first = result.current.recognize(slow);
    });
    await waitFor(() => expect(server.received).toHaveLength(1));
    await act(() => result.current.recognize(fast));
    expect(await first).toBeNull();
    expect(result.current.result!.words[0]!.text).toBe('fast.jpg');
    expect(onResult).toHaveBeenCalledTimes(1);
  });

  test('retry re-sends the prepared bytes without decoding again, image unchanged', async () => {
    server.respond = (_received, index) =>
      index === 0 ? new Response('nope', { status: 500 }) : ok();
    const { result } = setup({ retries: 0, preprocess: { maxDimension: 32 } });
    const file = await makeImage(64, 32, 'image/png');
    await act(() => result.current.recognize(file));
    expect(result.current.status).toBe('error');
    expect(result.current.error).toMatchObject({ code: 'http', status: 500 });
    const image = result.current.image;
    const decode = vi.spyOn(window, 'createImageBitmap');
    await act(() => result.current.retry());
    expect(result.current.status).toBe('success');
    expect(decode).not.toHaveBeenCalled();
    expect(result.current.image).toBe(image);
    expect(server.received[1]!.bytes).toEqual(server.received[0]!.bytes);
  });

  test('cancel dismisses an error and keeps the image; reset forgets everything', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    server.respond = () => new Response('nope', { status: 500 });
    const { result } = setup({ retries: 0 });
    await act(() => result.current.recognize(makeImage(64, 32, 'image/jpeg') as never));
    // A promise is not an input: it is refused as undecodable, not thrown.
    expect(result.current.status).toBe('error');
    await act(() => result.current.recognize(new File([new Uint8Array(0)], 'x.png')));
    expect(result.current.error!.code).toBe('invalid-input');
    await act(async () => {
      await result.current.recognize(await makeImage(64, 32, 'image/jpeg'));
    });
    expect(result.current.status).toBe('error');
    const src = result.current.image!.src;
    act(() => result.current.cancel());
    expect(result.current).toMatchObject({ status: 'idle', error: null });
    expect(result.current.image!.src).toBe(src);
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ status: 'idle', image: null, result: null });
    expect(revoke).toHaveBeenCalledWith(src);
  });

  test('an injected fetch is used (no XHR): progress is unknown until the answer', async () => {
    const received: FormData[] = [];
    let answer = () => {};
    const gate = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      received.push(init!.body as FormData);
      await gate;
      return Response.json(nhnBody([{ text: 'x', box: [0, 0, 1, 0, 1, 1, 0, 1] }]));
    });
    const { result } = setup({ fetch });
    const file = await makeImage(64, 32, 'image/jpeg');
    let running: Promise<unknown> = Promise.resolve();
    act(() => {
      running = result.current.recognize(file);
    });
    await waitFor(() => expect(result.current.status).toBe('uploading'));
    expect(result.current.progress).toBeNull(); // the bar is indeterminate, not stuck at 0 %
    answer();
    await act(() => running);
    expect(result.current.status).toBe('success');
    expect(await bytesOf(received[0]!.get('image') as File)).toEqual(await bytesOf(file));
    expect(server.received).toEqual([]);
  });

  test('the latest callbacks are called, without re-creating recognize', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { result, rerender } = setup({ onResult: first });
    const recognize = result.current.recognize;
    rerender({ onResult: second });
    expect(result.current.recognize).toBe(recognize);
    await act(async () => {
      await result.current.recognize(await makeImage(8, 8, 'image/png'));
    });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
