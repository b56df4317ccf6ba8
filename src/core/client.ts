import { invalidInput, isOcrError, OcrError } from './errors';
import { startTimer } from './timer';
import {
  type AttemptOutcome,
  fetchTransport,
  interpretResponse,
  type Transport,
} from './transport';
import type { OcrResult } from './types';
import { validateImageUrl } from './url';

/** What to recognise: an image file (a `File` is a `Blob`), or a URL the backend downloads. */
export type RecognizeInput = Blob | { imageUrl: string };

/** `'cropping'` uses NHN's endpoint for long images, which it cuts into slices first. */
export type OcrMode = 'general' | 'cropping';

export interface RecognizeOptions {
  /** URL of your backend for general OCR, e.g. `'/api/ocr/general'`. */
  endpoint: string;
  /**
   * Which NHN endpoint to use.
   * @default 'general'
   */
  mode?: OcrMode;
  /**
   * URL for `mode: 'cropping'`.
   * @default `${endpoint}/cropping`
   */
  croppingEndpoint?: string;
  /** Extra request headers (e.g. your own auth). A multipart `Content-Type` is always dropped. */
  headers?: Record<string, string> | Headers | [string, string][];
  /**
   * Whether cookies go along; `'include'` sets `withCredentials` on the XHR path.
   * @default the platform default (`'same-origin'`)
   */
  credentials?: RequestCredentials;
  /** Aborts the whole call, including the wait between retries. */
  signal?: AbortSignal;
  /**
   * Time limit per attempt in milliseconds, body download included; `0` or `Infinity` for none.
   * Values above 2³¹−1 (about 24.8 days) are treated as 2³¹−1.
   * @default 60000
   */
  timeoutMs?: number;
  /**
   * How many times to retry after a network error, a timeout, HTTP 408/429/5xx or a passing
   * NHN condition (`OcrError.retryable`). Waits grow exponentially with jitter and follow
   * `Retry-After` (cross-origin backends must list it in `Access-Control-Expose-Headers`).
   * @default 2
   */
  retries?: number;
  /**
   * Upload progress in bytes of the request body. Needs `XMLHttpRequest`, so it is used only in
   * browsers and only when no `fetch` is injected; elsewhere it is never called. Restarts from 0
   * on each retry and ends with `(total, total)` when the upload completes. The XHR code is
   * loaded by the first request that asks for progress.
   */
  onUploadProgress?: (loaded: number, total: number) => void;
  /**
   * The `fetch` to use (tests, auth wrappers). When given it always wins over XHR.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
}

/** @internal How long to wait between attempts. Tests pass their own; not a public option. */
export interface RetryTiming {
  baseMs: number;
  factor: number;
  capMs: number;
  /** Longest `Retry-After` we follow; a longer one is cut to this. */
  retryAfterCapMs: number;
  /** In [0, 1). */
  random: () => number;
}

/** @internal */
export const DEFAULT_RETRY_TIMING: Readonly<RetryTiming> = Object.freeze({
  baseMs: 500,
  factor: 2,
  capMs: 8_000,
  retryAfterCapMs: 60_000,
  random: Math.random,
});

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 2;

/**
 * Sends an image (or an image URL) to your OCR backend and parses the NHN General OCR answer.
 *
 * Rejects only with `OcrError`. Invalid input is rejected before anything is sent; failures
 * that may pass (network, timeout, 408/429/5xx, retryable NHN codes) are retried.
 */
export function recognize(input: RecognizeInput, options: RecognizeOptions): Promise<OcrResult> {
  return recognizeWithTiming(input, options);
}

/** @internal `recognize` with injectable retry timing, for tests. Not exported from the index. */
export async function recognizeWithTiming(
  input: RecognizeInput,
  options: RecognizeOptions,
  timing: Partial<RetryTiming> = {},
): Promise<OcrResult> {
  const { url, headers, timeoutMs, retries, transport } = readOptions(options);
  const request: AttemptRequest = {
    body: buildBody(input, headers),
    headers,
    url,
    credentials: options.credentials,
    onUploadProgress: options.onUploadProgress,
  };
  const retryTiming = { ...DEFAULT_RETRY_TIMING, ...timing };
  const { signal } = options;

  for (let attempt = 0; ; attempt++) {
    // Before each attempt (an abort also ends the wait before it) and after it.
    throwIfAborted(signal);
    const outcome = await attemptOnce(transport, request, signal, timeoutMs);
    throwIfAborted(signal);
    if (outcome.ok) return outcome.result;
    const { error, retryAfterMs } = outcome;
    if (!error.retryable || attempt >= retries) throw error;
    await sleep(
      retryAfterMs === undefined
        ? backoffDelay(attempt, retryTiming)
        : Math.min(retryAfterMs, retryTiming.retryAfterCapMs),
      signal,
    );
  }
}

/** @internal Full jitter: uniform in [0, min(cap, base · factor^attempt)). */
export function backoffDelay(attempt: number, timing: RetryTiming): number {
  const ceiling = Math.min(timing.capMs, timing.baseMs * timing.factor ** attempt);
  return Math.floor(timing.random() * ceiling);
}

/* ------------------------------------------------------------------------------------------ */

function readOptions(options: RecognizeOptions) {
  // Typed, but JavaScript callers can hand over anything; a missing object is a missing endpoint.
  const { endpoint, mode = 'general', croppingEndpoint, fetch: injected } = options ?? {};
  if (typeof endpoint !== 'string' || endpoint.trim() === '') {
    throw invalidInput('recognize() needs `endpoint`: the URL of your OCR backend.');
  }
  if (mode !== 'general' && mode !== 'cropping') {
    throw invalidInput(`\`mode\` must be 'general' or 'cropping'; got ${JSON.stringify(mode)}.`);
  }
  if (
    croppingEndpoint !== undefined &&
    (typeof croppingEndpoint !== 'string' || !croppingEndpoint)
  ) {
    throw invalidInput('`croppingEndpoint` must be a non-empty URL.');
  }
  // `/api/ocr/general?x=1` → `/api/ocr/general/cropping?x=1`
  const url =
    mode === 'general'
      ? endpoint
      : (croppingEndpoint ?? endpoint.replace(/\/*(?=[?#]|$)/, '/cropping'));

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs >= 0)) {
    throw invalidInput(`\`timeoutMs\` must be a number ≥ 0; got ${String(timeoutMs)}.`);
  }
  const retries = options.retries ?? DEFAULT_RETRIES;
  if (!Number.isInteger(retries) || retries < 0) {
    throw invalidInput(`\`retries\` must be a whole number ≥ 0; got ${String(retries)}.`);
  }

  let headers: Headers;
  try {
    headers = new Headers(options.headers);
  } catch (error) {
    throw invalidInput('`headers` has an invalid header name or value.', error);
  }

  let transport = fetchTransport(injected);
  if (injected === undefined) {
    // Outside a browser a relative URL cannot be fetched; say so instead of retrying a TypeError.
    try {
      new URL(url, globalThis.location?.href);
    } catch (error) {
      throw invalidInput(
        `The endpoint ${JSON.stringify(url)} is not a valid URL; outside a browser it must be an absolute URL.`,
        error,
      );
    }
    if (options.onUploadProgress !== undefined && typeof XMLHttpRequest !== 'undefined') {
      transport = xhrOnDemand;
    }
  }
  return { url, headers, timeoutMs, retries, transport };
}

/**
 * The XHR transport, loaded by the first attempt that asks for upload progress: it is the only
 * way to report it, and an app that never asks ships none of it. The attempt's signal and
 * timeout cover the load too (the transport checks the signal before it sends).
 */
const xhrOnDemand: Transport = async (request) =>
  (await import('./transport-xhr')).xhrTransport(request);

/** Extensions `image/<ext>` does not spell out. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
};

/** @internal The File's own name, else `image.<ext>` from the MIME type, else `image`. */
export function imageFileName(blob: Blob): string {
  const name = (blob as Partial<File>).name;
  if (typeof name === 'string' && name) return name;
  const type = (blob.type.split(';')[0] ?? '').trim().toLowerCase();
  const extension = EXTENSIONS[type] ?? /^image\/([a-z0-9]+)$/.exec(type)?.[1];
  return extension ? `image.${extension}` : 'image';
}

function describeValue(value: unknown): string {
  if (value == null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object without `imageUrl`' : `a ${typeof value}`;
}

/** The request body; sets the request headers that go with it (`headers` is our own copy). */
function buildBody(input: RecognizeInput, headers: Headers): FormData | string {
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    if (input.size === 0) throw invalidInput('The image file is empty (0 bytes).');
    const body = new FormData();
    body.append('image', input, imageFileName(input));
    // The platform writes `multipart/form-data; boundary=…`; a hand-set type would lack it.
    headers.delete('content-type');
    return body;
  }
  if (typeof input === 'object' && input !== null && 'imageUrl' in input) {
    validateImageUrl(input.imageUrl);
    headers.set('content-type', 'application/json');
    return JSON.stringify({ imageUrl: input.imageUrl });
  }
  throw invalidInput(
    `recognize() needs an image Blob/File or { imageUrl }; got ${describeValue(input)}.`,
  );
}

/* ------------------------------------------------------------------------------------------ */

type AttemptRequest = Omit<Parameters<Transport>[0], 'signal'>;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new OcrError('aborted', 'The OCR request was cancelled.', { cause: signal.reason });
  }
}

/**
 * Calls `onAbort` when `signal` aborts or `onTimeout` after `ms` (`Infinity` for never),
 * whichever comes first; returns the function that stops listening for both.
 */
function untilAbortOr(
  signal: AbortSignal | undefined,
  ms: number,
  onAbort: () => void,
  onTimeout: () => void,
): () => void {
  signal?.addEventListener('abort', onAbort);
  const cancelTimer = startTimer(ms, onTimeout);
  return () => {
    cancelTimer();
    signal?.removeEventListener('abort', onAbort);
  };
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} seconds`;
}

async function attemptOnce(
  transport: Transport,
  request: AttemptRequest,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const stop = untilAbortOr(
    signal,
    timeoutMs || Number.POSITIVE_INFINITY,
    () => controller.abort(signal?.reason),
    () => {
      timedOut = true;
      controller.abort(new DOMException('The OCR attempt timed out.', 'TimeoutError'));
    },
  );

  try {
    return interpretResponse(await transport({ ...request, signal: controller.signal }));
  } catch (error) {
    // A user abort ends here too; the caller sees `signal.aborted` and rejects with 'aborted'.
    return {
      ok: false,
      error: timedOut
        ? new OcrError(
            'timeout',
            `The OCR backend did not answer within ${formatDuration(timeoutMs)}.`,
          )
        : isOcrError(error)
          ? error
          : new OcrError(
              'network',
              `Could not reach the OCR backend at ${request.url} (offline, wrong endpoint or blocked by CORS).`,
              { cause: error },
            ),
    };
  } finally {
    stop();
  }
}

/** Waits `ms`, or until `signal` aborts: the caller then finds it aborted and stops. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stop();
      resolve();
    };
    const stop = untilAbortOr(signal, ms, done, done);
  });
}
