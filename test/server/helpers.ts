import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs';

/* ------------------------------------------------------------------------------------------ */
/* Local HTTP servers                                                                          */
/* ------------------------------------------------------------------------------------------ */

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface TestServer {
  server: Server;
  port: number;
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

type Responder = (request: RecordedRequest, res: ServerResponse) => void | Promise<void>;

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * A recording HTTP server on 127.0.0.1. `highPort` listens inside 10000–12000, the only
 * non-default ports `validateImageUrl` lets an image URL use.
 */
export async function startServer(
  respond: Responder,
  { highPort = false }: { highPort?: boolean } = {},
): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    requests.push(recorded);
    try {
      await respond(recorded, res);
    } catch (error) {
      res.statusCode = 599;
      res.end(String(error));
    }
  });
  let port = 0;
  if (highPort) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        port = await listen(server, 10_000 + Math.floor(Math.random() * 2000));
        break;
      } catch (error) {
        if (attempt > 20) throw error;
      }
    }
  } else {
    port = await listen(server, 0);
  }
  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server, 0);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

/** Reads the multipart body a fake upstream received. */
export async function readMultipart(recorded: RecordedRequest): Promise<FormData> {
  return new Request('http://upstream.test/', {
    method: 'POST',
    headers: { 'content-type': String(recorded.headers['content-type']) },
    body: new Uint8Array(recorded.body),
  }).formData();
}

/* ------------------------------------------------------------------------------------------ */
/* Requests to the handlers                                                                    */
/* ------------------------------------------------------------------------------------------ */

export function imageRequest(
  path: string,
  bytes: Uint8Array,
  { filename = 'image.png', type = 'image/png', headers = {} as Record<string, string> } = {},
): Request {
  const form = new FormData();
  form.append('image', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), filename);
  return new Request(`http://app.test${path}`, { method: 'POST', body: form, headers });
}

export function urlRequest(path: string, imageUrl: string): Request {
  return new Request(`http://app.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ imageUrl }),
  });
}

export interface Envelope {
  header: { isSuccessful: boolean; resultCode: number; resultMessage: string };
  result?: {
    fileType: string;
    slicesImages?: number;
    listOfInferTexts: Array<{ inferTexts: Array<{ value: string; conf: number }> }>;
    listOfBoundingBoxes: Array<{
      boundingBoxes: Array<Record<'x1' | 'y1' | 'x2' | 'y2' | 'x3' | 'y3' | 'x4' | 'y4', number>>;
    }>;
  } | null;
}

/* ------------------------------------------------------------------------------------------ */
/* Images with known text, drawn by real Chromium                                              */
/* ------------------------------------------------------------------------------------------ */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface TextSpec {
  text: string;
  /** Left edge of the text. */
  x: number;
  /** Baseline. */
  y: number;
  /** CSS font. @default '40px "DejaVu Sans", sans-serif' */
  font?: string;
}

export interface RenderedImage {
  bytes: Buffer;
  width: number;
  height: number;
  /** Each word's ink box as Chromium measured it, in image pixels. */
  words: Array<Box & { text: string }>;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
}

/** Draws black text on white; every space-separated word gets its own measured box. */
export async function renderText(
  browser: Browser,
  width: number,
  height: number,
  texts: TextSpec[],
  type: 'png' | 'jpeg' = 'png',
): Promise<RenderedImage> {
  const page = await browser.newPage();
  try {
    const { dataUrl, words } = await page.evaluate(
      ({ width, height, texts, type }) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#fff';
        context.fillRect(0, 0, width, height);
        context.fillStyle = '#000';
        context.textBaseline = 'alphabetic';
        const words: Array<{ text: string; x0: number; y0: number; x1: number; y1: number }> = [];
        for (const spec of texts) {
          context.font = spec.font ?? '40px "DejaVu Sans", sans-serif';
          let x = spec.x;
          const space = context.measureText(' ').width;
          for (const word of spec.text.split(' ')) {
            context.fillText(word, x, spec.y);
            const m = context.measureText(word);
            words.push({
              text: word,
              x0: x - m.actualBoundingBoxLeft,
              x1: x + m.actualBoundingBoxRight,
              y0: spec.y - m.actualBoundingBoxAscent,
              y1: spec.y + m.actualBoundingBoxDescent,
            });
            x += m.width + space;
          }
        }
        return { dataUrl: canvas.toDataURL(`image/${type}`, 0.95), words };
      },
      { width, height, texts, type },
    );
    const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    return { bytes, width, height, words };
  } finally {
    await page.close();
  }
}

export function iou(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const area = (box: Box) => (box.x1 - box.x0) * (box.y1 - box.y0);
  return inter / (area(a) + area(b) - inter);
}

/** Flattens an NHN result into words with axis-aligned boxes (from the 4 points). */
export function resultWords(
  envelope: Envelope,
): Array<Box & { text: string; conf: number; line: number }> {
  const result = envelope.result!;
  return result.listOfInferTexts.flatMap((group, line) =>
    group.inferTexts.map((word, index) => {
      const b = result.listOfBoundingBoxes[line]!.boundingBoxes[index]!;
      return {
        text: word.value,
        conf: word.conf,
        line,
        x0: Math.min(b.x1, b.x4),
        y0: Math.min(b.y1, b.y2),
        x1: Math.max(b.x2, b.x3),
        y1: Math.max(b.y3, b.y4),
      };
    }),
  );
}
