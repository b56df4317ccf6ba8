import { isOcrError } from '../core/errors';
import { NHN_MAX_BYTES } from '../core/limits';
import { isRecord } from '../core/parse';
import { startTimer } from '../core/timer';
import {
  envelopeError,
  errorResponse,
  errorToResponse,
  LOCAL_RESULT_CODES,
  methodNotAllowedResponse,
  SAFE_HEADERS,
  statusResultCode,
  unmatchedRouteResponse,
} from './envelope';
import {
  declaresMoreThan,
  matchRoute,
  type OcrRequestInput,
  type OcrRoute,
  readOcrInput,
  readStreamLimited,
} from './input';
import { type AuthProvider, createAuthProvider, type NhnAuth } from './nhn-auth';
import { countOption, timeoutOption } from './options';

/** NHN Cloud General OCR's API host. */
export const DEFAULT_NHN_BASE_URL = 'https://api-ocr.nhncloudservice.com';

/** What a request handler is: a Web `Request` in, a Web `Response` out (Node 20+, edge). */
export type OcrRequestHandler = (request: Request) => Promise<Response>;

interface NhnOcrHandlerBaseOptions {
  /**
   * The OCR service's Appkey (console → AI Service → OCR → URL & Appkey). Checked at
   * construction: letters, digits, `-` and `_`, at most 64, since it becomes part of the path.
   */
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
   * How long one upstream call (token, then OCR) may take before the client gets 504;
   * `Infinity` for no limit, values above 2³¹−1 are treated as 2³¹−1.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Largest body read from NHN (an OCR answer, or a token answer, which is capped at 64 KiB
   * regardless); a longer one is dropped unread and the client gets 502 / 5021000. Real answers
   * are far smaller: about 150 bytes per recognised word.
   * @default 4194304 (4 MiB)
   */
  maxUpstreamBytes?: number;
  /** `fetch` used for every upstream call (tests, proxies, instrumentation). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/**
 * Options for `createNhnOcrHandler`: the Appkey plus either `secretKey` (API v1.0) or
 * `accessKeyId` + `secretAccessKey` (API v1.1, with an optional `tokenUrl`).
 */
export type NhnOcrHandlerOptions = NhnOcrHandlerBaseOptions & NhnAuth;

const PATHS: Record<OcrRoute, string> = { general: 'general', cropping: 'general/cropping' };

/** What NHN issues as Appkeys, and nothing that could change the upstream path. */
const APP_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** Everything one upstream exchange needs, fixed when the handler is built. */
interface Upstream {
  auth: AuthProvider;
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
}

/**
 * A handler that forwards `…/general` and `…/general/cropping` to NHN Cloud General OCR with
 * the server's credentials. Only the image (multipart `image` under a safe file name, or JSON
 * `imageUrl`) is forwarded: never the client's headers, cookies or `Authorization`. NHN's
 * status and JSON body come back unchanged; anything else, and our own failures, use NHN's
 * error envelope.
 */
export function createNhnOcrHandler(options: NhnOcrHandlerOptions): OcrRequestHandler {
  if (typeof options.appKey !== 'string' || !APP_KEY.test(options.appKey)) {
    throw new TypeError(
      'createNhnOcrHandler needs `appKey` as the console shows it: letters, digits, "-" or "_", at most 64.',
    );
  }
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = timeoutOption(options.timeoutMs, 'timeoutMs', 30_000);
  const upstream: Upstream = {
    auth: createAuthProvider(options, fetchImpl, { timeoutMs }),
    fetch: fetchImpl,
    timeoutMs,
    maxBytes: countOption(options.maxUpstreamBytes, 'maxUpstreamBytes', 4 * 1024 * 1024),
  };
  const baseUrl = (options.baseUrl ?? DEFAULT_NHN_BASE_URL).replace(/\/+$/, '');
  const maxBytes = options.maxBytes ?? NHN_MAX_BYTES;

  return async (request) => {
    const route = matchRoute(new URL(request.url).pathname);
    if (!route) return unmatchedRouteResponse();
    if (request.method !== 'POST') return methodNotAllowedResponse();
    try {
      const input = await readOcrInput(request, maxBytes);
      const url = `${baseUrl}/${upstream.auth.apiVersion}/appkeys/${options.appKey}/${PATHS[route]}`;
      return await forward(url, input, upstream, request.signal);
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

/** NHN's body, at most `maxBytes` of it; a longer one is cancelled and becomes a 502. */
async function readUpstreamBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLong = () =>
    envelopeError(
      502,
      LOCAL_RESULT_CODES.badGateway,
      `NHN Cloud OCR answered with more than ${maxBytes} bytes.`,
    );
  if (declaresMoreThan(response.headers, maxBytes)) {
    await response.body?.cancel().catch(() => {});
    throw tooLong();
  }
  const bytes = await readStreamLimited(response.body, maxBytes);
  if (!bytes) throw tooLong();
  return bytes;
}

async function forward(
  url: string,
  input: OcrRequestInput,
  upstream: Upstream,
  clientSignal: AbortSignal,
): Promise<Response> {
  const { auth, timeoutMs } = upstream;
  const controller = new AbortController();
  const cancelTimer = startTimer(timeoutMs, () =>
    controller.abort(new DOMException('timeout', 'TimeoutError')),
  );
  const onClientAbort = () => controller.abort(clientSignal.reason);
  clientSignal.addEventListener('abort', onClientAbort, { once: true });
  try {
    const send = async () => {
      const [name, value] = await auth.header(controller.signal);
      const { body, headers } = buildBody(input);
      const response = await upstream.fetch(url, {
        method: 'POST',
        headers: { ...headers, accept: 'application/json', [name]: value },
        body,
        signal: controller.signal,
        redirect: 'manual',
      });
      // Buffered (NHN answers are small JSON) so the timeout covers the body too.
      return { response, body: await readUpstreamBody(response, upstream.maxBytes) };
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
    cancelTimer();
    clientSignal.removeEventListener('abort', onClientAbort);
  }
}

/** Headers worth keeping from NHN; cookies and hop-by-hop headers stay behind. */
const PASSED_HEADERS = ['x-request-id', 'retry-after'];

const isJsonType = (type: string | null) => type !== null && /^[^;]*[/+]json\s*(;|$)/i.test(type);

/**
 * NHN's answer as the client gets it: a JSON object goes through as it came; anything else
 * (an HTML error page of a gateway, a captive portal) would be served from the app's own
 * origin, so it becomes the error envelope, keeping an error status and turning any other
 * into 502.
 */
function passThrough(upstream: Response, body: Uint8Array): Response {
  const headers = new Headers(SAFE_HEADERS);
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    // not JSON: answered below
  }
  if (!isRecord(parsed)) {
    const status = upstream.status >= 400 ? upstream.status : 502;
    const message = `NHN Cloud OCR answered HTTP ${upstream.status} without a JSON body.`;
    const code = status === 502 ? LOCAL_RESULT_CODES.badGateway : statusResultCode(status);
    return errorResponse(status, code, message, { headers: Object.fromEntries(headers) });
  }
  const type = upstream.headers.get('content-type');
  headers.set('content-type', isJsonType(type) ? type! : 'application/json; charset=utf-8');
  return new Response(body as Uint8Array<ArrayBuffer>, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers,
  });
}
