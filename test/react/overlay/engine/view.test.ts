import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  capPixelRatio,
  MAX_CANVAS_PIXELS,
  panToShow,
  planExport,
  viewForRect,
  zoomView,
} from '../../../../src/react/overlay/engine/view';

describe('canvas limits', () => {
  test('capPixelRatio never exceeds the canvas pixel limit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 1, max: 20000 }),
        (ratio, w, h) => {
          const r = capPixelRatio(ratio, w, h);
          expect(r).toBeLessThanOrEqual(ratio);
          expect(Math.floor(w * r) * Math.floor(h * r)).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
        },
      ),
    );
  });

  test('planExport keeps natural size when it fits, else scales down within the limit', () => {
    expect(planExport({ width: 1600, height: 1200 })).toEqual({
      width: 1600,
      height: 1200,
      scale: 1,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30000 }),
        fc.integer({ min: 1, max: 30000 }),
        fc.double({ min: 0.25, max: 4, noNaN: true }),
        (w, h, ratio) => {
          const plan = planExport({ width: w, height: h }, ratio);
          expect(plan.width * plan.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
          expect(Math.max(plan.width, plan.height)).toBeLessThanOrEqual(32767);
          expect(plan.width).toBeLessThanOrEqual(Math.max(1, Math.round(w * ratio)));
        },
      ),
    );
  });
});

describe('view', () => {
  test('zoomView keeps the anchor fixed and clamps the scale', () => {
    const view = { scale: 1, offsetX: 0, offsetY: 0 };
    const zoomed = zoomView(view, 2, { x: 100, y: 50 }, 1);
    expect((100 - zoomed.offsetX) / zoomed.scale).toBeCloseTo(100);
    expect(zoomView(view, 1e6, { x: 0, y: 0 }, 1).scale).toBe(40);
    expect(zoomView(view, 1e-6, { x: 0, y: 0 }, 1).scale).toBe(0.5);
  });

  test('panToShow is a no-op for visible rects and brings others on screen', () => {
    const view = { scale: 2, offsetX: 0, offsetY: 0 };
    const stage = { width: 400, height: 300 };
    expect(panToShow(view, { x: 10, y: 10, width: 20, height: 20 }, stage)).toEqual(view);
    const moved = panToShow(view, { x: 500, y: 400, width: 20, height: 10 }, stage);
    expect(500 * 2 + moved.offsetX).toBeGreaterThanOrEqual(0);
    expect(520 * 2 + moved.offsetX).toBeLessThanOrEqual(400);
    expect(410 * 2 + moved.offsetY).toBeLessThanOrEqual(300);
  });

  test('viewForRect centres the rect', () => {
    const v = viewForRect(
      { x: 100, y: 100, width: 50, height: 20 },
      { width: 400, height: 300 },
      1,
    );
    expect(125 * v.scale + v.offsetX).toBeCloseTo(200);
    expect(110 * v.scale + v.offsetY).toBeCloseTo(150);
  });
});
