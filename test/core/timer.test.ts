import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { recognize } from '../../src/core/client';
import { MAX_TIMER_MS, startTimer } from '../../src/core/timer';

const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const RESPONSE = JSON.stringify({
  header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
  result: { fileType: 'png', listOfInferTexts: [], listOfBoundingBoxes: [] },
});

/** An OCR backend that answers after `delayMs`. */
async function lateBackend(delayMs: number): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(RESPONSE);
      }, delayMs),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/general`;
}

describe('regression #10.8: recognize timeoutMs above 2³¹−1 ms must not fire at once', () => {
  test.each([2 ** 31, 1e12, 2 ** 53])('timeoutMs %d waits for the answer', async (timeoutMs) => {
    const endpoint = await lateBackend(100);
    const image = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    const result = await recognize(image, { endpoint, timeoutMs, retries: 0 });
    expect(result.words).toEqual([]);
  });
});

describe('startTimer', () => {
  test('a delay above 2³¹−1 ms waits 2³¹−1 ms instead of firing at once', async () => {
    const fired = vi.fn();
    const cancel = startTimer(2 ** 31, fired);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fired).not.toHaveBeenCalled();
    cancel();
  });

  test('clamps to MAX_TIMER_MS', () => {
    vi.useFakeTimers();
    const fired = vi.fn();
    startTimer(1e15, fired);
    vi.advanceTimersByTime(MAX_TIMER_MS - 1);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
  });

  test('Infinity sets no timer at all', () => {
    vi.useFakeTimers();
    const fired = vi.fn();
    startTimer(Number.POSITIVE_INFINITY, fired);
    expect(vi.getTimerCount()).toBe(0);
    expect(fired).not.toHaveBeenCalled();
  });

  test('the returned function cancels it', () => {
    vi.useFakeTimers();
    const fired = vi.fn();
    const cancel = startTimer(100, fired);
    cancel();
    vi.advanceTimersByTime(1000);
    expect(fired).not.toHaveBeenCalled();
  });
});
