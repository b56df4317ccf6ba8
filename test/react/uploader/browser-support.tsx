import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** What the mocked backend received. */
export interface Received {
  url: string;
  /** The multipart field `image`, when a file was sent. */
  file?: File;
  bytes?: Uint8Array;
  /** The JSON body's `imageUrl`, when a URL was sent. */
  imageUrl?: string;
}

export type Responder = (received: Received, index: number) => Response | Promise<Response>;

/** A box in NHN's wire shape. */
export interface WireWord {
  text: string;
  /** x1,y1 … x4,y4 */
  box: [number, number, number, number, number, number, number, number];
}

export function nhnBody(words: WireWord[]) {
  return {
    header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
    result: {
      fileType: 'jpg',
      listOfInferTexts: [{ inferTexts: words.map((w) => ({ value: w.text, conf: 0.99 })) }],
      listOfBoundingBoxes: [
        {
          boundingBoxes: words.map(({ box: [x1, y1, x2, y2, x3, y3, x4, y4] }) => ({
            x1,
            y1,
            x2,
            y2,
            x3,
            y3,
            x4,
            y4,
          })),
        },
      ],
    },
  };
}

/** JSON whose body arrives `ms` after the headers (MSW fires XHR upload events with the headers). */
export function slowJson(body: unknown, ms: number): Response {
  const stream = new ReadableStream({
    async start(controller) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      controller.enqueue(new TextEncoder().encode(JSON.stringify(body)));
      controller.close();
    },
  });
  return new HttpResponse(stream, { headers: { 'content-type': 'application/json' } });
}

export const ok = (words: WireWord[] = [{ text: 'hello', box: [1, 1, 9, 1, 9, 5, 1, 5] }]) =>
  HttpResponse.json(nhnBody(words));

export const nhnError = (resultCode: number, status = 400) =>
  HttpResponse.json(
    { header: { isSuccessful: false, resultCode, resultMessage: 'ERROR' } },
    { status },
  );

/**
 * A mocked OCR backend on `/api/ocr/*` through MSW's service worker (real XHR/fetch in
 * Chromium). `server.respond` answers each request; `server.received` records them.
 */
export function mockBackend() {
  const worker = setupWorker();
  const server = {
    received: [] as Received[],
    respond: ((_received) => ok()) as Responder,
  };
  beforeAll(async () => {
    await worker.start({
      quiet: true,
      onUnhandledRequest: 'bypass',
      serviceWorker: { url: '/mockServiceWorker.js' },
    });
  });
  afterEach(() => {
    server.received = [];
    server.respond = () => ok();
    worker.resetHandlers();
  });
  afterAll(() => worker.stop());
  const handler = http.post(/\/api\/ocr\//, async ({ request }) => {
    const received: Received = { url: new URL(request.url).pathname };
    if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
      const file = (await request.formData()).get('image');
      if (file instanceof File) {
        received.file = file;
        received.bytes = new Uint8Array(await file.arrayBuffer());
      }
    } else {
      received.imageUrl = ((await request.json()) as { imageUrl: string }).imageUrl;
    }
    server.received.push(received);
    return server.respond(received, server.received.length - 1);
  });
  return {
    server,
    worker,
    handler,
    use: (...handlers: Parameters<typeof worker.use>) => worker.use(...handlers),
  };
}

/** Draws a test card: four coloured quadrants (red top-left, green top-right, blue bottom-left, white bottom-right). */
export function drawCard(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  const w = width / 2;
  const h = height / 2;
  context.fillStyle = '#f00';
  context.fillRect(0, 0, w, h);
  context.fillStyle = '#0f0';
  context.fillRect(w, 0, w, h);
  context.fillStyle = '#00f';
  context.fillRect(0, h, w, h);
  context.fillStyle = '#fff';
  context.fillRect(w, h, w, h);
  return canvas;
}

export async function makeImage(
  width: number,
  height: number,
  type: 'image/png' | 'image/jpeg' | 'image/webp',
  name = `card.${type.slice(6)}`,
): Promise<File> {
  const canvas = drawCard(width, height);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, 0.95));
  return new File([blob], name, { type });
}

/** RGBA at a pixel of an encoded image (decoded without applying any EXIF orientation). */
export async function pixelAt(blob: Blob, x: number, y: number) {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const [r, g, b] = context.getImageData(x, y, 1, 1).data;
  return { r: r!, g: g!, b: b!, width: bitmap.width, height: bitmap.height };
}

/**
 * Drops files on an element the way a browser does: dragenter, then (a moment later, as a hand
 * would) dragover and drop, each carrying the same DataTransfer.
 */
export async function dropFiles(target: Element, files: File[]): Promise<void> {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  const fire = (type: string) =>
    target.dispatchEvent(
      new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
    );
  fire('dragenter');
  await new Promise((resolve) => setTimeout(resolve, 20));
  fire('dragover');
  fire('drop');
}

/** Pastes files into the focused element (a ClipboardEvent carrying a DataTransfer). */
export function pasteFiles(target: Element, files: File[]): void {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  target.dispatchEvent(
    new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }),
  );
}

export const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
