import { isOcrError, OcrError, RESULT_CODE_MESSAGES } from '../core/errors';
import type { NhnErrorResponse, NhnOcrResponse, NhnOcrResultBody } from '../core/types';

/**
 * Result codes for failures NHN itself has no code for. They follow the pattern of NHN's
 * gateway code 4131000 (HTTP status × 10⁴ + 1000), so a client can still read the status
 * from the code and `describeResultCode` falls back to our message.
 */
export const LOCAL_RESULT_CODES = {
  badRequest: 4000001,
  notFound: 4041000,
  methodNotAllowed: 4051000,
  tooLarge: 4131000,
  /** The client went away before the answer (nginx's 499); nobody reads it, logs may. */
  clientClosed: 4991000,
  internal: 5001000,
  badGateway: 5021000,
  gatewayTimeout: 5041000,
} as const;

/** The result code for a bare HTTP status, by the same pattern (503 → 5031000). */
export const statusResultCode = (status: number): number => status * 10_000 + 1000;

/** On every answer: ours are JSON, and no browser may sniff them into anything else. */
export const SAFE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  ...SAFE_HEADERS,
} as const;

/** Errors to be answered with `Retry-After` (seconds). */
const retryAfterSeconds = new WeakMap<OcrError, number>();

/** Marks `error` to be answered with `Retry-After: seconds` (e.g. a 503 for a full queue). */
export function withRetryAfter(error: OcrError, seconds: number): OcrError {
  retryAfterSeconds.set(error, seconds);
  return error;
}

/** Responses for paths the handler does not serve; `toNodeHandler` hands these to `next()`. */
const unmatchedResponses = new WeakSet<Response>();

/** Whether `response` is a handler's "no such route" answer (see `toNodeHandler`). */
export function isUnmatchedRouteResponse(response: Response): boolean {
  return unmatchedResponses.has(response);
}

/** An error the handlers turn into an envelope: `status` and `resultCode` are required. */
export function envelopeError(
  status: number,
  resultCode: number,
  message?: string,
  cause?: unknown,
): OcrError {
  const resultMessage = message ?? RESULT_CODE_MESSAGES[resultCode] ?? `HTTP ${status}`;
  const code = status === 504 ? 'timeout' : status === 502 ? 'network' : 'api';
  return new OcrError(code, resultMessage, { status, resultCode, resultMessage, cause });
}

/** NHN's error envelope, so the browser client handles our failures like NHN's. */
export function errorResponse(
  status: number,
  resultCode: number,
  message?: string,
  init: { headers?: Record<string, string> } = {},
): Response {
  const body: NhnErrorResponse = {
    header: {
      isSuccessful: false,
      resultCode,
      resultMessage: message ?? RESULT_CODE_MESSAGES[resultCode] ?? `HTTP ${status}`,
    },
    result: null,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...JSON_HEADERS, ...init.headers },
  });
}

/** 404 envelope that also marks the response as "not mine" for `toNodeHandler`'s `next`. */
export function unmatchedRouteResponse(): Response {
  const response = errorResponse(
    404,
    LOCAL_RESULT_CODES.notFound,
    'No OCR route here; POST to …/general or …/general/cropping.',
  );
  unmatchedResponses.add(response);
  return response;
}

export function methodNotAllowedResponse(): Response {
  return errorResponse(
    405,
    LOCAL_RESULT_CODES.methodNotAllowed,
    'Only POST is supported on this route.',
    { headers: { allow: 'POST' } },
  );
}

/**
 * Any thrown value as an envelope. `OcrError`s carrying a status and result code keep them;
 * everything else becomes a 500 whose message says nothing about the cause, because causes
 * (URLs, headers, stack traces) are not the client's business.
 */
export function errorToResponse(error: unknown): Response {
  if (isOcrError(error) && error.status !== undefined && error.resultCode !== undefined) {
    const seconds = retryAfterSeconds.get(error);
    const headers = seconds === undefined ? undefined : { 'retry-after': String(seconds) };
    return errorResponse(error.status, error.resultCode, error.resultMessage ?? error.message, {
      headers,
    });
  }
  return errorResponse(500, LOCAL_RESULT_CODES.internal, 'The OCR server had an internal error.');
}

export function successResponse(result: NhnOcrResultBody): Response {
  const body: NhnOcrResponse = {
    header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
    result,
  };
  return new Response(JSON.stringify(body), { status: 200, headers: JSON_HEADERS });
}
