import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
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

/** Our 500 envelope; causes stay in the server (see `errorToResponse`). */
const internalError = () =>
  errorResponse(500, LOCAL_RESULT_CODES.internal, 'The OCR server had an internal error.');

/**
 * Writes `response` to `res`. Throws only before anything was sent (then the caller can still
 * answer 500); a failure half-way through a body destroys the socket instead.
 */
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
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (!res.headersSent) throw error;
        res.destroy(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (chunk.done) break;
      if (!res.write(chunk.value)) {
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

/** The request's URL, or `null` when its target cannot be one (`http://%/`, a bad port). */
function requestUrl(req: IncomingMessage & { originalUrl?: string }): URL | null {
  const host = req.headers.host ?? 'localhost';
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  // Connect strips the mount path from req.url; originalUrl keeps what the client sent.
  const path = req.originalUrl ?? req.url ?? '/';
  for (const base of [`${protocol}://${host}`, `${protocol}://localhost`]) {
    try {
      return new URL(path, base); // the second base: a Host header that is not a host
    } catch {
      // try the next base, then give up
    }
  }
  return null;
}

/**
 * Adapts a Web `(Request) => Promise<Response>` handler to `node:http`, Express, Connect and
 * Vite/Storybook middleware. The body is streamed to the handler (`duplex: 'half'`), so size
 * limits apply before it is buffered; a client that disconnects aborts `request.signal`.
 *
 * With `next` (middleware), a path the handler does not serve — its 404 "no such route"
 * envelope — calls `next()` so later middleware can answer, and a thrown error goes to
 * `next(error)`. Without `next` (plain `node:http`), both are answered directly. A request
 * target that is not a URL gets 400 / 4000001; nothing a request does makes the returned
 * promise reject.
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>): NodeHandler {
  return async (req, res, next) => {
    try {
      await serve(handler, req, res, next);
    } catch (error) {
      // Last resort: an unhandled rejection here would end the whole process.
      if (!res.headersSent && !res.destroyed) {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        const unread = !req.complete;
        if (unread) closeAfterLingering(req, res);
        await writeResponse(internalError(), res, unread).catch(() => res.destroy());
      } else {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    }
  };
}

async function serve(
  handler: (request: Request) => Promise<Response>,
  req: Parameters<NodeHandler>[0],
  res: ServerResponse,
  next: NextFunction | undefined,
): Promise<void> {
  const url = requestUrl(req);
  if (!url) {
    const message = 'The request target is not a valid URL.';
    await writeResponse(errorResponse(400, LOCAL_RESULT_CODES.badRequest, message), res, false);
    return;
  }
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  let bodyAbandoned = false;
  const method = req.method ?? 'GET';
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
    response = internalError();
  }
  if (next && isUnmatchedRouteResponse(response)) {
    await response.body?.cancel();
    next();
    return;
  }
  if (bodyAbandoned) closeAfterLingering(req, res);
  await writeResponse(response, res, bodyAbandoned);
}

/**
 * Longest time an abandoned upload is read and thrown away after the answer: nginx's
 * `lingering_time`. There is no idle limit on top (nginx's `lingering_timeout`): measured
 * here, a busy client can go quiet for more than 5 s and would then get the reset anyway.
 */
const LINGER_MS = 30_000;

/**
 * For an answer sent before the upload was read (413): close the connection in stages, as
 * RFC 9112 §9.6 describes and nginx's lingering close does. Node closes a `Connection: close`
 * socket as soon as the answer is written; with the upload still arriving that close sends a
 * TCP reset, and a reset can destroy the answer in the client's buffers before it is read. So
 * only the sending side is shut (FIN after the answer), and the rest of the upload is read and
 * dropped until the client has sent it all, or hangs up, or `LINGER_MS` pass.
 */
function closeAfterLingering(req: IncomingMessage, res: ServerResponse): void {
  const socket = res.socket as (Socket & { destroySoon?: () => void }) | null;
  if (!socket || typeof socket.destroySoon !== 'function') return;
  // Node's server calls destroySoon() once a `Connection: close` answer is written.
  socket.destroySoon = () => {
    if (socket.writable) socket.end();
    const close = () => socket.destroy();
    const timer = setTimeout(close, LINGER_MS);
    timer.unref?.();
    req.once('end', close);
    socket.once('end', close);
    socket.once('close', () => clearTimeout(timer));
    req.resume();
  };
}
