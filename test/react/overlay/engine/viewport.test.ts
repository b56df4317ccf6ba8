import { describe, expect, test, vi } from 'vitest';
import { MAX_ZOOM, MIN_ZOOM } from '../../../../src/react/overlay/engine/view';
import { Viewport } from '../../../../src/react/overlay/engine/viewport';

const natural = { width: 800, height: 600 };
const stage = { width: 400, height: 300 };

function fitted() {
  const viewport = new Viewport();
  viewport.resize(natural, stage, true);
  return viewport;
}

describe('Viewport', () => {
  test('starts fitted and refits on every size change while fitted', () => {
    const viewport = fitted();
    expect(viewport.fitted).toBe(true);
    expect(viewport.view).toEqual({ scale: 0.5, offsetX: 0, offsetY: 0 });
    viewport.resize(natural, { width: 800, height: 300 });
    expect(viewport.view).toEqual({ scale: 0.5, offsetX: 200, offsetY: 0 });
  });

  test('a zoom or pan ends "fitted"; size changes then keep the view; fit() restores it', () => {
    const viewport = fitted();
    viewport.panBy(10, 5);
    expect(viewport.fitted).toBe(false);
    expect(viewport.view).toEqual({ scale: 0.5, offsetX: 10, offsetY: 5 });
    viewport.resize(natural, { width: 800, height: 600 });
    expect(viewport.view).toEqual({ scale: 0.5, offsetX: 10, offsetY: 5 });
    viewport.fit();
    expect(viewport.fitted).toBe(true);
    expect(viewport.view).toEqual({ scale: 1, offsetX: 0, offsetY: 0 });
  });

  test('a new image (reset) starts fitted again', () => {
    const viewport = fitted();
    viewport.zoomAt(2, { x: 0, y: 0 });
    viewport.resize({ width: 400, height: 300 }, stage, true);
    expect(viewport.fitted).toBe(true);
    expect(viewport.view).toEqual({ scale: 1, offsetX: 0, offsetY: 0 });
  });

  test('zoomAt keeps the image point under the anchor and clamps to the zoom limits', () => {
    const viewport = fitted();
    viewport.zoomAt(2, { x: 100, y: 50 });
    const { scale, offsetX, offsetY } = viewport.view;
    expect(scale).toBe(1);
    expect((100 - offsetX) / scale).toBeCloseTo(200);
    expect((50 - offsetY) / scale).toBeCloseTo(100);
    viewport.zoomAt(1e6, { x: 0, y: 0 });
    expect(viewport.view.scale).toBeCloseTo(0.5 * MAX_ZOOM);
    viewport.zoomAt(1e-9, { x: 0, y: 0 });
    expect(viewport.view.scale).toBeCloseTo(0.5 * MIN_ZOOM);
  });

  test('show() pans just enough to bring a rect on screen, and not at all when it is', () => {
    const viewport = fitted();
    viewport.zoomAt(4, { x: 0, y: 0 });
    const before = viewport.view;
    viewport.show({ x: 10, y: 10, width: 20, height: 10 });
    expect(viewport.view).toBe(before);
    viewport.show({ x: 700, y: 10, width: 20, height: 10 });
    expect(viewport.view.scale).toBe(before.scale);
    const right = (700 + 20) * viewport.view.scale + viewport.view.offsetX;
    expect(right).toBeCloseTo(stage.width - 8);
  });

  test('focus() centres a rect and zooms in on it', () => {
    const viewport = fitted();
    viewport.focus({ x: 600, y: 400, width: 40, height: 20 });
    const { scale, offsetX, offsetY } = viewport.view;
    expect(scale).toBeGreaterThan(0.5);
    expect(620 * scale + offsetX).toBeCloseTo(stage.width / 2);
    expect(410 * scale + offsetY).toBeCloseTo(stage.height / 2);
  });

  test('listeners hear each change once, and nothing when the view stays the same', () => {
    const viewport = fitted();
    const listener = vi.fn();
    const stop = viewport.subscribe(listener);
    viewport.fit();
    expect(listener).not.toHaveBeenCalled();
    viewport.panBy(1, 0);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenLastCalledWith(viewport.view);
    stop();
    viewport.panBy(1, 0);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
