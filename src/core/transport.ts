import { clip, OcrError, withDetail } from './errors';
import { envelopeError, isRecord, parseOcrResponse } from './parse';
import type { OcrResult } from './types';

/**
 * One HTTP attempt, as the client hands it to a transport. The signal aborts the attempt for
 * both a user abort and a timeout; the client tells the two apart, the transport does not.
 */
export interface TransportRequest {
  url: string;
  headers: Headers;
  body: FormData | string;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal;
  onUploadProgress: ((loaded: number, total: number) => void) | undefined;
}

/** A complete response: status, headers and the whole body as text. */
export interface TransportResponse {
  status: number;
  statusText: string;
  header(name: string): string | null;
  text: string;
}

/**
 * Sends one request. Resolves with any HTTP response (errors included); rejects only when no
 * response arrived (network failure or abort), with whatever the platform threw.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/**
 * A transport over `fetch` (no upload progress: fetch cannot report it); without `fetchImpl`,
 * the global `fetch` as it is at the time of each request.
 */
export function fetchTransport(fetchImpl?: typeof globalThis.fetch): Transport {
  return async (request) => {
    const response = (await (fetchImpl ?? globalThis.fetch)(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      // Only when set, so an injected fetch sees exactly the options that were given.
      ...(request.credentials && { credentials: request.credentials }),
    })) as Partial<Response> | null;
    if (
      typeof response?.status !== 'number' ||
      typeof response.text !== 'function' ||
      typeof response.headers?.get !== 'function'
    ) {
      // Only an injected fetch can get here; a wrong return value is a bug, not a network error.
      throw new OcrError(
        'invalid-response',
        'The `fetch` given to recognize() returned no Response.',
      );
    }
    const { status, statusText = '', headers } = response;
    // Reading the body is part of the attempt: the same signal aborts it and times it out.
    const text = await response.text();
    return { status, statusText, header: (name) => headers.get(name), text };
  };
}

/* ------------------------------------------------------------------------------------------ */

/** What one attempt came to: a result, or an error plus the server's `Retry-After`. */
export type AttemptOutcome =
  | { ok: true; result: OcrResult }
  | { ok: false; error: OcrError; retryAfterMs?: number };

/** `Retry-After` in milliseconds: delay-seconds or an HTTP-date; else `undefined`. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const trimmed = value?.trim() ?? '';
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date form starts with a day name; without this check V8 reads '1.5' as a date.
  if (!/^[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Reason phrases for when the platform reports none (HTTP/2 has no status text). */
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * What a response comes to. Any status may carry NHN's envelope (its gateway answers 413/429/5xx
 * with one), so it is read first. Throws the parser's `OcrError` for a 2xx JSON body that is not
 * an OCR result.
 */
export function interpretResponse(response: TransportResponse): AttemptOutcome {
  const { status } = response;
  const fail = (error: OcrError): AttemptOutcome => ({
    ok: false,
    error,
    retryAfterMs: parseRetryAfter(response.header('retry-after')),
  });

  // Stays `undefined` when the text is not JSON (no JSON text parses to `undefined`).
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    // Decided below by the status.
  }

  const failure = envelopeError(body, status);
  if (failure) return fail(failure);

  const answered =
    `The OCR backend answered HTTP ${status} ${response.statusText || REASONS[status] || ''}`.trimEnd();
  if (status >= 200 && status < 300) {
    if (body === undefined) {
      const type = response.header('content-type');
      return fail(
        new OcrError(
          'invalid-response',
          `${answered} but its body is not JSON${type ? ` (${type})` : ''}; check the endpoint.`,
          { status },
        ),
      );
    }
    // Its 'invalid-response' error is never retried, so it needs no `Retry-After`: the attempt
    // reports it as it does any OcrError a transport throws.
    return { ok: true, result: parseOcrResponse(body) };
  }

  // A JSON error from the user's own backend may say why; keep a short piece of it.
  const detail = isRecord(body)
    ? [body.message, body.error].find((value): value is string => typeof value === 'string')
    : undefined;
  return fail(new OcrError('http', withDetail(answered, detail && clip(detail, 200)), { status }));
}
