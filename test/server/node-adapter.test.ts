import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createNhnOcrHandler, type NextFunction, toNodeHandler } from '../../src/server/index';
import { type Envelope, imageRequest, json, startServer } from './helpers';

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Serves `listener` on 127.0.0.1 and returns its origin. */
async function serve(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A Web handler that describes the request it got. */
async function echo(request: Request): Promise<Response> {
  const body = new Uint8Array(await request.arrayBuffer());
  const headers = new Headers({ 'content-type': 'application/json', 'x-echo': 'yes' });
  headers.append('set-cookie', 'a=1');
  headers.append('set-cookie', 'b=2');
  return new Response(
    JSON.stringify({
      method: request.method,
      url: request.url,
      contentType: request.headers.get('content-type'),
      custom: request.headers.get('x-custom'),
      bytes: body.length,
      sum: body.reduce((total, byte) => total + byte, 0),
    }),
    { status: 201, headers },
  );
}

describe('toNodeHandler with node:http', () => {
  it('turns IncomingMessage into a Web Request and the Response back', async () => {
    const origin = await serve(toNodeHandler(echo));
    const payload = new Uint8Array(300_000).map((_, index) => index % 251);
    const response = await fetch(`${origin}/api/ocr/general?x=1`, {
      method: 'POST',
      body: payload,
      headers: { 'content-type': 'application/octet-stream', 'x-custom': 'hello' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({
      method: 'POST',
      url: `${origin}/api/ocr/general?x=1`,
      contentType: 'application/octet-stream',
      custom: 'hello',
      bytes: payload.length,
      sum: payload.reduce((total, byte) => total + byte, 0),
    });
  });

  it('re-serialises a JSON body that express.json() already consumed', async () => {
    const node = toNodeHandler(echo);
    const origin = await serve(async (req, res) => {
      let text = '';
      for await (const chunk of req) text += chunk;
      Object.assign(req, { body: JSON.parse(text) }); // what express.json() leaves behind
      await node(req, res);
    });
    const sent = JSON.stringify({ imageUrl: 'https://a.example/x.jpg' });
    const response = await fetch(`${origin}/general`, {
      method: 'POST',
      body: sent,
      headers: { 'content-type': 'application/json' },
    });
    const echoed = await response.json();
    expect(echoed.bytes).toBe(new TextEncoder().encode(sent).length);
  });

  it('answers the 404 envelope itself when there is no next()', async () => {
    const handler = createNhnOcrHandler({
      appKey: 'k',
      secretKey: 's',
      baseUrl: 'http://127.0.0.1:9',
    });
    const origin = await serve(toNodeHandler(handler));
    const response = await fetch(`${origin}/elsewhere`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as Envelope).header.isSuccessful).toBe(false);
  });

  it('answers 500 with the envelope when the handler throws and there is no next()', async () => {
    const origin = await serve(
      toNodeHandler(async () => {
        throw new Error('secret detail');
      }),
    );
    const response = await fetch(`${origin}/general`, { method: 'POST' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).header).toMatchObject({ isSuccessful: false, resultCode: 5001000 });
    expect(text).not.toContain('secret detail');
  });

  it('aborts request.signal when the client goes away', async () => {
    let aborted: () => void = () => {};
    const sawAbort = new Promise<void>((resolve) => {
      aborted = resolve;
    });
    const origin = await serve(
      toNodeHandler(
        (request) =>
          new Promise<Response>((resolve) => {
            request.signal.addEventListener('abort', () => {
              aborted();
              resolve(new Response('late'));
            });
          }),
      ),
    );
    const controller = new AbortController();
    const pending = fetch(`${origin}/general`, {
      method: 'POST',
      body: 'x',
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toThrow();
    await sawAbort;
  });
});

describe('toNodeHandler as middleware (next)', () => {
  /** A two-step Connect-style chain: our handler, then a fallback. */
  function chain(handler: (request: Request) => Promise<Response>, mount = '') {
    const node = toNodeHandler(handler);
    const calls: unknown[] = [];
    const listener: Parameters<typeof createServer>[1] = (req, res) => {
      const next: NextFunction = (error) => {
        calls.push(error ?? 'next');
        res.statusCode = error ? 599 : 200;
        res.end(error ? 'error handled downstream' : 'fallback');
      };
      // Connect strips the mount path from req.url and keeps the full one in originalUrl.
      const original = req.url ?? '/';
      if (mount && original.startsWith(mount)) {
        Object.assign(req, { originalUrl: original, url: original.slice(mount.length) || '/' });
      }
      void node(req, res, next);
    };
    return { listener, calls };
  }

  it("passes paths the handler doesn't serve to next()", async () => {
    const handler = createNhnOcrHandler({
      appKey: 'k',
      secretKey: 's',
      baseUrl: 'http://127.0.0.1:9',
    });
    const { listener, calls } = chain(handler);
    const origin = await serve(listener);
    const response = await fetch(`${origin}/api/other`, { method: 'POST' });
    expect(await response.text()).toBe('fallback');
    expect(calls).toEqual(['next']);
  });

  it('answers its own routes, seeing the full path through originalUrl', async () => {
    const upstream = await startServer((_request, res) =>
      json(res, 200, { header: { isSuccessful: true } }),
    );
    try {
      const handler = createNhnOcrHandler({
        appKey: 'k',
        secretKey: 's',
        baseUrl: upstream.origin,
      });
      const { listener, calls } = chain(async (request) => {
        expect(new URL(request.url).pathname).toBe('/api/ocr/general/cropping');
        return handler(request);
      }, '/api/ocr');
      const origin = await serve(listener);
      const response = await fetch(`${origin}/api/ocr/general/cropping`, {
        method: 'POST',
        body: (await imageRequest('/x', new Uint8Array([1, 2, 3])).formData()) as FormData,
      });
      expect(response.status).toBe(200);
      expect(upstream.requests[0]?.url).toBe('/v1.0/appkeys/k/general/cropping');
      expect(calls).toEqual([]);
    } finally {
      await upstream.close();
    }
  });

  it('hands a thrown error to next(error)', async () => {
    const { listener, calls } = chain(async () => {
      throw new Error('boom');
    });
    const origin = await serve(listener);
    const response = await fetch(`${origin}/general`, { method: 'POST' });
    expect(response.status).toBe(599);
    expect(calls).toHaveLength(1);
    expect(String(calls[0])).toContain('boom');
  });
});

describe('early 413 over a real socket', () => {
  function postSlowly(origin: string, headers: Record<string, string>) {
    return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const request = httpRequest(`${origin}/api/ocr/general`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', ...headers },
      });
      request.on('response', (response) => {
        answered = true;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sent }));
      });
      request.on('error', (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        if (answered || sent >= 50 * 1024 * 1024) return;
        sent += chunk.length;
        request.write(chunk, () => setTimeout(pump, 2));
      };
      pump();
    });
  }

  it('answers 413 / 4131000 from Content-Length after one chunk of a 50 MB upload', async () => {
    const handler = createNhnOcrHandler({
      appKey: 'k',
      secretKey: 's',
      baseUrl: 'http://127.0.0.1:9',
      maxBytes: 1024 * 1024,
    });
    const origin = await serve(toNodeHandler(handler));
    const { status, body, sent } = await postSlowly(origin, {
      'content-length': String(50 * 1024 * 1024),
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).header).toMatchObject({ isSuccessful: false, resultCode: 4131000 });
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });

  it('answers 413 while streaming a chunked upload with no Content-Length', async () => {
    const handler = createNhnOcrHandler({
      appKey: 'k',
      secretKey: 's',
      baseUrl: 'http://127.0.0.1:9',
      maxBytes: 1024 * 1024,
    });
    const origin = await serve(toNodeHandler(handler));
    const { status, body, sent } = await postSlowly(origin, { 'transfer-encoding': 'chunked' });
    expect(status).toBe(413);
    expect(JSON.parse(body).header.resultCode).toBe(4131000);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('regression #10.1: every other throw inside the adapter is a 500 envelope', () => {
  it.each([
    ['resolves to something that is not a Response', async () => ({}) as Response],
    [
      'returns a body that fails before its first byte',
      async () =>
        new Response(
          new ReadableStream({
            pull() {
              throw new Error('secret detail');
            },
          }),
        ),
    ],
  ])('a handler that %s answers 500 / 5001000', async (_name, handler) => {
    const origin = await serve(toNodeHandler(handler));
    const response = await fetch(`${origin}/general`, { method: 'POST' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).header).toMatchObject({ isSuccessful: false, resultCode: 5001000 });
    expect(text).not.toContain('secret detail');
  });
});
