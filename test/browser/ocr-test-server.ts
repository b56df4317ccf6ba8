import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A real HTTP backend for the browser tests, run in Node by Vitest's globalSetup. It answers
 * CORS (preflight included) for the test page's origin and is scripted by the query string:
 *
 *   POST /ocr?key=<unique per test>&reply=<scenario>[&slow=1][&cors=star]
 *   GET  /log?key=<key>   → { attempts: AttemptLog[] } for that key
 *
 * `slow=1` reads the request body at about 4 MB/s, so a browser sees upload progress.
 * `cors=star` answers `Access-Control-Allow-Origin: *`, which browsers refuse for credentialed
 * requests: the way to prove `withCredentials` was set.
 */
export type Scenario =
  | 'ok'
  | 'html-200'
  | 'html-502'
  | 'envelope-413'
  | 'envelope-503'
  | 'fail-once'
  | 'hang'
  | 'destroy';

export interface AttemptLog {
  path: string;
  contentType: string | null;
  bodyLength: number;
  /** `image` part of a multipart body. */
  image: { name: string; size: number; type: string } | null;
  /** JSON body, when it was one. */
  json: unknown;
  headers: Record<string, string>;
}

export interface OcrTestServer {
  url: string;
  close(): Promise<void>;
}

const RESPONSE = readFileSync(
  new URL('../fixtures/real/icdar2015-img_1.nhn.json', import.meta.url),
  'utf8',
);

const envelope = (resultCode: number, resultMessage: string) =>
  JSON.stringify({ header: { isSuccessful: false, resultCode, resultMessage }, result: null });

const HTML = '<!doctype html><title>Bad gateway</title><h1>502 Bad Gateway</h1>';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(req: IncomingMessage, slow: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // Iterating pulls one chunk at a time, so a pause here holds the upload back (TCP backpressure).
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    if (slow) await delay(Math.ceil(chunk.length / 4096));
  }
  return Buffer.concat(chunks);
}

async function describeBody(
  body: Buffer,
  contentType: string | null,
): Promise<Pick<AttemptLog, 'image' | 'json'>> {
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Request('http://test.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body),
    }).formData();
    const image = form.get('image');
    return {
      image:
        image instanceof File ? { name: image.name, size: image.size, type: image.type } : null,
      json: null,
    };
  }
  if (contentType?.startsWith('application/json')) {
    return { image: null, json: JSON.parse(body.toString('utf8')) };
  }
  return { image: null, json: null };
}

export async function startOcrTestServer(): Promise<OcrTestServer> {
  const logs = new Map<string, AttemptLog[]>();
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      url.searchParams.get('cors') === 'star' || !origin
        ? { 'access-control-allow-origin': '*' }
        : {
            'access-control-allow-origin': origin,
            'access-control-allow-credentials': 'true',
            vary: 'Origin',
          };
    cors['access-control-expose-headers'] = 'Retry-After';

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'POST, GET',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
        'access-control-max-age': '0',
      });
      res.end();
      return;
    }

    const key = url.searchParams.get('key') ?? '';
    if (req.method === 'GET' && url.pathname === '/log') {
      res.writeHead(200, { ...cors, 'content-type': 'application/json' });
      res.end(JSON.stringify({ attempts: logs.get(key) ?? [] }));
      return;
    }

    const body = await readBody(req, url.searchParams.get('slow') === '1');
    const contentType = req.headers['content-type'] ?? null;
    const attempts = logs.get(key) ?? [];
    logs.set(key, attempts);
    attempts.push({
      path: url.pathname,
      contentType,
      bodyLength: body.length,
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
      ),
      ...(await describeBody(body, contentType)),
    });

    const json = (status: number, text: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...cors, 'content-type': 'application/json', ...extra });
      res.end(text);
    };
    const html = (status: number) => {
      res.writeHead(status, { ...cors, 'content-type': 'text/html' });
      res.end(HTML);
    };
    const scenario = (url.searchParams.get('reply') ?? 'ok') as Scenario;
    const first = attempts.length === 1;
    switch (scenario) {
      case 'ok':
        return json(200, RESPONSE);
      case 'html-200':
        return html(200);
      case 'html-502':
        return html(502);
      case 'envelope-413':
        return json(413, envelope(4131000, 'Request Entity Too Large'));
      case 'envelope-503':
        return json(503, envelope(5000503, 'Service Unavailable'), { 'retry-after': '0' });
      case 'fail-once':
        return first ? json(503, envelope(5000503, 'Service Unavailable')) : json(200, RESPONSE);
      case 'hang':
        return; // Never answers; the socket is destroyed when the server closes.
      case 'destroy':
        req.socket.destroy();
        return;
      default:
        return json(400, JSON.stringify({ error: `Unknown scenario ${scenario}` }));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
