import { describe, expect, test, vi } from 'vitest';
import { OcrError } from '../../../../src/core/errors';
import type { OcrResult } from '../../../../src/core/types';
import { defaultColorScale } from '../../../../src/react/overlay/engine/colors';
import { OverlayController } from '../../../../src/react/overlay/engine/controller';
import { IMAGE_LOADING, type ImageLoadState } from '../../../../src/react/overlay/engine/image';
import { buildModel } from '../../../../src/react/overlay/engine/model';
import { resolveOptions } from '../../../../src/react/overlay/engine/options';
import { SceneState } from '../../../../src/react/overlay/engine/sceneState';
import { nextSnapshot } from '../../../../src/react/overlay/engine/snapshot';
import { box, word } from './words';

const words = [word('a', box(0, 0, 10, 10), 0, 0.9), word('b', box(20, 0, 10, 10), 0, 0.4)];
const result: OcrResult = {
  words,
  lines: [{ index: 0, words }],
  fileType: 'png',
  slices: null,
  warnings: [],
};

describe('OverlayController selection (no page needed)', () => {
  test('uncontrolled: select() changes the snapshot and reports the change once', () => {
    const onSelectedIdChange = vi.fn();
    const controller = new OverlayController({ image: 'x.png', result, onSelectedIdChange });
    controller.setOptions({ image: 'x.png', result, onSelectedIdChange });
    const listener = vi.fn();
    controller.subscribe(listener);
    controller.select('b');
    expect(controller.getSnapshot().selectedId).toBe('b');
    expect(controller.getSnapshot().selectedIndex).toBe(1);
    expect(onSelectedIdChange).toHaveBeenCalledWith('b', words[1]);
    expect(listener).toHaveBeenCalledTimes(1);
    controller.select('b');
    expect(onSelectedIdChange).toHaveBeenCalledTimes(1);
    controller.select(null);
    expect(onSelectedIdChange).toHaveBeenLastCalledWith(null, null);
  });

  test('controlled: select() only asks; the snapshot follows the selectedId option', () => {
    const onSelectedIdChange = vi.fn();
    const controller = new OverlayController({ image: 'x.png', result, selectedId: null });
    controller.setOptions({ image: 'x.png', result, selectedId: null, onSelectedIdChange });
    controller.select('a');
    expect(onSelectedIdChange).toHaveBeenCalledWith('a', words[0]);
    expect(controller.getSnapshot().selectedId).toBe(null);
    controller.setOptions({ image: 'x.png', result, selectedId: 'a', onSelectedIdChange });
    expect(controller.getSnapshot().selectedIndex).toBe(0);
  });

  test('defaultSelectedId is the initial selection; a word under minConfidence is not selectable', () => {
    const controller = new OverlayController({ image: 'x.png', result, defaultSelectedId: 'a' });
    controller.setOptions({ image: 'x.png', result, defaultSelectedId: 'a', minConfidence: 0.5 });
    expect(controller.getSnapshot().selectedIndex).toBe(0);
    controller.select('b');
    expect(controller.getSnapshot().selectedIndex).toBe(0);
  });

  test('hover reports the word, notifies hover listeners only, and resets on a new model', () => {
    const onHoverChange = vi.fn();
    const controller = new OverlayController({ image: 'x.png', result });
    controller.setOptions({ image: 'x.png', result, onHoverChange });
    const changes = vi.fn();
    const hovers = vi.fn();
    controller.subscribe(changes);
    controller.subscribeHover(hovers);
    expect(controller.hover(1)).toBe(true);
    expect(controller.hover(1)).toBe(false);
    expect(onHoverChange).toHaveBeenCalledWith(words[1]);
    expect(hovers).toHaveBeenCalledTimes(1);
    expect(changes).not.toHaveBeenCalled();
    controller.setOptions({
      image: 'x.png',
      result: { ...result, words: [words[0]!] },
      onHoverChange,
    });
    expect(controller.hoveredIndex).toBe(-1);
    expect(hovers).toHaveBeenCalledTimes(2);
  });

  test('the same options twice publish nothing', () => {
    const controller = new OverlayController({ image: 'x.png', result });
    const options = { image: 'x.png', result, width: 300 };
    controller.setOptions(options);
    const listener = vi.fn();
    controller.subscribe(listener);
    const snapshot = controller.getSnapshot();
    controller.setOptions({ ...options });
    expect(listener).not.toHaveBeenCalled();
    expect(controller.getSnapshot()).toBe(snapshot);
  });
});

