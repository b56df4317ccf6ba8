import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse, isUnmatchedRouteResponse, LOCAL_RESULT_CODES } from './envelope';

/** `next` of Express, Connect and Vite middleware. */
export type NextFunction = (error?: unknown) => void;

/** A `node:http` listener that also works as Express/Connect/Vite middleware. */
export type NodeHandler = (
  req: IncomingMessage & { originalUrl?: string; body?: unknown },
  res: ServerResponse,
  next?: NextFunction,
) => Promise<void>;

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue; // HTTP/2 pseudo-headers
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * The request body as a pull-based stream: nothing is read before the handler asks, and a
 * handler that cancels (e.g. 413) leaves the rest unread instead of destroying the socket
 * before the answer is written.
 */
function bodyStream(req: IncomingMessage, onCancel: () => void): ReadableStream<Uint8Array> {
  /** Next chunk, or null at the end; listeners are removed again so `req.resume()` works later. */
  const nextChunk = () =>
    new Promise<Uint8Array | null>((resolve, reject) => {
      const attempt = () => {
        const chunk = req.read() as Buffer | string | null;
        if (chunk !== null) {
          cleanup();
          resolve(
            typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk),
          );
        } else if (req.readableEnded) {
          cleanup();
          resolve(null);
        }
      };
      const onEnd = () => {
        cleanup();
        resolve(null);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        req.off('readable', attempt);
        req.off('end', onEnd);
        req.off('error', onError);
      };
      req.on('readable', attempt);
      req.on('end', onEnd);
      req.on('error', onError);
      attempt();
    });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await nextChunk();
        if (chunk === null) controller.close();
        else controller.enqueue(chunk);
      },
      cancel() {
        onCancel();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A body some earlier middleware (Express's body parsers) already consumed, as bytes again:
 * raw and text bodies as they were, a parsed JSON object re-serialised.
 */
function parsedBody(req: IncomingMessage & { body?: unknown }): Uint8Array | null {
  const { body } = req;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  const isJson = /[/+]json\b/i.test(req.headers['content-type'] ?? '');
  if (isJson && req.readableEnded && body !== null && typeof body === 'object') {
    return new TextEncoder().encode(JSON.stringify(body));
  }
  return null;
}

async function writeResponse(response: Response, res: ServerResponse, closeConnection: boolean) {
  if (res.destroyed) {
    await response.body?.cancel().catch(() => {}); // the client is gone
    return;
  }
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (closeConnection) res.setHeader('connection', 'close');
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
      if (res.destroyed) break;
    }
  } finally {
    reader.releaseLock();
  }
  res.end();
}

/**
 * Adapts a Web `(Request) => Promise<Response>` handler to `node:http`, Express, Connect and
 * Vite/Storybook middleware. The body is streamed to the handler (`duplex: 'half'`), so size
 * limits apply before it is buffered; a client that disconnects aborts `request.signal`.
 *
 * With `next` (middleware), a path the handler does not serve — its 404 "no such route"
 * envelope — calls `next()` so later middleware can answer, and a thrown error goes to
 * `next(error)`. Without `next` (plain `node:http`), both are answered directly.
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>): NodeHandler {
  return async (req, res, next) => {
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    let bodyAbandoned = false;
    const method = req.method ?? 'GET';
    const host = req.headers.host ?? 'localhost';
    const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    // Connect strips the mount path from req.url; originalUrl keeps what the client sent.
    const path = req.originalUrl ?? req.url ?? '/';
    let url: URL;
    try {
      url = new URL(path, `${protocol}://${host}`);
    } catch {
      url = new URL(path, `${protocol}://localhost`); // a Host header that is not a host
    }
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const preParsed = hasBody ? parsedBody(req) : null;
    const body = !hasBody
      ? null
      : (preParsed ??
        (req.readableEnded
          ? null
          : bodyStream(req, () => {
              bodyAbandoned = true;
            })));
    const headers = toHeaders(req);
    if (preParsed) headers.set('content-length', String(preParsed.byteLength));
    let response: Response;
    try {
      const request = new Request(url, {
        method,
        headers,
        body: body as BodyInit | null,
        signal: controller.signal,
        duplex: 'half',
      } as RequestInit);
      response = await handler(request);
    } catch (error) {
      if (next) {
        next(error);
        return;
      }
      response = errorResponse(
        500,
        LOCAL_RESULT_CODES.internal,
        'The OCR server had an internal error.',
      );
    }
    if (next && isUnmatchedRouteResponse(response)) {
      await response.body?.cancel();
      next();
      return;
    }
    try {
      await writeResponse(response, res, bodyAbandoned);
    } catch (error) {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (bodyAbandoned) lingerThenClose(req);
  };
}

/** How long an abandoned upload is read and thrown away after the answer went out. */
const LINGER_MS = 2000;

/**
 * After answering early (413), keep reading and discarding the unread upload for a moment
 * before closing, as nginx's `lingering_close` does: closing a socket with unread data sends
 * a TCP reset, and the client may then lose our answer before reading it.
 */
function lingerThenClose(req: IncomingMessage): void {
  const timer = setTimeout(() => req.destroy(), LINGER_MS);
  timer.unref?.();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}
