import { afterEach, beforeEach, describe, expect, inject, test, vi } from 'vitest';
import { type RecognizeOptions, recognizeWithTiming } from '../../src/core/client';
import type { OcrError } from '../../src/core/errors';
import type { AttemptLog, Scenario } from '../browser/ocr-test-server';
import { rejectionOf } from '../support/rejection';

/**
 * The XMLHttpRequest transport (chosen when `onUploadProgress` is set) against a real Node
 * backend started by test/browser/global-setup.ts, cross-origin, so CORS is real too.
 */
const server = inject('ocrServerUrl');
const refused = inject('ocrRefusedUrl');
if (!server || !refused) {
  throw new Error(
    'No OCR test server: register test/browser/global-setup.ts as `globalSetup` of the chromium project.',
  );
}
const FAST = { baseMs: 5, capMs: 20 };

let key = '';
beforeEach(() => {
  key = crypto.randomUUID();
});

let sends: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  sends = vi.spyOn(XMLHttpRequest.prototype, 'send');
});
afterEach(() => {
  sends.mockRestore();
});

const endpoint = (reply: Scenario, extra = '') => `${server}/ocr?key=${key}&reply=${reply}${extra}`;

async function attempts(): Promise<AttemptLog[]> {
  const response = await fetch(`${server}/log?key=${key}`);
  return ((await response.json()) as { attempts: AttemptLog[] }).attempts;
}

/** Random bytes, so nothing along the way can compress them. */
function randomImage(size: number, name = 'scan.jpg'): File {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  }
  return new File([bytes], name, { type: 'image/jpeg' });
}

const noop = () => {};

// Once in six full runs (2026-12-02, fresh clone, all browser files in parallel) Chromium fired
// no upload event at all for this file's three uploads, while the requests themselves succeeded;
// alone, and in the other runs, every attempt passes. Retried until that is understood, so a
// transport that never reports progress still fails every attempt.
describe('upload progress', { retry: 2 }, () => {
  test('reports growing progress and ends exactly once at (total, total)', async () => {
    // Larger than the loopback socket buffers (~4 MB here), read slowly by the server, so
    // Chromium has time to report progress before the upload ends.
    const image = randomImage(8 * 1024 * 1024);
    const calls: Array<[number, number]> = [];
    const result = await recognizeWithTiming(
      image,
      {
        endpoint: endpoint('ok', '&slow=1'),
        onUploadProgress: (loaded, total) => calls.push([loaded, total]),
      },
      FAST,
    );

    expect(result.words.length).toBeGreaterThan(0);
    expect(sends).toHaveBeenCalledTimes(1);
    const total = calls[0]![1];
    // The multipart body is the image plus a few hundred bytes of part headers.
    expect(total).toBeGreaterThan(image.size);
    expect(total).toBeLessThan(image.size + 1024);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.some(([loaded]) => loaded > 0 && loaded < total)).toBe(true);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]![1]).toBe(total);
      expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    }
    expect(calls.at(-1)).toEqual([total, total]);
    expect(calls.filter(([loaded]) => loaded === total)).toHaveLength(1);

    const [attempt] = await attempts();
    expect(attempt!.image).toEqual({ name: 'scan.jpg', size: image.size, type: 'image/jpeg' });
    expect(attempt!.bodyLength).toBe(total);
  });

  test('a small upload still ends at (total, total)', async () => {
    const progress = vi.fn();
    await recognizeWithTiming(
      randomImage(2000),
      { endpoint: endpoint('ok'), onUploadProgress: progress },
      FAST,
    );
    expect(progress).toHaveBeenCalled();
    const [loaded, total] = progress.mock.lastCall as [number, number];
    expect(loaded).toBe(total);
    expect(total).toBe((await attempts())[0]!.bodyLength);
  });

  test('restarts on a retry and ends at (total, total)', async () => {
    const calls: Array<[number, number]> = [];
    await recognizeWithTiming(
      randomImage(10_000),
      { endpoint: endpoint('fail-once'), onUploadProgress: (l, t) => calls.push([l, t]) },
      FAST,
    );
    expect(await attempts()).toHaveLength(2);
    const total = calls.at(-1)![1];
    expect(calls.filter(([loaded]) => loaded === total)).toHaveLength(2);
    expect(calls.at(-1)).toEqual([total, total]);
  });

  test('without onUploadProgress the browser uses fetch, not XHR', async () => {
    await recognizeWithTiming(randomImage(1000), { endpoint: endpoint('ok') }, FAST);
    expect(sends).not.toHaveBeenCalled();
    expect(await attempts()).toHaveLength(1);
  });
});

describe('request over XHR', () => {
  test('custom headers and the JSON body for an imageUrl arrive', async () => {
    const imageUrl = 'https://example.com/receipt.jpg';
    await recognizeWithTiming(
      { imageUrl },
      {
        endpoint: endpoint('ok'),
        headers: [['X-Tenant', 't-1']],
        onUploadProgress: noop,
      },
      FAST,
    );
    expect(sends).toHaveBeenCalledTimes(1);
    const [attempt] = await attempts();
    expect(attempt!.headers['x-tenant']).toBe('t-1');
    expect(attempt!.contentType).toBe('application/json');
    expect(attempt!.json).toEqual({ imageUrl });
  });

  test("mode 'cropping' posts to <endpoint>/cropping", async () => {
    await recognizeWithTiming(
      randomImage(500),
      { endpoint: endpoint('ok'), mode: 'cropping', onUploadProgress: noop },
      FAST,
    );
    expect((await attempts())[0]!.path).toBe('/ocr/cropping');
  });

  test("credentials: 'include' sets withCredentials (a `*` CORS answer is then refused)", async () => {
    const options = { endpoint: endpoint('ok', '&cors=star'), onUploadProgress: noop, retries: 0 };
    await expect(recognizeWithTiming(randomImage(500), options, FAST)).resolves.toBeTruthy();
    const error = await rejectionOf(
      recognizeWithTiming(randomImage(500), { ...options, credentials: 'include' }, FAST),
    );
    expect(error.code).toBe('network');
    // The browser refused the preflight answer, so the second POST never left.
    expect(await attempts()).toHaveLength(1);
  });
});

