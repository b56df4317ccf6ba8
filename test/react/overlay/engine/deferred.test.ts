import { afterEach, describe, expect, test, vi } from 'vitest';
import { isOcrError } from '../../../../src/core/errors';
import type { OcrResult } from '../../../../src/core/types';
import type { InputSurface } from '../../../../src/react/overlay/engine/input';
import { box, word } from './words';

const engine = '../../../../src/react/overlay/engine';

/** A decoded bitmap stand-in: usable at once, so a controller needs no DOM to load it. */
class FakeBitmap {
  width = 40;
  height = 30;
}

const result: OcrResult = {
  fileType: 'png',
  lines: [],
  slices: null,
  warnings: [],
  words: [word('a', box(0, 0, 10, 5)), word('b', box(20, 0, 10, 5))],
};

const key = (name: string) => ({
  key: name,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  preventDefault: () => {},
});

/** Fresh module state for each test: what `deferred.ts` loaded is a page-wide fact. */
async function freshEngine() {
  vi.resetModules();
  vi.stubGlobal('ImageBitmap', FakeBitmap);
  const deferred = await import(`${engine}/deferred`);
  const { OverlayController } = await import(`${engine}/controller`);
  return { deferred, OverlayController };
}

afterEach(() => {
  vi.doUnmock(`${engine}/deferredParts`);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('deferred engine parts (renderer, input, export)', () => {
  test('are not loaded by importing the engine, nor for an overlay rendered on a server', async () => {
    const { deferred, OverlayController } = await freshEngine();
    const controller = new OverlayController({ image: new FakeBitmap() as never, result });
    expect(deferred.deferredParts()).toBeNull();
    // Keys before the parts have loaded pass by: there is nothing drawn to act on yet.
    controller.input.keyDown(key('ArrowRight') as never);
    expect(controller.getSnapshot().selectedId).toBeNull();

    const stop = controller.connect();
    const parts = await deferred.loadDeferredParts();
    expect(deferred.deferredParts()).toBe(parts);
    expect(Object.keys(parts).sort()).toEqual(['OverlayInput', 'StageRenderer', 'exportDataURL']);
    // The same handler identities now reach the loaded input.
    controller.input.keyDown(key('ArrowRight') as never);
    expect(controller.getSnapshot().selectedId).toBe('a');
    stop();
  });

  test("in a browser, an overlay's first render asks for them, before it is connected", async () => {
    const { deferred, OverlayController } = await freshEngine();
    vi.stubGlobal('window', {});
    const controller = new OverlayController({ image: new FakeBitmap() as never, result });
    // Asked for already: the constructor's load is the one every later call shares.
    const parts = await deferred.loadDeferredParts();
    expect(deferred.deferredParts()).toBe(parts);
    await vi.waitFor(() => {
      controller.input.keyDown(key('ArrowRight') as never);
      expect(controller.getSnapshot().selectedId).toBe('a');
    });
  });

  test('one load serves every overlay of the page', async () => {
    const { deferred, OverlayController } = await freshEngine();
    const first = deferred.loadDeferredParts();
    expect(deferred.loadDeferredParts()).toBe(first);
    const parts = await first;
    const late = new OverlayController({ image: new FakeBitmap() as never, result });
    late.connect();
    // Already loaded: a later overlay's input works at once, without waiting for a promise.
    late.input.keyDown(key('ArrowRight') as never);
    expect(late.getSnapshot().selectedId).toBe('a');
    expect(deferred.deferredParts()).toBe(parts);
  });

  test('a failed load is a typed network error, shown as the overlay error and tried again later', async () => {
    vi.resetModules();
    vi.doMock(`${engine}/deferredParts`, () => {
      throw new Error('chunk gone');
    });
    const { deferred, OverlayController } = await freshEngine();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const controller = new OverlayController({ image: new FakeBitmap() as never, result });
    const seen = vi.fn();
    controller.subscribe(seen);
    const stop = controller.connect();

    const error = await deferred.loadDeferredParts().catch((reason: unknown) => reason);
    expect(isOcrError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'network', retryable: true });
    await vi.waitFor(() => expect(controller.getSnapshot().status).toBe('error'));
    expect(controller.getSnapshot().error).toMatchObject({ code: 'network' });
    expect(seen).toHaveBeenCalled();
    expect(logged).toHaveBeenCalledTimes(1);
    // The words the view lists stay: only drawing and input wait for the parts.
    expect(controller.getSnapshot().model.words.map((w: { id: string }) => w.id)).toEqual([
      'a',
      'b',
    ]);

    vi.doUnmock(`${engine}/deferredParts`);
    // A remount asks again; this time the parts load and the error is gone.
    stop();
    controller.connect();
    await expect(deferred.loadDeferredParts()).resolves.toHaveProperty('OverlayInput');
    await vi.waitFor(() => expect(controller.getSnapshot().error).toBeNull());
    expect(controller.getSnapshot().status).toBe('loading');
  });

  test('toDataURL before the parts have loaded is a typed error, not an export without labels', async () => {
    const { OverlayController } = await freshEngine();
    const controller = new OverlayController({ image: new FakeBitmap() as never, result });
    expect(() => controller.toDataURL()).toThrow(
      expect.objectContaining({ code: 'invalid-input', message: expect.stringMatching(/ready/) }),
    );
  });

  test('a surface attached before the input loads is handed to it', async () => {
    const { deferred, OverlayController } = await freshEngine();
    const controller = new OverlayController({ image: new FakeBitmap() as never, result });
    const listen = vi.fn();
    const surface = {
      style: { cursor: '' },
      addEventListener: listen,
      removeEventListener: vi.fn(),
    } as unknown as InputSurface & Element;
    controller.input.attach(surface);
    expect(listen).not.toHaveBeenCalled();
    controller.connect();
    await deferred.loadDeferredParts();
    await vi.waitFor(() =>
      expect(listen).toHaveBeenCalledWith('wheel', expect.any(Function), { passive: false }),
    );
  });
});
