import { fireEvent } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { OcrWord, Point, Quad } from '../../../src/core/types';
import {
  greyImageUrl,
  layerCanvas,
  makeResult,
  makeWord,
  pixelAt,
  renderOverlay,
  rotatedQuad,
  textLayerLines,
  waitForTextLayer,
} from './helpers';

const image = greyImageUrl(400, 300);
// Two lines; the second is tilted by 20°.
const thank = makeWord('thank', rotatedQuad(90, 60, 100, 36, 0), 0.9, 'THANK', 0, 0);
const you = makeWord('you', rotatedQuad(210, 60, 80, 36, 0), 0.9, 'YOU', 0, 1);
const total = makeWord('total', rotatedQuad(150, 190, 140, 40, 20), 0.8, 'TOTAL', 1, 0);
const words = [thank, you, total];
const result = makeResult(words);

const surfaceOf = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-ocr-surface]')!;
const spanOf = (root: HTMLElement, id: string) =>
  root.querySelector<HTMLElement>(`[data-ocr-text-layer] [data-word-id="${id}"]`)!;
const nextFrame = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** A client point at image coordinates `point`, through the stage's current transform. */
function clientPoint(
  root: HTMLElement,
  point: Point,
  stage: { x: number; y: number; scale: number },
) {
  const rect = surfaceOf(root).getBoundingClientRect();
  return {
    x: rect.left + stage.x + point.x * stage.scale,
    y: rect.top + stage.y + point.y * stage.scale,
  };
}

function screenBounds(
  root: HTMLElement,
  quad: Quad,
  stage: { x: number; y: number; scale: number },
) {
  const points = quad.map((p) => clientPoint(root, p, stage));
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return {
    left: Math.min(...xs),
    right: Math.max(...xs),
    top: Math.min(...ys),
    bottom: Math.max(...ys),
  };
}

const centre = (word: OcrWord): Point => ({
  x: word.quad.reduce((sum, p) => sum + p.x, 0) / 4,
  y: word.quad.reduce((sum, p) => sum + p.y, 0) / 4,
});

function copyEvent(): { event: ClipboardEvent; text: () => string } {
  const clipboardData = new DataTransfer();
  const event = new ClipboardEvent('copy', { clipboardData, bubbles: true, cancelable: true });
  return { event, text: () => clipboardData.getData('text/plain') };
}

