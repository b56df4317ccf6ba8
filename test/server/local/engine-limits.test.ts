import { deflateSync, inflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalOcrHandler, type LocalOcrHandler } from '../../../src/server/index';
import { encodeGreyPng } from '../../../src/server/local/png-grey';
import type { Envelope } from '../helpers';
import { imageRequest } from '../helpers';

/**
 * The engine's limits and its handling of aborted work, with tesseract.js replaced by workers
 * the test drives: each recognition waits until the test settles it, so what runs, what waits
 * and what is dropped can be observed exactly.
 */
const fake = vi.hoisted(() => {
  interface Job {
    width: number;
    settle: () => void;
  }
  const state = {
    /** Recognitions started (the grey decode of the cropping route is not one). */
    started: [] as Job[],
    pending: [] as Job[],
    created: 0,
    terminated: 0,
    /** When true, recognitions finish at once. */
    auto: false,
    release() {
      state.auto = true;
      for (const job of state.pending.splice(0)) job.settle();
    },
    reset() {
      Object.assign(state, { started: [], pending: [], created: 0, terminated: 0, auto: false });
    },
  };
  return state;
});

vi.mock('tesseract.js', () => {
  const emptyPage = { data: { blocks: [] } };
  const createWorker = async () => {
    fake.created += 1;
    let terminated = false;
    return {
      async recognize(image: Uint8Array, _options: unknown, output: { imageGrey?: boolean }) {
        if (output.imageGrey) {
          // The test images are grey PNGs already: "decoding" hands them back.
          return {
            data: {
              blocks: null,
              imageGrey: `data:image/png;base64,${Buffer.from(image).toString('base64')}`,
            },
          };
        }
        const width = new DataView(image.buffer, image.byteOffset).getUint32(16);
        return new Promise((resolve, reject) => {
          const job = {
            width,
            settle: () => (terminated ? reject(new Error('terminated')) : resolve(emptyPage)),
          };
          fake.started.push(job);
          if (fake.auto) job.settle();
          else fake.pending.push(job);
        });
      },
      async terminate() {
        terminated = true;
        fake.terminated += 1;
      },
    };
  };
  return { createWorker, default: { createWorker } };
});

const zlib = { deflateSync, inflateSync };

/** A white grey PNG; widths tell the test's requests apart. */
function png(width: number, height: number): Uint8Array {
  return encodeGreyPng({ width, height, pixels: new Uint8Array(width * height).fill(255) }, zlib);
}

function post(handler: LocalOcrHandler, path: string, bytes: Uint8Array, signal?: AbortSignal) {
  const request = imageRequest(path, bytes);
  return handler(signal ? new Request(request, { signal }) : request);
}

/** Lets queued promise work (reading the upload, sniffing) reach the pool. */
const settleMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 50));

let handler: LocalOcrHandler | undefined;

beforeEach(() => fake.reset());
afterEach(async () => {
  fake.release();
  await handler?.close();
  handler = undefined;
});

