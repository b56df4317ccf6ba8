import { isOcrError } from '../core/errors';
import { NHN_MAX_BYTES } from '../core/limits';
import {
  envelopeError,
  errorResponse,
  errorToResponse,
  LOCAL_RESULT_CODES,
  methodNotAllowedResponse,
  unmatchedRouteResponse,
} from './envelope';
import { matchRoute, type OcrRequestInput, type OcrRoute, readOcrInput } from './input';
import { type AuthProvider, createAuthProvider, type NhnAuth } from './nhn-auth';

/** NHN Cloud General OCR's API host. */
export const DEFAULT_NHN_BASE_URL = 'https://api-ocr.nhncloudservice.com';

/** What a request handler is: a Web `Request` in, a Web `Response` out (Node 20+, edge). */
export type OcrRequestHandler = (request: Request) => Promise<Response>;

interface NhnOcrHandlerBaseOptions {
  /** The OCR service's Appkey. */
  appKey: string;
  /**
   * NHN's API host. The older `https://ocr.api.nhncloudservice.com` is documented to work
   * until 2027-07-31.
   * @default 'https://api-ocr.nhncloudservice.com'
   */
  baseUrl?: string;
  /**
   * Largest accepted image in bytes; larger requests get 413 / 4131000 without being read.
   * @default 20971520 (20 MB)
   */
  maxBytes?: number;
  /**
   * How long one upstream call (token, then OCR) may take before the client gets 504.
   * @default 30000
   */
  timeoutMs?: number;
  /** `fetch` used for every upstream call (tests, proxies, instrumentation). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/**
 * Options for `createNhnOcrHandler`: the Appkey plus either `secretKey` (API v1.0) or
 * `accessKeyId` + `secretAccessKey` (API v1.1, with an optional `tokenUrl`).
 */
export type NhnOcrHandlerOptions = NhnOcrHandlerBaseOptions & NhnAuth;

const PATHS: Record<OcrRoute, string> = { general: 'general', cropping: 'general/cropping' };

/**
 * A handler that forwards `…/general` and `…/general/cropping` to NHN Cloud General OCR with
 * the server's credentials. Only the image (multipart `image`, or JSON `imageUrl`) is
 * forwarded: never the client's headers, cookies or `Authorization`. NHN's status and body
 * come back unchanged; our own failures use NHN's error envelope.
 */
export function createNhnOcrHandler(options: NhnOcrHandlerOptions): OcrRequestHandler {
  if (!options.appKey) throw new TypeError('createNhnOcrHandler needs `appKey`.');
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const auth = createAuthProvider(options, fetchImpl);
  const baseUrl = (options.baseUrl ?? DEFAULT_NHN_BASE_URL).replace(/\/+$/, '');
  const maxBytes = options.maxBytes ?? NHN_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const appKey = encodeURIComponent(options.appKey);

  return async (request) => {
    const route = matchRoute(new URL(request.url).pathname);
    if (!route) return unmatchedRouteResponse();
    if (request.method !== 'POST') return methodNotAllowedResponse();
    try {
      const input = await readOcrInput(request, maxBytes);
      const url = `${baseUrl}/${auth.apiVersion}/appkeys/${appKey}/${PATHS[route]}`;
      return await forward(url, input, auth, fetchImpl, timeoutMs, request.signal);
    } catch (error) {
      return errorToResponse(error);
    }
  };
}

function buildBody(input: OcrRequestInput): { body: BodyInit; headers: Record<string, string> } {
  if (input.kind === 'url') {
    return {
      body: JSON.stringify({ imageUrl: input.url.href }),
      headers: { 'content-type': 'application/json' },
    };
  }
  const form = new FormData();
  const blob = new Blob([input.bytes as Uint8Array<ArrayBuffer>], { type: input.contentType });
  form.append('image', blob, input.filename);
  return { body: form, headers: {} }; // fetch writes the multipart boundary itself
}

async function forward(
  url: string,
  input: OcrRequestInput,
  auth: AuthProvider,
  fetchImpl: typeof fetch,
  timeoutMs: number,
  clientSignal: AbortSignal,
): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('timeout', 'TimeoutError')),
    timeoutMs,
  );
  const onClientAbort = () => controller.abort(clientSignal.reason);
  clientSignal.addEventListener('abort', onClientAbort, { once: true });
  try {
    const send = async () => {
      const [name, value] = await auth.header(controller.signal);
      const { body, headers } = buildBody(input);
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { ...headers, accept: 'application/json', [name]: value },
        body,
        signal: controller.signal,
        redirect: 'manual',
      });
      // Buffered (NHN answers are small JSON) so the timeout covers the body too.
      return { response, body: await response.arrayBuffer() };
    };
    let result = await send();
    if (result.response.status === 401 && auth.apiVersion === 'v1.1') {
      auth.invalidate();
      result = await send();
    }
    return passThrough(result.response, result.body);
  } catch (error) {
    if (isOcrError(error) && error.status !== undefined) return errorToResponse(error);
    if (controller.signal.aborted && !clientSignal.aborted) {
      return errorResponse(
        504,
        LOCAL_RESULT_CODES.gatewayTimeout,
        `NHN Cloud OCR did not answer within ${timeoutMs} ms.`,
      );
    }
    return errorToResponse(
      envelopeError(502, LOCAL_RESULT_CODES.badGateway, 'NHN Cloud OCR could not be reached.'),
    );
  } finally {
    clearTimeout(timer);
    clientSignal.removeEventListener('abort', onClientAbort);
  }
}

/** Headers worth keeping from NHN; cookies and hop-by-hop headers stay behind. */
const PASSED_HEADERS = ['content-type', 'x-request-id', 'retry-after'];

function passThrough(upstream: Response, body: ArrayBuffer): Response {
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(upstream.status === 204 || upstream.status === 304 ? null : body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers,
  });
}
