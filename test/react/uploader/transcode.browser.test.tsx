/**
 * The worker path of `runTranscode`. Module state (a broken worker is not retried) is per test
 * file in browser mode, so the fallback cases come last.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { runTranscode, type TranscodeJob, transcode } from '../../../src/react/uploader/transcode';
import { bytesOf, makeImage, pixelAt } from './browser-support';
import { withExifOrientation } from './support';

const NativeWorker = Worker;
let workers: Worker[] = [];

function countWorkers() {
  vi.stubGlobal(
    'Worker',
    class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workers.push(this);
      }
    },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  workers = [];
});

async function rotatedJob(overrides: Partial<TranscodeJob> = {}): Promise<TranscodeJob> {
  const jpeg = await bytesOf(await makeImage(64, 32, 'image/jpeg'));
  return {
    blob: new Blob([withExifOrientation(jpeg, 6)], { type: 'image/jpeg' }),
    maxDimension: 0,
    maxPixels: 50_000_000,
    type: 'image/jpeg',
    quality: 0.92,
    direct: false,
    ...overrides,
  };
}

describe('runTranscode', () => {
  test('runs in a worker and returns upright pixels', async () => {
    countWorkers();
    const outcome = await runTranscode(await rotatedJob());
    expect(workers).toHaveLength(1);
    expect(outcome).toMatchObject({
      ok: true,
      width: 32,
      height: 64,
      sentWidth: 32,
      sentHeight: 64,
    });
    if (!outcome.ok) return;
    const pixel = await pixelAt(outcome.blob, 24, 8);
    expect(pixel.r).toBeGreaterThan(200); // red corner now at the top right
  });

  test('the worker gives the same answers as the main thread', async () => {
    const job = await rotatedJob({ maxDimension: 40 });
    const [inWorker, onMain] = await Promise.all([runTranscode(job), transcode(job)]);
    expect(inWorker).toMatchObject({ ok: true, sentWidth: 20, sentHeight: 40 });
    expect(onMain).toMatchObject({ ok: true, sentWidth: 20, sentHeight: 40 });
    const undecodable = { ...job, blob: new Blob(['nope']) };
    expect(await runTranscode(undecodable)).toMatchObject({ ok: false, reason: 'undecodable' });
    const tooBig = { ...job, maxPixels: 100 };
    expect(await runTranscode(tooBig)).toEqual({
      ok: false,
      reason: 'too-many-pixels',
      width: 32,
      height: 64,
    });
  });

  test('aborting terminates the worker and rejects with the reason', async () => {
    countWorkers();
    const controller = new AbortController();
    const running = runTranscode(await rotatedJob(), controller.signal);
    const terminate = vi.spyOn(workers[0]!, 'terminate');
    controller.abort(new Error('newer drop'));
    await expect(running).rejects.toThrow('newer drop');
    expect(terminate).toHaveBeenCalled();
  });

  test('falls back to the main thread when the worker cannot run (e.g. CSP)', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('Refused by Content-Security-Policy', 'SecurityError');
        }
      },
    );
    expect(await runTranscode(await rotatedJob())).toMatchObject({
      ok: true,
      width: 32,
      height: 64,
    });
  });
});