describe('regression #10.3: aborted requests must not keep the engine busy', () => {
  it('drops queued recognitions whose request was aborted; they never run', async () => {
    handler = createLocalOcrHandler({ engine: 'tesseract', poolSize: 1, maxQueue: 16 });
    const first = post(handler, '/general', png(100, 60));
    await vi.waitFor(() => expect(fake.started).toHaveLength(1));
    const controllers = Array.from({ length: 10 }, () => new AbortController());
    const aborted = controllers.map((controller, index) =>
      post(handler!, '/general', png(200 + index, 60), controller.signal),
    );
    await settleMicrotasks();
    for (const controller of controllers) controller.abort();
    const last = post(handler, '/general', png(300, 60));
    await settleMicrotasks();
    fake.release();
    expect((await first).status).toBe(200);
    expect((await last).status).toBe(200);
    await Promise.all(aborted);
    expect(fake.started.map((job) => job.width)).toEqual([100, 300]);
  });

  it('frees the worker of a running recognition whose request was aborted', async () => {
    handler = createLocalOcrHandler({ engine: 'tesseract', poolSize: 1 });
    const controller = new AbortController();
    const stuck = post(handler, '/general', png(100, 60), controller.signal);
    await vi.waitFor(() => expect(fake.started).toHaveLength(1));
    controller.abort();
    await stuck;
    fake.auto = true; // the next recognition finishes at once; the stuck one never does
    const next = await post(handler, '/general', png(200, 60));
    expect(next.status).toBe(200);
    expect(fake.terminated).toBe(1);
    expect(fake.created).toBe(2);
  });

  it('answers 503 / 5000503 with Retry-After when maxQueue recognitions already wait', async () => {
    handler = createLocalOcrHandler({ engine: 'tesseract', poolSize: 1, maxQueue: 2 });
    const admitted = [100, 101, 102].map((width) => post(handler!, '/general', png(width, 60)));
    await vi.waitFor(() => expect(fake.started).toHaveLength(1));
    await settleMicrotasks();
    const refusedPromise = post(handler, '/general', png(103, 60));
    await settleMicrotasks();
    fake.release();
    const refused = await refusedPromise;
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as Envelope).header).toMatchObject({
      isSuccessful: false,
      resultCode: 5000503,
    });
    expect((await Promise.all(admitted)).map((response) => response.status)).toEqual([
      200, 200, 200,
    ]);
  });

  it('maxQueue defaults to 4 × poolSize', async () => {
    handler = createLocalOcrHandler({ engine: 'tesseract', poolSize: 1 });
    const admitted = [100, 101, 102, 103, 104].map((width) =>
      post(handler!, '/general', png(width, 60)),
    );
    await vi.waitFor(() => expect(fake.started).toHaveLength(1));
    await settleMicrotasks();
    const refusedPromise = post(handler, '/general', png(105, 60));
    await settleMicrotasks();
    fake.release();
    expect((await refusedPromise).status).toBe(503);
    expect((await Promise.all(admitted)).every((response) => response.status === 200)).toBe(true);
  });
});

describe('regression #10.4: a tiny upload must not become thousands of recognitions', () => {
  it('refuses a 1 × 32767 PNG on the cropping route with 400 / 4000505, running nothing', async () => {
    handler = createLocalOcrHandler({ engine: 'tesseract' });
    fake.auto = true;
    const bytes = png(1, 32767);
    expect(bytes.byteLength).toBeLessThan(512);
    const response = await post(handler, '/general/cropping', bytes);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Envelope).header).toMatchObject({
      isSuccessful: false,
      resultCode: 4000505,
    });
    expect(fake.started).toHaveLength(0);
  });

  it.each([
    ['general', '/general', 15, 100],
    ['cropping', '/general/cropping', 100, 15],
  ])(
    '%s route: refuses an image whose short side (15 px) cannot hold text',
    async (_name, path, width, height) => {
      handler = createLocalOcrHandler({ engine: 'tesseract' });
      fake.auto = true;
      const response = await post(handler, path, png(width, height));
      expect(response.status).toBe(400);
      expect(((await response.json()) as Envelope).header.resultCode).toBe(4000505);
      expect(fake.started).toHaveLength(0);
    },
  );

  it('refuses a long strip that would need more than 32 slices, and accepts one that needs 32', async () => {
    handler = createLocalOcrHandler({ engine: 'tesseract' });
    fake.auto = true;
    // Slices are 2 × the short side long and overlap by a quarter: n slices cover 1.5·n + 0.5.
    const tooLong = await post(handler, '/general/cropping', png(16, 16 * 50));
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as Envelope).header.resultCode).toBe(4000505);
    expect(fake.started).toHaveLength(0);
    const longest = await post(handler, '/general/cropping', png(16, 16 * 48));
    expect(longest.status).toBe(200);
    expect(((await longest.json()) as Envelope).result?.slicesImages).toBe(32);
    expect(fake.started).toHaveLength(32);
  });
});

describe('regression #10.8: recognizeTimeoutMs above 2³¹−1 ms must not fire at once', () => {
  it.each([2 ** 31, Number.POSITIVE_INFINITY])(
    'recognizeTimeoutMs %d waits for the recognition',
    async (recognizeTimeoutMs) => {
      handler = createLocalOcrHandler({ engine: 'tesseract', poolSize: 1, recognizeTimeoutMs });
      const pending = post(handler, '/general', png(100, 60));
      await vi.waitFor(() => expect(fake.started).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 100));
      fake.release();
      expect((await pending).status).toBe(200);
    },
  );
});
