import { describe, expect, test } from 'vitest';
import type { Quad } from '../../../../src/core/types';
import { defaultColorScale } from '../../../../src/react/overlay/engine/colors';
import { visibleGroups } from '../../../../src/react/overlay/engine/draw';
import { buildModel, hitTest } from '../../../../src/react/overlay/engine/model';
import { box, word } from './words';

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
