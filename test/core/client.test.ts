import { readFileSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  backoffDelay,
  DEFAULT_RETRY_TIMING,
  imageFileName,
  type RecognizeInput,
  type RecognizeOptions,
  recognize,
  recognizeWithTiming,
} from '../../src/core/client';
import { describeResultCode } from '../../src/core/errors';
import { parseOcrResponse } from '../../src/core/parse';
import { parseRetryAfter } from '../../src/core/transport';
import { rejectionOf } from '../support/rejection';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/real/${name}`, import.meta.url));
const JPEG = fixture('icdar2015-img_1.jpg');
const JPEG_RESPONSE = fixture('icdar2015-img_1.nhn.json').toString('utf8');
const RECEIPT = fixture('wildreceipt-2.jpeg');
const RECEIPT_RESPONSE = fixture('wildreceipt-2.nhn.json').toString('utf8');

/** Waits between retries shrunk to milliseconds, so retry tests stay fast. */
const FAST = { baseMs: 5, capMs: 20 };

/* ------------------------------------------------------------------------------------------ */
/* A real HTTP server on 127.0.0.1 that records every request it receives.                      */
/* ------------------------------------------------------------------------------------------ */

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  at: number;
}

type Handler = (res: ServerResponse, attempt: number, req: IncomingMessage) => void;

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function serve(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: performance.now(),
      });
      handler(res, seen.length, req);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen };
}

function send(res: ServerResponse, status: number, body: string, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

const envelope = (resultCode: number, resultMessage: string) =>
  JSON.stringify({ header: { isSuccessful: false, resultCode, resultMessage }, result: null });

const html = (res: ServerResponse, status: number) => {
  res.writeHead(status, { 'content-type': 'text/html' });
  res.end('<!doctype html><title>Oops</title><h1>Something went wrong</h1>');
};

const ok = (res: ServerResponse) => send(res, 200, JPEG_RESPONSE);

function jpegFile(name = 'receipt.jpg'): File {
  return new File([JPEG], name, { type: 'image/jpeg' });
}

/** Parses a recorded multipart body the way a server framework would. */
async function formDataOf(request: Seen): Promise<FormData> {
  return new Request('http://test.invalid/', {
    method: 'POST',
    headers: { 'content-type': String(request.headers['content-type']) },
    body: new Uint8Array(request.body),
  }).formData();
}

/* ------------------------------------------------------------------------------------------ */

describe('request', () => {
  test('a File goes as multipart field `image` with its exact bytes and name', async () => {
    const { url, seen } = await serve(ok);
    const result = await recognize(jpegFile('my receipt.jpg'), { endpoint: `${url}/api/ocr` });

    expect(result).toEqual(parseOcrResponse(JPEG_RESPONSE));
    expect(seen).toHaveLength(1);
    const [request] = seen as [Seen];
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/ocr');
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await formDataOf(request);
    expect([...form.keys()]).toEqual(['image']);
    const image = form.get('image') as File;
    expect(image.name).toBe('my receipt.jpg');
    expect(image.type).toBe('image/jpeg');
    expect(Buffer.from(await image.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  test.each([
    ['image/jpeg', 'image.jpg'],
    ['image/png', 'image.png'],
    ['image/webp', 'image.webp'],
    ['image/tiff', 'image.tiff'],
    ['image/svg+xml', 'image.svg'],
    ['application/pdf', 'image.pdf'],
    ['IMAGE/PNG; charset=binary', 'image.png'],
    ['', 'image'],
    ['application/octet-stream', 'image'],
  ])('a Blob of type %j is named %j', (type, name) => {
    expect(imageFileName(new Blob([RECEIPT], { type }))).toBe(name);
  });

  test('a nameless Blob arrives named after its type', async () => {
    const { url, seen } = await serve((res) => send(res, 200, RECEIPT_RESPONSE));
    await recognize(new Blob([RECEIPT], { type: 'image/jpeg' }), { endpoint: url });
    const image = (await formDataOf(seen[0]!)).get('image') as File;
    expect(image.name).toBe('image.jpg');
    expect(Buffer.from(await image.arrayBuffer()).equals(RECEIPT)).toBe(true);
  });

  test('a hand-set multipart Content-Type is dropped so the boundary survives', async () => {
    const { url, seen } = await serve(ok);
    await recognize(jpegFile(), {
      endpoint: url,
      headers: { 'Content-Type': 'multipart/form-data' },
    });
    expect(seen[0]!.headers['content-type']).toMatch(/boundary=/);
    expect((await formDataOf(seen[0]!)).get('image')).toBeInstanceOf(File);
  });

  test('{ imageUrl } goes as a JSON body', async () => {
    const { url, seen } = await serve(ok);
    const imageUrl = 'https://example.com/receipts/1.jpg?x=1&y=한글';
    await recognize({ imageUrl }, { endpoint: url });
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]!.body.toString('utf8'))).toEqual({ imageUrl });
  });

  test.each<[string, NonNullable<RecognizeOptions['headers']>]>([
    ['a record', { Authorization: 'Bearer abc', 'X-Tenant': 't-1' }],
    ['Headers', new Headers({ Authorization: 'Bearer abc', 'X-Tenant': 't-1' })],
    [
      'tuples',
      [
        ['Authorization', 'Bearer abc'],
        ['X-Tenant', 't-1'],
      ],
    ],
  ])('custom headers given as %s arrive', async (_, headers) => {
    const { url, seen } = await serve(ok);
    await recognize(jpegFile(), { endpoint: url, headers });
    expect(seen[0]!.headers.authorization).toBe('Bearer abc');
    expect(seen[0]!.headers['x-tenant']).toBe('t-1');
    expect(seen[0]!.headers.accept).toBe('application/json');
  });

  test('an injected fetch is used', async () => {
    const { url, seen } = await serve(ok);
    const spy = vi.fn<typeof fetch>((...args) => fetch(...args));
    await recognize(jpegFile(), { endpoint: url, fetch: spy, credentials: 'include' });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![1]).toMatchObject({ method: 'POST', credentials: 'include' });
    expect(seen).toHaveLength(1);
  });

  test('onUploadProgress without XMLHttpRequest falls back to fetch silently', async () => {
    expect(typeof XMLHttpRequest).toBe('undefined');
    const { url, seen } = await serve(ok);
    const progress = vi.fn();
    const result = await recognize(jpegFile(), { endpoint: url, onUploadProgress: progress });
    expect(result.words.length).toBeGreaterThan(0);
    expect(seen).toHaveLength(1);
    expect(progress).not.toHaveBeenCalled();
  });
});

describe('mode', () => {
  test.each([
    ['/api/ocr/general', '/api/ocr/general/cropping'],
    ['/api/ocr/general/', '/api/ocr/general/cropping'],
    ['/api/ocr/general?key=1', '/api/ocr/general/cropping?key=1'],
  ])("'cropping' posts %s to %s", async (path, expected) => {
    const { url, seen } = await serve(ok);
    await recognize(jpegFile(), { endpoint: `${url}${path}`, mode: 'cropping' });
    expect(seen[0]!.path).toBe(expected);
  });

  test("'cropping' uses croppingEndpoint when given", async () => {
    const { url, seen } = await serve(ok);
    await recognize(jpegFile(), {
      endpoint: `${url}/general`,
      croppingEndpoint: `${url}/long-images`,
      mode: 'cropping',
    });
    expect(seen[0]!.path).toBe('/long-images');
  });

  test("'general' ignores croppingEndpoint", async () => {
    const { url, seen } = await serve(ok);
    await recognize(jpegFile(), { endpoint: `${url}/general`, croppingEndpoint: `${url}/long` });
    expect(seen[0]!.path).toBe('/general');
  });
});

describe('retries', () => {
  test('503 then success: retried, resolves', async () => {
    const { url, seen } = await serve((res, attempt) =>
      attempt === 1 ? send(res, 503, envelope(5000503, 'Service Unavailable')) : ok(res),
    );
    const result = await recognizeWithTiming(jpegFile(), { endpoint: url }, FAST);
    expect(result.words.length).toBeGreaterThan(0);
    expect(seen).toHaveLength(2);
    // Every attempt sends the whole image again.
    expect((await formDataOf(seen[1]!)).get('image')).toBeInstanceOf(File);
    expect(seen[1]!.body.equals(seen[0]!.body)).toBe(false); // new boundary…
    expect(seen[1]!.body.length).toBe(seen[0]!.body.length); // …same content
  });

  test('gives up after `retries` + 1 attempts with the last error', async () => {
    const { url, seen } = await serve((res) => html(res, 500));
    const error = await rejectionOf(
      recognizeWithTiming(jpegFile(), { endpoint: url, retries: 3 }, FAST),
    );
    expect(seen).toHaveLength(4);
    expect(error).toMatchObject({ code: 'http', status: 500, retryable: true });
  });

  test('default is 2 retries; retries: 0 sends once', async () => {
    const always503 = await serve((res) => html(res, 503));
    await rejectionOf(recognizeWithTiming(jpegFile(), { endpoint: always503.url }, FAST));
    expect(always503.seen).toHaveLength(3);

    const once = await serve((res) => html(res, 503));
    await rejectionOf(recognizeWithTiming(jpegFile(), { endpoint: once.url, retries: 0 }, FAST));
    expect(once.seen).toHaveLength(1);
  });

  test('the server destroying the socket is a network error, retried', async () => {
    const { url, seen } = await serve((res, attempt) =>
      attempt === 1 ? res.socket?.destroy() : ok(res),
    );
    const result = await recognizeWithTiming(jpegFile(), { endpoint: url }, FAST);
    expect(result.words.length).toBeGreaterThan(0);
    expect(seen).toHaveLength(2);
  });

  test('connection refused is a network error with a cause, retried then given up', async () => {
    const { url } = await serve(ok);
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    const calls = vi.fn<typeof fetch>((...args) => fetch(...args));
    const error = await rejectionOf(
      recognizeWithTiming(jpegFile(), { endpoint: url, fetch: calls }, FAST),
    );
    expect(error.code).toBe('network');
    expect(error.retryable).toBe(true);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.message).toContain(url);
    expect(calls).toHaveBeenCalledTimes(3);
  });

  test.each([
    ['HTML 400', (res: ServerResponse) => html(res, 400), 'http'],
    [
      '404 envelope',
      (res: ServerResponse) => send(res, 404, envelope(4041007, 'Not Found')),
      'api',
    ],
    [
      '400 with 4000002',
      (res: ServerResponse) => send(res, 400, envelope(4000002, 'Invalid image')),
      'api',
    ],
    [
      '200 with 4000501',
      (res: ServerResponse) => send(res, 200, envelope(4000501, 'No text')),
      'api',
    ],
    [
      '401 with 4010001',
      (res: ServerResponse) => send(res, 401, envelope(4010001, 'Bad key')),
      'api',
    ],
  ])('%s is not retried', async (_, handler, code) => {
    const { url, seen } = await serve(handler);
    const error = await rejectionOf(recognizeWithTiming(jpegFile(), { endpoint: url }, FAST));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(false);
    expect(seen).toHaveLength(1);
  });

  test('a retryable NHN result code is retried even with HTTP 200', async () => {
    const { url, seen } = await serve((res, attempt) =>
      attempt === 1 ? send(res, 200, envelope(4000006, 'Call limit exceeded')) : ok(res),
    );
    await recognizeWithTiming(jpegFile(), { endpoint: url }, FAST);
    expect(seen).toHaveLength(2);
  });

  test('Retry-After in seconds is honoured', async () => {
    const { url, seen } = await serve((res, attempt) =>
      attempt === 1
        ? send(res, 429, envelope(4000006, 'Too Many Requests'), { 'retry-after': '1' })
        : ok(res),
    );
    await recognizeWithTiming(jpegFile(), { endpoint: url }, FAST);
    expect(seen).toHaveLength(2);
    const gap = seen[1]!.at - seen[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(2500);
  });

  test('Retry-After as an HTTP-date is honoured', async () => {
    const { url, seen } = await serve((res, attempt) =>
      attempt === 1
        ? send(res, 503, envelope(5000503, 'Unavailable'), {
            'retry-after': new Date(Date.now() + 1500).toUTCString(),
          })
        : ok(res),
    );
    await recognizeWithTiming(jpegFile(), { endpoint: url }, FAST);
    // HTTP-dates have whole-second resolution, so the wait is between 0.5 and 1.5 s.
    const gap = seen[1]!.at - seen[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(400);
    expect(gap).toBeLessThan(2500);
  });

  test('a huge Retry-After is capped', async () => {
    const { url, seen } = await serve((res, attempt) =>
      attempt === 1 ? send(res, 503, '', { 'retry-after': '3600' }) : ok(res),
    );
    await recognizeWithTiming(jpegFile(), { endpoint: url }, { ...FAST, retryAfterCapMs: 100 });
    const gap = seen[1]!.at - seen[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(90);
    expect(gap).toBeLessThan(1000);
  });

  test('the backoff grows between attempts', async () => {
    const { url, seen } = await serve((res, attempt) => (attempt < 4 ? html(res, 502) : ok(res)));
    await recognizeWithTiming(
      jpegFile(),
      { endpoint: url, retries: 3 },
      { baseMs: 100, factor: 2, capMs: 10_000, random: () => 0.999 },
    );
    expect(seen).toHaveLength(4);
    const gaps = [1, 2, 3].map((i) => seen[i]!.at - seen[i - 1]!.at);
    // Each wait is at least its step of the schedule (~100, 200, 400 ms) and the first stays
    // well below the third's floor: the wait grew. Bounds, not differences, so a slow first
    // request on a loaded machine cannot make it look as if it had not.
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeGreaterThanOrEqual(395);
    expect(gaps[0]).toBeLessThan(300);
    expect(gaps[1]).toBeLessThan(gaps[2]! + 100);
  });
});

describe('backoffDelay', () => {
  test('full jitter under an exponential ceiling with a cap', () => {
    const at = (random: number) => (attempt: number) =>
      backoffDelay(attempt, { ...DEFAULT_RETRY_TIMING, random: () => random });
    expect([0, 1, 2, 3, 4, 5, 10].map(at(0.999_999))).toEqual([
      499, 999, 1999, 3999, 7999, 7999, 7999,
    ]);
    expect([0, 1, 2, 10].map(at(0))).toEqual([0, 0, 0, 0]);
    expect(at(0.5)(2)).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  test.each<[string | null, number | undefined]>([
    [null, undefined],
    ['0', 0],
    ['3', 3000],
    [' 120 ', 120_000],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('timeout', () => {
  test('no answer within timeoutMs is a retryable timeout, per attempt', async () => {
    const { url, seen } = await serve(() => {});
    const started = performance.now();
    const error = await rejectionOf(
      recognizeWithTiming(jpegFile(), { endpoint: url, timeoutMs: 150, retries: 1 }, FAST),
    );
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toMatch(/150 ms/);
    expect(seen).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('a body that stops half-way also times out', async () => {
    const { url } = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(JPEG_RESPONSE.slice(0, 100));
    });
    const error = await rejectionOf(
      recognize(jpegFile(), { endpoint: url, timeoutMs: 150, retries: 0 }),
    );
    expect(error.code).toBe('timeout');
  });

  test('timeoutMs: 0 means no limit', async () => {
    const { url } = await serve((res) => setTimeout(() => ok(res), 200));
    const result = await recognize(jpegFile(), { endpoint: url, timeoutMs: 0 });
    expect(result.words.length).toBeGreaterThan(0);
  });
});

describe('abort', () => {
  test('aborting in flight rejects at once and the server sees no further attempt', async () => {
    const controller = new AbortController();
    const { url, seen } = await serve(() => controller.abort());
    const started = performance.now();
    const error = await rejectionOf(
      recognizeWithTiming(jpegFile(), { endpoint: url, signal: controller.signal }, FAST),
    );
    expect(error).toMatchObject({ code: 'aborted', retryable: false });
    expect(performance.now() - started).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toHaveLength(1);
  });

  test('aborting during the wait before a retry rejects at once', async () => {
    const controller = new AbortController();
    const { url, seen } = await serve((res) => {
      send(res, 503, envelope(5000503, 'Unavailable'));
      setTimeout(() => controller.abort(), 50);
    });
    const started = performance.now();
    const error = await rejectionOf(
      recognizeWithTiming(
        jpegFile(),
        { endpoint: url, signal: controller.signal },
        { baseMs: 10_000, capMs: 10_000, random: () => 0.999 },
      ),
    );
    expect(error.code).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(seen).toHaveLength(1);
  });

  test('an already aborted signal sends nothing', async () => {
    const { url, seen } = await serve(ok);
    const reason = new Error('user left');
    const error = await rejectionOf(
      recognize(jpegFile(), { endpoint: url, signal: AbortSignal.abort(reason) }),
    );
    expect(error.code).toBe('aborted');
    expect(error.cause).toBe(reason);
    expect(seen).toHaveLength(0);
  });

  test('an abort that beats the timeout is an abort, not a timeout', async () => {
    const { url } = await serve(() => {});
    const error = await rejectionOf(
      recognize(jpegFile(), { endpoint: url, timeoutMs: 5000, signal: AbortSignal.timeout(100) }),
    );
    expect(error.code).toBe('aborted');
  });
});

describe('responses', () => {
  test.each([
    ['413 with 4131000', 413, envelope(4131000, 'Request Entity Too Large'), 4131000, false],
    ['429 with 4000006', 429, envelope(4000006, 'Too Many Requests'), 4000006, true],
    ['503 with 5000503', 503, envelope(5000503, 'Service Unavailable'), 5000503, true],
    ['504 with -1', 504, envelope(-1, 'Gateway Timeout'), -1, true],
    ['400 with unknown code', 400, envelope(4009999, 'Odd thing'), 4009999, false],
  ])(
    'NHN envelope %s → api error with status and resultCode',
    async (_, status, body, resultCode, retryable) => {
      const { url } = await serve((res) => send(res, status, body));
      const error = await rejectionOf(recognize(jpegFile(), { endpoint: url, retries: 0 }));
      expect(error).toMatchObject({ code: 'api', status, resultCode, retryable });
      const { resultMessage } = JSON.parse(body).header;
      expect(error.resultMessage).toBe(resultMessage);
      expect(error.message).toBe(describeResultCode(resultCode, resultMessage));
    },
  );

  test('an HTML 502 page → http error with status 502', async () => {
    const { url } = await serve((res) => html(res, 502));
    const error = await rejectionOf(recognize(jpegFile(), { endpoint: url, retries: 0 }));
    expect(error).toMatchObject({ code: 'http', status: 502, retryable: true });
    expect(error.message).toBe('The OCR backend answered HTTP 502 Bad Gateway.');
  });

  test("a JSON error from the user's own backend keeps its message", async () => {
    const { url } = await serve((res) => send(res, 403, JSON.stringify({ error: 'No quota' })));
    const error = await rejectionOf(recognize(jpegFile(), { endpoint: url }));
    expect(error).toMatchObject({ code: 'http', status: 403, retryable: false });
    expect(error.message).toBe('The OCR backend answered HTTP 403 Forbidden: No quota');
  });

  test('an HTML page with 200 → invalid-response, not retried', async () => {
    const { url, seen } = await serve((res) => html(res, 200));
    const error = await rejectionOf(recognizeWithTiming(jpegFile(), { endpoint: url }, FAST));
    expect(error).toMatchObject({ code: 'invalid-response', status: 200, retryable: false });
    expect(error.message).toMatch(/not JSON \(text\/html\)/);
    expect(seen).toHaveLength(1);
  });

  test('JSON with 200 that is not an OCR result → invalid-response', async () => {
    const { url } = await serve((res) => send(res, 200, '{"hello":"world"}'));
    const error = await rejectionOf(recognize(jpegFile(), { endpoint: url }));
    expect(error.code).toBe('invalid-response');
  });

  test.each(['icdar2015-img_3', 'icdar2015-img_6', 'icdar2015-img_7', 'wildreceipt-1'])(
    '%s: the real response is parsed like parseOcrResponse does',
    async (name) => {
      const body = fixture(`${name}.nhn.json`).toString('utf8');
      const image = fixture(`${name}.${name.startsWith('wild') ? 'jpeg' : 'jpg'}`);
      const { url, seen } = await serve((res) => send(res, 200, body));
      const result = await recognize(new File([image], `${name}.jpg`, { type: 'image/jpeg' }), {
        endpoint: url,
      });
      expect(result).toEqual(parseOcrResponse(body));
      expect(result.words.length).toBeGreaterThan(0);
      const sent = (await formDataOf(seen[0]!)).get('image') as File;
      expect(sent.size).toBe(image.length);
    },
  );

  test('an injected fetch that returns no Response → invalid-response', async () => {
    const fake = (async () => ({ ok: true })) as unknown as typeof fetch;
    const error = await rejectionOf(
      recognize(jpegFile(), { endpoint: 'http://127.0.0.1:1/', fetch: fake }),
    );
    expect(error.code).toBe('invalid-response');
  });
});

describe('invalid input is rejected before any request', () => {
  const file = jpegFile();
  test.each<[string, unknown, Partial<RecognizeOptions>, RegExp]>([
    ['null', null, {}, /got null/],
    ['undefined', undefined, {}, /got undefined/],
    ['a string', 'https://example.com/a.jpg', {}, /got a string/],
    ['a number', 42, {}, /got a number/],
    ['an empty object', {}, {}, /without `imageUrl`/],
    ['an array', [file], {}, /got an array/],
    ['an empty Blob', new Blob([], { type: 'image/jpeg' }), {}, /empty \(0 bytes\)/],
    ['an empty File', new File([], 'a.jpg'), {}, /empty/],
    ['a non-string imageUrl', { imageUrl: 42 }, {}, /must be a string/],
    ['a relative imageUrl', { imageUrl: '/a.jpg' }, {}, /not an absolute URL/],
    ['an ftp imageUrl', { imageUrl: 'ftp://example.com/a.jpg' }, {}, /only http: and https:/],
    ['a bad imageUrl port', { imageUrl: 'https://example.com:8443/a.jpg' }, {}, /port 8443/],
    ['no endpoint', file, { endpoint: '' }, /needs `endpoint`/],
    ['a relative endpoint outside a browser', file, { endpoint: '/api/ocr' }, /absolute URL/],
    ['an unknown mode', file, { mode: 'fast' as never }, /'general' or 'cropping'/],
    ['negative retries', file, { retries: -1 }, /`retries`/],
    ['fractional retries', file, { retries: 1.5 }, /`retries`/],
    ['a negative timeout', file, { timeoutMs: -1 }, /`timeoutMs`/],
    ['a NaN timeout', file, { timeoutMs: Number.NaN }, /`timeoutMs`/],
    ['an invalid header name', file, { headers: { 'bad header': 'x' } }, /`headers`/],
  ])('%s', async (_, input, overrides, message) => {
    const { url, seen } = await serve(ok);
    const error = await rejectionOf(
      recognize(input as RecognizeInput, { endpoint: `${url}/ocr`, ...overrides }),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(0);
  });

  test('missing options', async () => {
    const error = await rejectionOf(recognize(jpegFile(), undefined as never));
    expect(error.code).toBe('invalid-input');
  });

  test('never throws synchronously', () => {
    expect(() => recognize(null as never, null as never).catch(() => {})).not.toThrow();
  });
});
