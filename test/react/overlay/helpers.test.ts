import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { OcrWord, Quad } from '../../../src/core/types';
import {
  defaultColorScale,
  defaultFormatLabel,
  quantizeConfidence,
} from '../../../src/react/overlay/colors';
import { CHUNK_SIZE, drawBoxes, visibleGroups } from '../../../src/react/overlay/draw';
import { buildModel, hitTest } from '../../../src/react/overlay/model';
import { readingOrder } from '../../../src/react/overlay/readingOrder';
import {
  capPixelRatio,
  MAX_CANVAS_PIXELS,
  panToShow,
  planExport,
  viewForRect,
  zoomView,
} from '../../../src/react/overlay/view';

const box = (x: number, y: number, w: number, h: number): Quad => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];
const word = (id: string, quad: Quad, line = 0, confidence = 0.9): OcrWord => ({
  id,
  text: id,
  confidence,
  quad,
  line,
  index: 0,
});

describe('defaultColorScale', () => {
  test('returns #rrggbb for any input, clamped', () => {
    fc.assert(fc.property(fc.double(), (c) => /^#[0-9a-f]{6}$/.test(defaultColorScale(c))));
    expect(defaultColorScale(-1)).toBe(defaultColorScale(0));
    expect(defaultColorScale(2)).toBe(defaultColorScale(1));
  });

  test('low confidence is warm and bright-red-channel, high is blue', () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    const [r0, , b0] = rgb(defaultColorScale(0));
    const [r1, , b1] = rgb(defaultColorScale(1));
    expect(r0).toBeGreaterThan(b0!);
    expect(b1).toBeGreaterThan(r1!);
  });

  test('confidences are bucketed to 0.01 so at most 101 colours exist', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (c) => {
        const q = quantizeConfidence(c);
        return Number.isInteger(q) && q >= 0 && q <= 100;
      }),
    );
  });

  test('defaultFormatLabel', () => {
    expect(defaultFormatLabel(word('영수증', box(0, 0, 1, 1), 0, 0.934))).toBe('영수증 93%');
  });
});

describe('readingOrder', () => {
  test('lines top to bottom, words left to right, whatever the input order', () => {
    const words = [
      word('d', box(300, 200, 50, 20), 1),
      word('b', box(300, 50, 50, 20), 0),
      word('c', box(100, 210, 50, 20), 1),
      word('a', box(100, 45, 50, 20), 0),
    ];
    expect(readingOrder(words).map((w) => w.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('is a permutation, and x increases within each line', () => {
    const arbWord = fc.record({
      line: fc.integer({ min: 0, max: 5 }),
      x: fc.integer({ min: 0, max: 1000 }),
      y: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(arbWord, { maxLength: 40 }), (specs) => {
        const words = specs.map((s, i) => word(`w${i}`, box(s.x, s.y, 10, 10), s.line));
        const ordered = readingOrder(words);
        expect(new Set(ordered.map((w) => w.id))).toEqual(new Set(words.map((w) => w.id)));
        for (let i = 1; i < ordered.length; i++) {
          const a = ordered[i - 1]!;
          const b = ordered[i]!;
          if (a.line === b.line) expect(a.quad[0].x).toBeLessThanOrEqual(b.quad[0].x);
        }
        // Each line is contiguous.
        const seen = new Set<number>();
        let last = -1;
        for (const w of ordered) {
          if (w.line !== last) {
            expect(seen.has(w.line)).toBe(false);
            seen.add(w.line);
            last = w.line;
          }
        }
      }),
    );
  });
});

describe('chunking', () => {
  /** A 2D context that records paths: how many quads each stroke covered, in which colour. */
  function recorder() {
    const strokes: { color: string; quads: number }[] = [];
    let quads = 0;
    const ctx = {
      strokeStyle: '',
      fillStyle: '',
      lineWidth: 1,
      lineJoin: '',
      lineCap: '',
      globalAlpha: 1,
      beginPath: () => {
        quads = 0;
      },
      moveTo: () => {
        quads++;
      },
      lineTo: () => {},
      closePath: () => {},
      fill: () => {},
      stroke: () => strokes.push({ color: ctx.strokeStyle, quads }),
    };
    return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes };
  }

  test('strokes every quad once, in paths of at most CHUNK_SIZE (16–64) quads of one colour', () => {
    expect(CHUNK_SIZE).toBeGreaterThanOrEqual(16);
    expect(CHUNK_SIZE).toBeLessThanOrEqual(64);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 500 }),
        (confidences) => {
          const words = confidences.map((c, i) => word(`w${i}`, box(i, i, 5, 5), 0, c));
          const model = buildModel(words, 0, defaultColorScale);
          const { ctx, strokes } = recorder();
          drawBoxes(ctx, model, model.groups, 1, {
            strokeWidth: 2,
            fillOpacity: 0.1,
            fontSize: 10,
            fontFamily: 'x',
          });
          expect(strokes.reduce((sum, s) => sum + s.quads, 0)).toBe(words.length);
          for (const s of strokes) expect(s.quads).toBeLessThanOrEqual(CHUNK_SIZE);
          // Batches are per colour: at most one partial chunk per colour.
          const partial = strokes.filter((s) => s.quads < CHUNK_SIZE);
          expect(new Set(partial.map((s) => s.color)).size).toBe(partial.length);
        },
      ),
    );
  });
});

describe('model', () => {
  const words = [
    word('a', box(0, 0, 10, 10), 0, 0.2),
    word('b', box(20, 0, 10, 10), 0, 0.9),
    word('c', box(0, 20, 10, 10), 1, 0.91),
    word('nan', box(Number.NaN, 0, 10, 10), 1, 0.99),
  ];

  test('drops words below the threshold and with non-finite corners', () => {
    const model = buildModel(words, 0.5, defaultColorScale);
    expect(model.words.map((w) => w.id)).toEqual(['b', 'c']);
    expect(model.byId.get('c')).toBe(1);
  });

  test('groups every word under exactly one colour', () => {
    const model = buildModel(words, 0, defaultColorScale);
    const all = model.groups.flatMap((g) => [...g]).sort();
    expect(all).toEqual([0, 1, 2]);
    expect(model.colors.length).toBeLessThanOrEqual(3);
  });

  test('visibleGroups culls to the visible rect', () => {
    const model = buildModel(words, 0, defaultColorScale);
    expect(visibleGroups(model, [-100, -100, 100, 100])).toBe(model.groups);
    const culled = visibleGroups(model, [15, -5, 40, 12]).flatMap((g) => Array.from(g));
    expect(culled.map((i) => model.words[i]!.id)).toEqual(['b']);
  });

  test('hitTest is exact for rotated quads, picks the smallest of nested boxes', () => {
    const diamond: Quad = [
      { x: 50, y: 0 },
      { x: 100, y: 50 },
      { x: 50, y: 100 },
      { x: 0, y: 50 },
    ];
    const model = buildModel(
      [word('diamond', diamond), word('inner', box(40, 40, 20, 20), 1)],
      0,
      defaultColorScale,
    );
    const id = (x: number, y: number, tol = 0) =>
      model.words[hitTest(model, { x, y }, tol)]?.id ?? null;
    expect(id(50, 50)).toBe('inner');
    expect(id(50, 20)).toBe('diamond');
    expect(id(5, 5)).toBe(null); // inside the bounding box, outside the diamond
    expect(id(24, 24, 2)).toBe('diamond'); // within tolerance of an edge
  });
});

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
