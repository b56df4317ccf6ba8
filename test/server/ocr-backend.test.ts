import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import { createServer as createViteServer } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OCR_API_PATH, ocrBackendPlugin, selectOcrBackend } from '../../.storybook/ocr-backend';
import { encodeGreyPng } from '../../src/server/local/png-grey';
import { imageRequest, json, startServer } from './helpers';

const zlib = { deflateSync, inflateSync };
const SECRET = 'storybook-secret-do-not-log';

describe('selectOcrBackend', () => {
  it.each([
    [{}, 'local'],
    [{ NHN_OCR_APPKEY: 'k' }, 'local'],
    [{ NHN_OCR_SECRET_KEY: SECRET }, 'local'],
    [{ NHN_OCR_APPKEY: 'k', NHN_OCR_ACCESS_KEY_ID: 'id' }, 'local'],
    [{ NHN_OCR_APPKEY: 'k', NHN_OCR_SECRET_KEY: SECRET }, 'nhn'],
    [
      { NHN_OCR_APPKEY: 'k', NHN_OCR_ACCESS_KEY_ID: 'id', NHN_OCR_SECRET_ACCESS_KEY: SECRET },
      'nhn',
    ],
  ])('%j → %s', async (env, kind) => {
    const backend = selectOcrBackend(env);
    expect(backend.kind).toBe(kind);
    expect(backend.description).not.toContain(SECRET);
    await backend.close();
  });
});

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The parts of a Vite server the plugin touches, with a Connect-like `use`. */
function fakeViteServer() {
  const mounted: Array<[string, Middleware]> = [];
  const info = vi.fn();
  const httpServer = new EventEmitter();
  return {
    server: {
      middlewares: { use: (path: string, fn: Middleware) => mounted.push([path, fn]) },
      config: { logger: { info } },
      httpServer,
    },
    mounted,
    info,
    httpServer,
  };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** Serves a mounted middleware the way Connect does (mount path stripped from req.url). */
async function serveMounted(middleware: Middleware): Promise<string> {
  const server = createServer((req, res) => {
    const originalUrl = req.url ?? '/';
    Object.assign(req, { originalUrl, url: originalUrl.slice(OCR_API_PATH.length) || '/' });
    middleware(req, res, () => {
      res.statusCode = 418;
      res.end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('ocrBackendPlugin', () => {
  it('mounts the NHN proxy at /api/ocr from the environment and logs without the key', async () => {
    const upstream = await startServer((_request, res) =>
      json(res, 200, { header: { isSuccessful: true } }),
    );
    try {
      const plugin = ocrBackendPlugin({
        NHN_OCR_APPKEY: 'app',
        NHN_OCR_SECRET_KEY: SECRET,
        NHN_OCR_BASE_URL: upstream.origin,
      });
      const fake = fakeViteServer();
      (plugin.configureServer as (server: unknown) => void)(fake.server);
      expect(fake.mounted.map(([path]) => path)).toEqual([OCR_API_PATH]);
      expect(fake.info).toHaveBeenCalledTimes(1);
      const logged = String(fake.info.mock.calls[0]?.[0]);
      expect(logged).toMatch(/NHN Cloud General OCR \(API v1\.0/);
      expect(logged).not.toContain(SECRET);

      const origin = await serveMounted(fake.mounted[0]![1]);
      const form = await imageRequest('/x', new Uint8Array([1, 2, 3])).formData();
      const response = await fetch(`${origin}/api/ocr/general`, { method: 'POST', body: form });
      expect(response.status).toBe(200);
      expect(upstream.requests[0]?.url).toBe('/v1.0/appkeys/app/general');
      expect(upstream.requests[0]?.headers.authorization).toBe(SECRET);
      const unknown = await fetch(`${origin}/api/ocr/other`, { method: 'POST' });
      expect(unknown.status).toBe(418); // not ours: next()
    } finally {
      await upstream.close();
    }
  });

  it('falls back to the local engine and closes it with the server', async () => {
    const plugin = ocrBackendPlugin({});
    const fake = fakeViteServer();
    (plugin.configurePreviewServer as (server: unknown) => void)(fake.server);
    expect(String(fake.info.mock.calls[0]?.[0])).toMatch(/local (detector|tesseract\.js) engine/);
    fake.httpServer.emit('close');
    await (plugin.closeBundle as () => Promise<void>)();
    // A closed engine answers 500 instead of starting workers, even for a valid image.
    const origin = await serveMounted(fake.mounted[0]![1]);
    const png = encodeGreyPng({ width: 8, height: 8, pixels: new Uint8Array(64).fill(255) }, zlib);
    const form = await imageRequest('/x', png).formData();
    const response = await fetch(`${origin}/api/ocr/general`, { method: 'POST', body: form });
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/closed/);
  });
});

describe('in a real Vite dev server', () => {
  it("serves /api/ocr/general through Vite's middleware stack and closes with the server", async () => {
    const upstream = await startServer((_request, res) =>
      json(res, 200, { header: { isSuccessful: true } }),
    );
    const logged: string[] = [];
    const vite = await createViteServer({
      configFile: false,
      root: fileURLToPath(new URL('.', import.meta.url)),
      logLevel: 'info',
      customLogger: {
        info: (message: string) => logged.push(message),
        warn: () => {},
        warnOnce: () => {},
        error: () => {},
        clearScreen: () => {},
        hasErrorLogged: () => false,
        hasWarned: false,
      },
      server: { port: 0, host: '127.0.0.1', ws: false, watch: null },
      plugins: [
        ocrBackendPlugin({
          NHN_OCR_APPKEY: 'app',
          NHN_OCR_SECRET_KEY: SECRET,
          NHN_OCR_BASE_URL: upstream.origin,
        }),
      ],
    });
    try {
      await vite.listen();
      const origin = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
      const form = await imageRequest('/x', new Uint8Array([1, 2, 3])).formData();
      const response = await fetch(`${origin}/api/ocr/general/cropping`, {
        method: 'POST',
        body: form,
      });
      expect(response.status).toBe(200);
      expect(upstream.requests.map((request) => request.url)).toEqual([
        '/v1.0/appkeys/app/general/cropping',
      ]);
      // Paths that are not ours fall through to Vite (its SPA fallback or 404), not our 404.
      const other = await fetch(`${origin}/api/ocr/other`);
      expect(other.headers.get('content-type') ?? '').not.toContain('application/json');
      expect(logged.join('\n')).toMatch(
        /\[ocr\] \/api\/ocr\/general → NHN Cloud General OCR \(API v1\.0/,
      );
      expect(logged.join('\n')).not.toContain(SECRET);
    } finally {
      await vite.close();
      await upstream.close();
    }
  });
});
