import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createLocalOcrHandler,
  createNhnOcrHandler,
  type LocalOcrHandler,
  toNodeHandler,
} from '../../src/server/index';
import { NHN_OK, PNG_BYTES, SECRET_KEY } from './fake-nhn';
import {
  type Envelope,
  json,
  launchChromium,
  renderText,
  resultWords,
  startServer,
  type TestServer,
} from './helpers';

/**
 * Bounded load over loopback, through `toNodeHandler` and real sockets as a deployment runs:
 * everything must be answered and memory must settle. The figures are printed for the record;
 * the bounds asserted are generous, since other work shares the machine.
 */
const servers: Server[] = [];
let upstream: TestServer | undefined;
let engine: LocalOcrHandler | undefined;

afterAll(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await upstream?.close();
  await engine?.close();
});

async function serve(handler: (request: Request) => Promise<Response>): Promise<string> {
  const server = createServer(toNodeHandler(handler));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function post(origin: string, path: string, bytes: Uint8Array, type: string) {
  const form = new FormData();
  form.append('image', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), 'load.png');
  return fetch(`${origin}${path}`, { method: 'POST', body: form });
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Runs `work`, printing its time and RSS before and after. */
async function measured<T>(label: string, work: () => Promise<T>) {
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const result = await work();
  const ms = Math.round(performance.now() - started);
  const after = process.memoryUsage().rss;
  console.log(
    `load: ${label}: ${ms} ms, RSS ${megabytes(before)} MB → ${megabytes(after)} MB (${megabytes(after - before) >= 0 ? '+' : ''}${megabytes(after - before)} MB)`,
  );
  return { result, growth: after - before };
}

describe('load', () => {
  it('200 concurrent proxy requests against a fake NHN are all answered', async () => {
    upstream = await startServer((_request, res) => {
      setTimeout(() => json(res, 200, NHN_OK), 5); // NHN takes a moment to think
    });
    const origin = await serve(
      createNhnOcrHandler({ appKey: 'load', secretKey: SECRET_KEY, baseUrl: upstream.origin }),
    );
    const { result: envelopes, growth } = await measured('200 proxy requests', async () => {
      const responses = await Promise.all(
        Array.from({ length: 200 }, () => post(origin, '/api/ocr/general', PNG_BYTES, 'image/png')),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(200).fill(200));
      return Promise.all(responses.map((response) => response.json()));
    });
    for (const envelope of envelopes) expect(envelope).toEqual(NHN_OK);
    expect(upstream.requests).toHaveLength(200);
    expect(growth).toBeLessThan(256 * 1024 * 1024);
  });

  it('20 concurrent local recognitions are all answered', async () => {
    const browser = await launchChromium();
    let image: Buffer;
    try {
      image = (
        await renderText(browser, 360, 100, [
          { text: 'Load 2024', x: 20, y: 68, font: '44px "DejaVu Sans", sans-serif' },
        ])
      ).bytes;
    } finally {
      await browser.close();
    }
    // Room for all 20 in the queue: this measures throughput, the 503 path is tested elsewhere.
    engine = createLocalOcrHandler({ maxQueue: 20 });
    const origin = await serve(engine);
    const { result: envelopes, growth } = await measured('20 local recognitions', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => post(origin, '/api/ocr/general', image, 'image/png')),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      return Promise.all(responses.map((response) => response.json() as Promise<Envelope>));
    });
    for (const envelope of envelopes) {
      expect(resultWords(envelope).map((word) => word.text)).toEqual(['Load', '2024']);
    }
    // Two tesseract.js workers holding English and Korean, and 20 small pages.
    expect(growth).toBeLessThan(1024 * 1024 * 1024);
  }, 60_000);
});