describe('SceneState', () => {
  test('rebuilds only what changed, and keeps the scene when nothing did', () => {
    const state = new SceneState();
    const base = resolveOptions({ image: 'x.png', result });
    state.update(base);
    const first = state.scene;
    expect(state.update({ ...base })).toBe(false);
    expect(state.scene).toBe(first);
    expect(state.update({ ...base, labels: 'none' })).toBe(true);
    expect(state.scene.model).toBe(first.model);
    expect(state.scene.labelCache).toBe(first.labelCache);
    expect(state.update({ ...base, labels: 'none', fontFamily: 'serif' })).toBe(true);
    expect(state.scene.model).toBe(first.model);
    expect(state.scene.labelCache).not.toBe(first.labelCache);
    expect(state.update({ ...base, labels: 'none', fontFamily: 'serif', minConfidence: 0.5 })).toBe(
      true,
    );
    expect(state.scene.model.words.map((w) => w.id)).toEqual(['a']);
  });
});

describe('nextSnapshot', () => {
  const model = buildModel(words, 0, defaultColorScale);
  const ready: ImageLoadState = {
    status: 'ready',
    source: {} as CanvasImageSource,
    width: 800,
    height: 600,
  };
  const facts = {
    image: ready,
    container: { width: 400, height: 0 },
    maxHeight: Number.POSITIVE_INFINITY,
    width: undefined,
    height: undefined,
    model,
    selectedId: null,
    zoom: true,
    paintedImage: null,
    failure: null,
  };

  test('the stage is the container wide and the image aspect tall, or what width/height say', () => {
    expect(nextSnapshot(null, facts).stage).toEqual({ width: 400, height: 300 });
    expect(nextSnapshot(null, { ...facts, width: 200 }).stage).toEqual({ width: 200, height: 150 });
    expect(nextSnapshot(null, { ...facts, width: 200, height: 50 }).stage).toEqual({
      width: 200,
      height: 50,
    });
    // A taller image than maxHeight allows: the stage keeps the width and stops at the limit.
    expect(nextSnapshot(null, { ...facts, maxHeight: 200 }).stage).toEqual({
      width: 400,
      height: 200,
    });
    expect(nextSnapshot(null, { ...facts, maxHeight: 200, height: 250 }).stage).toEqual({
      width: 400,
      height: 250,
    });
    expect(nextSnapshot(null, { ...facts, image: IMAGE_LOADING }).stage).toEqual({
      width: 400,
      height: 0,
    });
  });

  test('ready only once the current image is painted; error whenever the image failed', () => {
    expect(nextSnapshot(null, facts).status).toBe('loading');
    expect(nextSnapshot(null, { ...facts, paintedImage: ready }).status).toBe('ready');
    expect(nextSnapshot(null, { ...facts, paintedImage: { ...ready } }).status).toBe('loading');
    const error = { status: 'error' as const, error: new Error('x') as never };
    expect(nextSnapshot(null, { ...facts, image: error }).status).toBe('error');
    expect(nextSnapshot(null, { ...facts, image: error }).error).toBe(error.error);
  });

  test("error, with the reason, when the overlay's deferred code failed to load", () => {
    const failure = new OcrError('network', 'chunk');
    const snapshot = nextSnapshot(null, { ...facts, paintedImage: ready, failure });
    expect(snapshot.status).toBe('error');
    expect(snapshot.error).toBe(failure);
    expect(nextSnapshot(null, { ...facts, paintedImage: ready }).error).toBeNull();
  });

  test('returns the previous snapshot itself when nothing changed', () => {
    const first = nextSnapshot(null, facts);
    expect(nextSnapshot(first, { ...facts, container: { width: 400, height: 10 } })).toBe(first);
    expect(nextSnapshot(first, { ...facts, selectedId: 'a' }).selectedIndex).toBe(0);
  });
});
