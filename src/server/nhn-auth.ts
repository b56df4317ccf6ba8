import { startTimer } from '../core/timer';
import { envelopeError, LOCAL_RESULT_CODES } from './envelope';
import { declaresMoreThan, readStreamLimited } from './input';
import { unlessAborted } from './signals';

/** NHN Cloud's User Access Key token endpoint. */
export const DEFAULT_TOKEN_URL = 'https://oauth.api.nhncloudservice.com/oauth2/token/create';

/** API v1.0: the OCR service's Secret Key, sent as-is in `Authorization`. */
export interface NhnSecretKeyAuth {
  /** Secret Key of the OCR service (console → AI Service → OCR → URL & Appkey). */
  secretKey: string;
  accessKeyId?: never;
  secretAccessKey?: never;
}

/** API v1.1: a User Access Key pair, exchanged for a bearer token at `tokenUrl`. */
export interface NhnAccessKeyAuth {
  /** User Access Key ID. */
  accessKeyId: string;
  /** Secret Access Key belonging to `accessKeyId`. */
  secretAccessKey: string;
  /**
   * Where the key pair is exchanged for a token.
   * @default 'https://oauth.api.nhncloudservice.com/oauth2/token/create'
   */
  tokenUrl?: string;
  secretKey?: never;
}

export type NhnAuth = NhnSecretKeyAuth | NhnAccessKeyAuth;

/** Supplies the auth header for each upstream call; `invalidate` drops a rejected token. */
export interface AuthProvider {
  readonly apiVersion: 'v1.0' | 'v1.1';
  /** The header; `signal` stops this caller waiting, never a token request others share. */
  header(signal: AbortSignal): Promise<[name: string, value: string]>;
  /** Forget a cached token after the OCR API rejected it. */
  invalidate(): void;
}

export interface AuthProviderOptions {
  /** Deadline of one token request (it has its own: no single caller's signal ends it). */
  timeoutMs: number;
  now?: () => number;
}

/** A token answer is a few hundred bytes; anything near this is not one. */
const TOKEN_MAX_BYTES = 64 * 1024;

export function createAuthProvider(
  auth: NhnAuth,
  fetchImpl: typeof fetch,
  { timeoutMs, now = Date.now }: AuthProviderOptions,
): AuthProvider {
  if (typeof auth.secretKey === 'string' && auth.secretKey) {
    const secretKey = auth.secretKey;
    return {
      apiVersion: 'v1.0',
      header: async () => ['authorization', secretKey],
      invalidate: () => {},
    };
  }
  if (auth.accessKeyId && auth.secretAccessKey) {
    return createTokenProvider(auth as NhnAccessKeyAuth, fetchImpl, timeoutMs, now);
  }
  // Thrown at construction, so a misconfigured server fails at start-up, not per request.
  throw new TypeError(
    'createNhnOcrHandler needs either `secretKey` (API v1.0) or `accessKeyId` and `secretAccessKey` (API v1.1).',
  );
}

interface CachedToken {
  value: string;
  /** Epoch ms after which the token is no longer used. */
  refreshAt: number;
}

function createTokenProvider(
  auth: NhnAccessKeyAuth,
  fetchImpl: typeof fetch,
  timeoutMs: number,
  now: () => number,
): AuthProvider {
  const tokenUrl = auth.tokenUrl ?? DEFAULT_TOKEN_URL;
  const basic = `Basic ${encodeBase64(`${auth.accessKeyId}:${auth.secretAccessKey}`)}`;
  let cached: CachedToken | null = null;
  // Concurrent requests share one token request instead of stampeding the endpoint.
  let pending: Promise<CachedToken> | null = null;
  const unreachable = (why: string) => envelopeError(502, LOCAL_RESULT_CODES.badGateway, why);

  async function fetchTokenText(signal: AbortSignal): Promise<[status: number, text: string]> {
    let response: Response;
    try {
      response = await fetchImpl(tokenUrl, {
        method: 'POST',
        headers: {
          authorization: basic,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        signal,
        redirect: 'error',
      });
    } catch (error) {
      if (!signal.aborted) throw unreachable('The NHN Cloud token endpoint could not be reached.');
      throw envelopeError(
        504,
        LOCAL_RESULT_CODES.gatewayTimeout,
        `The NHN Cloud token endpoint did not answer within ${timeoutMs} ms.`,
        error,
      );
    }
    const tooLong = () =>
      unreachable(`The NHN Cloud token endpoint answered with more than ${TOKEN_MAX_BYTES} bytes.`);
    if (declaresMoreThan(response.headers, TOKEN_MAX_BYTES)) {
      await response.body?.cancel().catch(() => {});
      throw tooLong();
    }
    const bytes = await readStreamLimited(response.body, TOKEN_MAX_BYTES);
    if (!bytes) throw tooLong();
    return [response.status, new TextDecoder().decode(bytes)];
  }

  async function requestToken(): Promise<CachedToken> {
    const controller = new AbortController();
    const cancelTimer = startTimer(timeoutMs, () => controller.abort());
    let status: number;
    let text: string;
    try {
      [status, text] = await fetchTokenText(controller.signal);
    } finally {
      cancelTimer();
    }
    if (status === 400 || status === 401 || status === 403) {
      throw envelopeError(
        401,
        4010001,
        `NHN Cloud refused the access key pair (token endpoint answered ${status}).`,
      );
    }
    let body: { access_token?: unknown; expires_in?: unknown } | null = null;
    try {
      body = JSON.parse(text);
    } catch {
      // handled below
    }
    if (
      status < 200 ||
      status > 299 ||
      typeof body?.access_token !== 'string' ||
      !body.access_token
    ) {
      throw unreachable(`The NHN Cloud token endpoint answered ${status} without a token.`);
    }
    const lifetimeMs = Math.max(0, Number(body.expires_in) || 0) * 1000;
    // Stop using a token shortly before it expires: 10 % of its life, at most one minute.
    const margin = Math.min(60_000, lifetimeMs * 0.1);
    return { value: body.access_token, refreshAt: now() + lifetimeMs - margin };
  }

  return {
    apiVersion: 'v1.1',
    async header(signal) {
      if (!cached || now() >= cached.refreshAt) {
        cached = null;
        if (!pending) {
          const shared = requestToken()
            .then((token) => {
              cached = token;
              return token;
            })
            .finally(() => {
              pending = null;
            });
          // Every waiter may have left by the time it fails; that is not an unhandled error.
          shared.catch(() => {});
          pending = shared;
        }
        const token = await unlessAborted(pending, signal);
        return ['x-nhn-authorization', `Bearer ${token.value}`];
      }
      return ['x-nhn-authorization', `Bearer ${cached.value}`];
    },
    invalidate() {
      cached = null;
    },
  };
}

/** `btoa` works on Latin-1 only; keys are ASCII, but encode UTF-8 to be safe everywhere. */
function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