describe('textLayer="selectable" (the default)', () => {
  test('each word is text once, in reading order, as a span over its quad', async () => {
    const { root } = await renderOverlay({ image, result, width: 400 });
    expect(await textLayerLines(root)).toEqual(['THANK YOU', 'TOTAL']);
    expect(root.querySelectorAll('[data-ocr-text-layer] [data-word-id]')).toHaveLength(3);
    expect(root.getAttribute('data-text-layer')).toBe('ready');
  });

  test.each([
    ['an upright word', thank],
    ['a word rotated by 20°', total],
  ])('a range around %s sits on its quad, at fit and after a zoom step', async (_, word) => {
    const { root, stage } = await renderOverlay({ image, result, width: 400 });
    await waitForTextLayer(root);
    const check = () => {
      const range = document.createRange();
      range.selectNodeContents(spanOf(root, word.id));
      const rect = range.getBoundingClientRect();
      const s = stage();
      const expected = screenBounds(root, word.quad, { x: s.x(), y: s.y(), scale: s.scaleX() });
      const slack = 3 + 0.08 * (expected.right - expected.left);
      expect(Math.abs(rect.left - expected.left)).toBeLessThan(slack);
      expect(Math.abs(rect.right - expected.right)).toBeLessThan(slack);
      expect(Math.abs(rect.top - expected.top)).toBeLessThan(slack);
      expect(Math.abs(rect.bottom - expected.bottom)).toBeLessThan(slack);
    };
    check();
    const rect = surfaceOf(root).getBoundingClientRect();
    fireEvent.wheel(surfaceOf(root), {
      deltaY: -120,
      clientX: rect.left + 120,
      clientY: rect.top + 90,
    });
    expect(stage().scaleX()).toBeGreaterThan(1);
    await nextFrame();
    await waitForTextLayer(root);
    check();
  });

  test('a real mouse drag across two words selects their text, and copy gives it', async () => {
    const { root } = await renderOverlay({ image, result, width: 400 });
    await waitForTextLayer(root);
    const from = spanOf(root, 'thank').getBoundingClientRect();
    const to = spanOf(root, 'you').getBoundingClientRect();
    await commands.mouseDrag([
      { x: from.left + 1, y: from.top + from.height / 2 },
      { x: to.right - 1, y: to.top + to.height / 2 },
    ]);
    // The browser's own selection holds both words (its toString spacing is its own).
    expect(document.getSelection()!.toString().replace(/\s+/g, '')).toBe('THANKYOU');
    const { event, text } = copyEvent();
    document.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(text()).toBe('THANK YOU');
  });

  test('copy puts a space between words and a newline between lines', async () => {
    const { root } = await renderOverlay({ image, result, width: 400 });
    await waitForTextLayer(root);
    const range = document.createRange();
    range.setStart(spanOf(root, 'thank').firstChild!, 2);
    range.setEnd(spanOf(root, 'total').firstChild!, 5);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const { event, text } = copyEvent();
    document.dispatchEvent(event);
    expect(text()).toBe('ANK YOU\nTOTAL');
  });

  test('Ctrl+C copies the selection to the system clipboard', async () => {
    await commands.allowClipboard();
    const { root } = await renderOverlay({ image, result, width: 400 });
    await waitForTextLayer(root);
    const range = document.createRange();
    range.setStart(spanOf(root, 'you').firstChild!, 0);
    range.setEnd(spanOf(root, 'total').firstChild!, 5);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    await userEvent.keyboard('{Control>}c{/Control}');
    expect(await navigator.clipboard.readText()).toBe('YOU\nTOTAL');
  });

  test('a press on a word that does not move still clicks and selects it', async () => {
    const onWordClick = vi.fn();
    const onSelectedIdChange = vi.fn();
    const { root } = await renderOverlay({
      image,
      result,
      width: 400,
      onWordClick,
      onSelectedIdChange,
    });
    await waitForTextLayer(root);
    const span = spanOf(root, 'you').getBoundingClientRect();
    const point = { x: span.left + span.width / 2, y: span.top + span.height / 2 };
    await commands.mouseDrag([point, point]);
    expect(onWordClick).toHaveBeenCalledWith(you, expect.anything());
    expect(onSelectedIdChange).toHaveBeenLastCalledWith('you', you);
  });

  test('a drag that starts on the image away from words pans and selects no text', async () => {
    const { root, stage } = await renderOverlay({ image, result, width: 400 });
    await waitForTextLayer(root);
    const rect = surfaceOf(root).getBoundingClientRect();
    const x0 = stage().x();
    await commands.mouseDrag([
      { x: rect.left + 350, y: rect.top + 270 },
      { x: rect.left + 300, y: rect.top + 270 },
    ]);
    expect(stage().x()).toBeCloseTo(x0 - 50, 0);
    expect(document.getSelection()!.toString()).toBe('');
  });

  test('the surface cursor (hover, drag) stops at the layer: its words are not restyled', async () => {
    const { root } = await renderOverlay({ image, result, width: 400 });
    await waitForTextLayer(root);
    const layer = root.querySelector<HTMLElement>('[data-ocr-text-layer]')!;
    const before = getComputedStyle(layer).cursor;
    // What pointer input does on hover and drag; an inherited change would restyle every span.
    for (const cursor of ['grabbing', 'pointer', 'grab']) {
      surfaceOf(root).style.cursor = cursor;
      expect(getComputedStyle(layer).cursor).toBe(before);
    }
    expect(getComputedStyle(spanOf(root, 'thank')).cursor).toBe('text');
  });

  test("the browser's find finds a word once, where it is drawn", async () => {
    const { root } = await renderOverlay({ image, result, width: 400 });
    await waitForTextLayer(root);
    document.getSelection()!.removeAllRanges();
    // `window.find(text, caseSensitive, backwards, wrapAround)`
    const find = (text: string) =>
      (window as unknown as { find: (...args: unknown[]) => boolean }).find(
        text,
        false,
        false,
        false,
      );
    expect(find('total')).toBe(true);
    const found = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
    const bounds = screenBounds(root, total.quad, { x: 0, y: 0, scale: 1 });
    expect(found.left).toBeGreaterThanOrEqual(bounds.left - 3);
    expect(found.right).toBeLessThanOrEqual(bounds.right + 3);
    expect(find('total')).toBe(false);
  });

  test('many large words fill in over frames: pending, then ready with every word placed', async () => {
    const many = Array.from({ length: 900 }, (_, i) =>
      makeWord(
        `w${i}`,
        rotatedQuad(10 + (i % 30) * 13, 8 + Math.floor(i / 30) * 9.5, 12, 8, 0),
        0.9,
        `w${i}`,
        Math.floor(i / 30),
        i % 30,
      ),
    );
    const { root } = await renderOverlay({ image, result: makeResult(many), width: 800 });
    expect(root.getAttribute('data-text-layer')).toBe('pending');
    await waitForTextLayer(root);
    expect(root.querySelectorAll('[data-ocr-text-layer] [data-word-id]')).toHaveLength(900);
  });
});

