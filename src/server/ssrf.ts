import type { LookupAddress as NodeLookupAddress } from 'node:dns';
import type { IncomingMessage } from 'node:http';
import { isOcrError } from '../core/errors';
import { startTimer } from '../core/timer';
import { validateImageUrl } from '../core/url';
import { envelopeError } from './envelope';
import { concatBytes } from './input';
import { ipLiteral, isPrivateAddress } from './ip-ranges';
import { unlessAborted } from './signals';

/** One resolved address of a host name. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a host name to every address it has (as `dns.promises.lookup(host, {all: true})`).
 * `signal` aborts at the download deadline or when the client goes away; a lookup that ignores
 * it is no longer waited for then.
 */
export type LookupFunction = (
  hostname: string,
  options: { signal: AbortSignal },
) => Promise<ResolvedAddress[]>;

/**
 * Which private addresses `imageUrl` may reach. `false` refuses loopback, private, link-local
 * and metadata addresses; `true` allows all; a function decides per address and URL.
 */
export type PrivateUrlPolicy = boolean | ((address: string, url: URL) => boolean);

export interface ImageUrlFetchOptions {
  allowPrivateUrls: PrivateUrlPolicy;
  lookup?: LookupFunction;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  signal?: AbortSignal;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function refused(url: URL, why: string) {
  return envelopeError(
    400,
    4000504,
    `The image could not be downloaded from ${url.origin}: ${why}`,
  );
}

function isAllowed(address: string, url: URL, policy: PrivateUrlPolicy): boolean {
  if (!isPrivateAddress(address)) return true;
  return typeof policy === 'function' ? policy(address, url) : policy;
}

async function defaultLookup(hostname: string): Promise<ResolvedAddress[]> {
  const dns = await import('node:dns');
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}

/**
 * The addresses `url` may be fetched from. Every address of the host must pass: a name that
 * resolves to one public and one private address is refused, since the connection could pick
 * either.
 */
async function resolveAllowed(
  url: URL,
  options: ImageUrlFetchOptions,
  signal: AbortSignal,
): Promise<ResolvedAddress[]> {
  const literal = ipLiteral(url.hostname);
  let addresses: ResolvedAddress[];
  if (literal !== null) {
    addresses = [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
  } else {
    try {
      // getaddrinfo cannot be cancelled: stop waiting for it at the deadline instead.
      const lookup = options.lookup ?? defaultLookup;
      addresses = await unlessAborted(lookup(url.hostname, { signal }), signal);
    } catch (error) {
      if (signal.aborted) throw error; // the deadline or the client: mapped by the caller
      throw refused(url, 'the host name could not be resolved.');
    }
    if (addresses.length === 0) throw refused(url, 'the host name could not be resolved.');
  }
  for (const { address } of addresses) {
    if (!isAllowed(address, url, options.allowPrivateUrls)) {
      throw refused(
        url,
        'it points to a private or reserved address, which this server does not fetch.',
      );
    }
  }
  return addresses;
}

/** One GET whose connection can only go to `addresses` (no second DNS answer to rebind to). */
async function get(
  url: URL,
  addresses: ResolvedAddress[],
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const transport =
    url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const pinnedLookup = (
    _hostname: string,
    lookupOptions: { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    if (lookupOptions.all) callback(null, addresses as NodeLookupAddress[]);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
  return new Promise((resolve, reject) => {
    const request = transport.request(url, {
      method: 'GET',
      headers: {
        accept: 'image/jpeg, image/png, image/*;q=0.8',
        'user-agent': 'react-ocr-overlay',
      },
      lookup: pinnedLookup as never,
      signal,
    });
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

async function readLimited(
  response: IncomingMessage,
  url: URL,
  maxBytes: number,
): Promise<Uint8Array> {
  const tooBig = () =>
    envelopeError(400, 4000502, `The image at ${url.origin} is larger than ${maxBytes} bytes.`);
  if (Number(response.headers['content-length']) > maxBytes) {
    response.destroy();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      response.destroy();
      throw tooBig();
    }
    chunks.push(chunk);
  }
  return concatBytes(chunks, total);
}

/**
 * Downloads `url` for the local engine, guarded against server-side request forgery: only
 * http/https on the allowed ports, no private/loopback/link-local/metadata addresses (unless
 * allowed), every redirect re-checked before it is followed, one deadline for the whole chain
 * (name resolution included), and at most `maxBytes`. Node only (it needs DNS and raw sockets).
 */
export async function fetchImageUrl(url: URL, options: ImageUrlFetchOptions): Promise<Uint8Array> {
  const controller = new AbortController();
  const cancelTimer = startTimer(options.timeoutMs, () => controller.abort());
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  let current = url;
  try {
    for (let hop = 0; ; hop += 1) {
      const addresses = await resolveAllowed(current, options, controller.signal);
      const response = await get(current, addresses, controller.signal);
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        response.resume();
        const location = response.headers.location;
        if (!location) throw refused(current, `it answered ${status} without a Location.`);
        if (hop >= options.maxRedirects) throw refused(current, 'it redirected too many times.');
        let next: URL;
        try {
          next = validateImageUrl(new URL(location, current).href);
        } catch {
          throw refused(current, 'it redirected to a URL this server does not fetch.');
        }
        current = next;
        continue;
      }
      if (status === 404) {
        response.resume();
        throw envelopeError(
          404,
          4041007,
          `The image URL was not found (${current.origin} answered 404).`,
        );
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw refused(current, `it answered ${status}.`);
      }
      return await readLimited(response, current, options.maxBytes);
    }
  } catch (error) {
    if (isOcrError(error)) throw error;
    if (controller.signal.aborted && !options.signal?.aborted) {
      throw envelopeError(400, 4000503);
    }
    throw refused(current, 'the connection failed.');
  } finally {
    cancelTimer();
    options.signal?.removeEventListener('abort', onAbort);
  }
}