describe('abort and timeout over XHR', () => {
  test('abort in flight rejects at once; no further attempt', async () => {
    const controller = new AbortController();
    const pending = recognizeWithTiming(
      randomImage(1000),
      { endpoint: endpoint('hang'), signal: controller.signal, onUploadProgress: noop },
      FAST,
    );
    await vi.waitUntil(async () => (await attempts()).length === 1, { timeout: 5000 });
    const started = performance.now();
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error).toMatchObject({ code: 'aborted', retryable: false });
    expect(performance.now() - started).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await attempts()).toHaveLength(1);
  });

  test('abort while waiting to retry rejects at once', async () => {
    const controller = new AbortController();
    const pending = recognizeWithTiming(
      randomImage(1000),
      { endpoint: endpoint('fail-once'), signal: controller.signal, onUploadProgress: noop },
      { baseMs: 10_000, capMs: 10_000, random: () => 0.999 },
    );
    await vi.waitUntil(async () => (await attempts()).length === 1, { timeout: 5000 });
    controller.abort();
    expect((await rejectionOf(pending)).code).toBe('aborted');
    expect(await attempts()).toHaveLength(1);
  });

  test('an already aborted signal sends nothing', async () => {
    const error = await rejectionOf(
      recognizeWithTiming(
        randomImage(1000),
        { endpoint: endpoint('ok'), signal: AbortSignal.abort(), onUploadProgress: noop },
        FAST,
      ),
    );
    expect(error.code).toBe('aborted');
    expect(sends).not.toHaveBeenCalled();
    expect(await attempts()).toHaveLength(0);
  });

  test('a hanging backend times out per attempt and is retried', async () => {
    const error = await rejectionOf(
      recognizeWithTiming(
        randomImage(1000),
        { endpoint: endpoint('hang'), timeoutMs: 200, retries: 1, onUploadProgress: noop },
        FAST,
      ),
    );
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(sends).toHaveBeenCalledTimes(2);
    expect(await attempts()).toHaveLength(2);
  });
});

describe('errors map the same over XHR and fetch', () => {
  const shape = (error: OcrError) => ({
    code: error.code,
    status: error.status,
    resultCode: error.resultCode,
    resultMessage: error.resultMessage,
    retryable: error.retryable,
    message: error.message.replace(/key=[\w-]+/, 'key=…'),
  });

  // Chromium itself resends a request once when a reused connection drops, so for 'destroy'
  // the server may see more hits than we sent; `sends` counts our attempts.
  test.each<[string, () => string, Partial<OcrError>, number]>([
    [
      'HTML 502',
      () => endpoint('html-502'),
      { code: 'http', status: 502, message: 'The OCR backend answered HTTP 502 Bad Gateway.' },
      3,
    ],
    ['HTML 200', () => endpoint('html-200'), { code: 'invalid-response', status: 200 }, 1],
    [
      '413 envelope',
      () => endpoint('envelope-413'),
      { code: 'api', status: 413, resultCode: 4131000, retryable: false },
      1,
    ],
    [
      '503 envelope',
      () => endpoint('envelope-503'),
      { code: 'api', status: 503, resultCode: 5000503, retryable: true },
      3,
    ],
    ['dropped connection', () => endpoint('destroy'), { code: 'network', retryable: true }, 3],
    ['connection refused', () => refused, { code: 'network', retryable: true }, 3],
  ])('%s', async (_, url, expected, attemptCount) => {
    const run = (options: Partial<RecognizeOptions>) =>
      rejectionOf(recognizeWithTiming(randomImage(1000), { endpoint: url(), ...options }, FAST));
    const overXhr = await run({ onUploadProgress: noop });
    expect(overXhr).toMatchObject(expected);
    expect(sends).toHaveBeenCalledTimes(attemptCount);
    const hits = (await attempts()).length;
    if (expected.code !== 'network') expect(hits).toBe(attemptCount);
    else expect(hits).toBeGreaterThanOrEqual(url() === refused ? 0 : attemptCount);

    const overFetch = await run({});
    expect(sends).toHaveBeenCalledTimes(attemptCount);
    expect(shape(overXhr)).toEqual(shape(overFetch));
    if (expected.code !== 'network') expect(await attempts()).toHaveLength(2 * attemptCount);
  });

  test('a failed attempt followed by success resolves over XHR', async () => {
    const result = await recognizeWithTiming(
      randomImage(1000),
      { endpoint: endpoint('fail-once'), onUploadProgress: noop },
      FAST,
    );
    expect(result.words.length).toBeGreaterThan(0);
    expect(sends).toHaveBeenCalledTimes(2);
    expect(await attempts()).toHaveLength(2);
  });
});