describe('textLayer="hidden"', () => {
  test('the text is in the DOM once, found by find, but nothing is positioned over the image', async () => {
    const { root } = await renderOverlay({ image, result, width: 400, textLayer: 'hidden' });
    expect(await textLayerLines(root)).toEqual(['THANK YOU', 'TOTAL']);
    expect(root.querySelectorAll('[data-ocr-text-layer] [data-word-id]')).toHaveLength(0);
    const flow = root.querySelector<HTMLElement>('[data-ocr-text-flow]')!;
    expect(flow.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    document.getSelection()!.removeAllRanges();
    expect((window as unknown as { find: (t: string) => boolean }).find('THANK')).toBe(true);
    expect(root.contains(document.getSelection()!.anchorNode)).toBe(true);
  });
});

describe('textLayer="none"', () => {
  test('no word text in the DOM', async () => {
    const { root } = await renderOverlay({ image, result, width: 400, textLayer: 'none' });
    await nextFrame();
    await nextFrame();
    expect(root.getAttribute('data-text-layer')).toBe('none');
    for (const word of words) expect(root.textContent).not.toContain(word.text);
  });

  test('switching modes on a mounted overlay follows', async () => {
    const { root, rerender } = await renderOverlay({
      image,
      result,
      width: 400,
      textLayer: 'none',
    });
    await rerender({ image, result, width: 400, textLayer: 'selectable' });
    expect(await textLayerLines(root)).toEqual(['THANK YOU', 'TOTAL']);
    await rerender({ image, result, width: 400, textLayer: 'hidden' });
    await waitForTextLayer(root);
    expect(root.querySelectorAll('[data-word-id]')).toHaveLength(0);
    expect(await textLayerLines(root)).toEqual(['THANK YOU', 'TOTAL']);
  });
});

describe('highlightedIds', () => {
  test('change canvas pixels at their words only, apart from hover and selection', async () => {
    const { root, stage, rerender } = await renderOverlay({ image, result, width: 400 });
    const marks = () => layerCanvas(stage(), 'ocr-marks-layer');
    const at = (word: OcrWord) => pixelAt(marks(), centre(word).x, centre(word).y);
    for (const word of words) expect(at(word)[3]).toBe(0);
    await rerender({
      image,
      result,
      width: 400,
      highlightedIds: ['you', 'total'],
      highlightColor: '#ff00ff',
    });
    expect(at(thank)[3]).toBe(0);
    for (const word of [you, total]) {
      const [r, g, b, a] = at(word);
      expect(a).toBeGreaterThan(0);
      expect(r).toBeGreaterThan(200);
      expect(g).toBeLessThan(60);
      expect(b).toBeGreaterThan(200);
    }
    expect(
      pixelAt(layerCanvas(stage(), 'ocr-highlight-layer'), centre(you).x, centre(you).y)[3],
    ).toBe(0);
    await rerender({ image, result, width: 400, highlightedIds: [] });
    expect(at(you)[3]).toBe(0);
    expect(root.getAttribute('data-state')).toBe('ready');
  });
});
