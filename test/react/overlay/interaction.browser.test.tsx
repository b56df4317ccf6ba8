import { act, fireEvent, render } from '@testing-library/react';
import type Konva from 'konva';
import { createRef, Profiler } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { OcrOverlay, type OcrOverlayHandle } from '../../../src/react/overlay';
import {
  greyImageUrl,
  layerCanvas,
  makeResult,
  makeWord,
  pixelAt,
  renderOverlay,
  rotatedQuad,
  setDevicePixelRatio,
  waitForState,
} from './helpers';

const image = greyImageUrl(400, 300);
// Two parallel 45° bands: each one's centre lies inside the other's bounding box.
const bandA = makeWord('a', rotatedQuad(150, 150, 260, 30, 45), 0.9, 'alpha', 0, 0);
const bandB = makeWord('b', rotatedQuad(200, 150, 260, 30, 45), 0.9, 'beta', 0, 1);

const nextFrame = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const surfaceOf = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-ocr-surface]')!;

function drawCounter(stage: Konva.Stage, name: string) {
  let count = 0;
  stage.findOne<Konva.Layer>(`.${name}`)!.on('draw', () => count++);
  return () => count;
}

describe('selection by pointer', () => {
  test('a click on a rotated quad selects exactly that word, not its bounding-box neighbour', async () => {
    const onSelectedIdChange = vi.fn();
    const onWordClick = vi.fn();
    const { root } = await renderOverlay({
      image,
      result: makeResult([bandA, bandB]),
      width: 400,
      onSelectedIdChange,
      onWordClick,
    });
    const surface = surfaceOf(root);
    await userEvent.click(surface, { position: { x: 200, y: 150 } });
    expect(onSelectedIdChange).toHaveBeenLastCalledWith('b', bandB);
    expect(onWordClick).toHaveBeenLastCalledWith(bandB, expect.anything());
    await userEvent.click(surface, { position: { x: 150, y: 150 } });
    expect(onSelectedIdChange).toHaveBeenLastCalledWith('a', bandA);
    expect(root.querySelector('[data-ocr-announcer]')!.textContent).toMatch(
      /alpha, 90% confidence/,
    );
    // Empty space clears the selection.
    await userEvent.click(surface, { position: { x: 380, y: 20 } });
    expect(onSelectedIdChange).toHaveBeenLastCalledWith(null, null);
  });

  test('controlled selection is drawn on the highlight layer', async () => {
    const { stage, rerender } = await renderOverlay({
      image,
      result: makeResult([bandA, bandB]),
      width: 400,
      selectedId: null,
    });
    const highlight = layerCanvas(stage(), 'ocr-highlight-layer');
    expect(pixelAt(highlight, 200, 150)[3]).toBe(0);
    await rerender({ image, result: makeResult([bandA, bandB]), width: 400, selectedId: 'b' });
    expect(pixelAt(highlight, 200, 150)[3]).toBeGreaterThan(0);
  });
});

describe('hover', () => {
  test('reports the word under the pointer and redraws only the highlight layer', async () => {
    const onHoverChange = vi.fn();
    const { root, stage } = await renderOverlay({
      image,
      result: makeResult([bandA, bandB]),
      width: 400,
      onHoverChange,
    });
    await nextFrame();
    const boxDraws = drawCounter(stage(), 'ocr-boxes-layer');
    const highlightDraws = drawCounter(stage(), 'ocr-highlight-layer');
    const surface = surfaceOf(root);
    await userEvent.hover(surface, { position: { x: 200, y: 150 } });
    expect(onHoverChange).toHaveBeenLastCalledWith(bandB);
    expect(pixelAt(layerCanvas(stage(), 'ocr-highlight-layer'), 200, 150)[3]).toBeGreaterThan(0);
    await userEvent.hover(surface, { position: { x: 380, y: 20 } });
    expect(onHoverChange).toHaveBeenLastCalledWith(null);
    expect(highlightDraws()).toBeGreaterThanOrEqual(2);
    expect(boxDraws()).toBe(0);
  });

  test('a pointer move over many words commits nothing in React', async () => {
    let commits = 0;
    const ref = createRef<OcrOverlayHandle>();
    const view = render(
      <Profiler id="overlay" onRender={() => commits++}>
        <OcrOverlay ref={ref} image={image} result={makeResult([bandA, bandB])} width={400} />
      </Profiler>,
    );
    const root = view.container.querySelector<HTMLElement>('[data-ocr-overlay]')!;
    await waitForState(root);
    await nextFrame();
    const before = commits;
    const surface = surfaceOf(root);
    for (const [x, y] of [
      [200, 150],
      [150, 150],
      [380, 20],
      [200, 150],
    ] as const) {
      await userEvent.hover(surface, { position: { x, y } });
    }
    expect(commits).toBe(before);
  });
});

describe('devicePixelRatio', () => {
  test('the canvases follow a change of devicePixelRatio', async () => {
    const queries: MediaQueryList[] = [];
    const original = window.matchMedia.bind(window);
    const spy = vi.spyOn(window, 'matchMedia').mockImplementation((query) => {
      const list = original(query);
      queries.push(list);
      return list;
    });
    let restore = setDevicePixelRatio(1);
    try {
      const { stage } = await renderOverlay({ image, result: makeResult([bandA]), width: 400 });
      expect(layerCanvas(stage(), 'ocr-boxes-layer').width).toBe(400);
      restore();
      restore = setDevicePixelRatio(2);
      act(() => {
        for (const list of [...queries]) list.dispatchEvent(new Event('change'));
      });
      expect(layerCanvas(stage(), 'ocr-boxes-layer').width).toBe(800);
      expect(pixelAt(layerCanvas(stage(), 'ocr-boxes-layer'), 150, 150)[3]).toBe(0);
    } finally {
      restore();
      spy.mockRestore();
    }
  });
});

describe('keyboard', () => {
  // Server order is scrambled; reading order is lines top to bottom, then left to right.
  const words = [
    makeWord('l1-right', rotatedQuad(300, 200, 60, 20, 0), 0.9, 'd', 1, 0),
    makeWord('l0-right', rotatedQuad(300, 60, 60, 20, 5), 0.9, 'b', 0, 0),
    makeWord('l1-left', rotatedQuad(100, 205, 60, 20, 0), 0.9, 'c', 1, 1),
    makeWord('l0-left', rotatedQuad(100, 55, 60, 20, -5), 0.9, 'a', 0, 1),
  ];
  const order = ['l0-left', 'l0-right', 'l1-left', 'l1-right'];

  test('arrows and Tab walk the words in reading order; Enter clicks; Escape clears', async () => {
    const onSelectedIdChange = vi.fn();
    const onWordClick = vi.fn();
    const { root } = await renderOverlay({
      image,
      result: makeResult(words),
      width: 400,
      onSelectedIdChange,
      onWordClick,
    });
    root.focus();
    const ids = () => onSelectedIdChange.mock.calls.map((call) => call[0]);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(ids()).toEqual(order);
    await userEvent.keyboard('{ArrowLeft}');
    expect(ids().at(-1)).toBe('l1-left');
    await userEvent.keyboard('{Enter}');
    expect(onWordClick).toHaveBeenLastCalledWith(words[2], expect.anything());
    await userEvent.keyboard('{Home}');
    expect(ids().at(-1)).toBe('l0-left');
    await userEvent.keyboard('{Tab}');
    expect(ids().at(-1)).toBe('l0-right');
    expect(document.activeElement).toBe(root);
    await userEvent.keyboard('{Escape}');
    expect(ids().at(-1)).toBe(null);
    expect(root.querySelector('[data-ocr-announcer]')!.textContent).toBe('');
  });

  test('ArrowDown / ArrowUp go to the nearest word on the next / previous line (#12)', async () => {
    const onSelectedIdChange = vi.fn();
    const { root } = await renderOverlay({
      image,
      result: makeResult(words),
      width: 400,
      defaultSelectedId: 'l0-right',
      onSelectedIdChange,
    });
    root.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(onSelectedIdChange).toHaveBeenLastCalledWith('l1-right', words[0]);
    await userEvent.keyboard('{ArrowLeft}{ArrowUp}');
    expect(onSelectedIdChange).toHaveBeenLastCalledWith('l0-left', words[3]);
    await userEvent.keyboard('{ArrowUp}');
    expect(onSelectedIdChange).toHaveBeenCalledTimes(3);
  });

  test('Tab past the last word leaves the overlay (no keyboard trap)', async () => {
    const { root } = await renderOverlay({
      image,
      result: makeResult(words),
      width: 400,
      defaultSelectedId: 'l1-right',
    });
    root.focus();
    const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    act(() => {
      root.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(false);
  });

  test('the selected word is brought into view', async () => {
    const { root, stage, handle } = await renderOverlay({
      image,
      result: makeResult(words),
      width: 400,
    });
    act(() => {
      handle.zoomToWord('l0-left');
    });
    const zoomed = stage().scaleX();
    expect(zoomed).toBeGreaterThan(1);
    root.focus();
    await userEvent.keyboard('{End}');
    // l1-right (centre 300,200) is now on screen.
    const x = 300 * stage().scaleX() + stage().x();
    const y = 200 * stage().scaleY() + stage().y();
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(400);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(300);
    expect(stage().scaleX()).toBe(zoomed);
  });
});

describe('zoom', () => {
  test('wheel zooms around the pointer, drag pans, double-click fits', async () => {
    const { root, stage } = await renderOverlay({
      image,
      result: makeResult([bandA, bandB]),
      width: 400,
    });
    const surface = surfaceOf(root);
    const rect = surface.getBoundingClientRect();
    await nextFrame();
    const boxDraws = drawCounter(stage(), 'ocr-boxes-layer');
    fireEvent.wheel(surface, { deltaY: -200, clientX: rect.left + 100, clientY: rect.top + 100 });
    const scale = stage().scaleX();
    expect(scale).toBeGreaterThan(1);
    // The image point under the pointer stays under it.
    expect((100 - stage().x()) / scale).toBeCloseTo(100, 5);
    await nextFrame();
    expect(boxDraws()).toBe(1);

    const x0 = stage().x();
    fireEvent.pointerDown(surface, {
      pointerId: 1,
      button: 0,
      pointerType: 'mouse',
      clientX: rect.left + 200,
      clientY: rect.top + 150,
    });
    fireEvent.pointerMove(surface, {
      pointerId: 1,
      buttons: 1,
      pointerType: 'mouse',
      clientX: rect.left + 240,
      clientY: rect.top + 150,
    });
    fireEvent.pointerUp(surface, {
      pointerId: 1,
      button: 0,
      pointerType: 'mouse',
      clientX: rect.left + 240,
      clientY: rect.top + 150,
    });
    expect(stage().x()).toBeCloseTo(x0 + 40, 5);

    await userEvent.dblClick(surface, { position: { x: 10, y: 10 } });
    expect(stage().scaleX()).toBe(1);
    expect(stage().x()).toBe(0);
  });

  test('double-click on a word fits without leaving it selected (#12)', async () => {
    const onSelectedIdChange = vi.fn();
    const { root, stage, handle } = await renderOverlay({
      image,
      result: makeResult([bandA, bandB]),
      width: 400,
      textLayer: 'none',
      onSelectedIdChange,
    });
    act(() => {
      handle.zoomToWord('b');
    });
    expect(stage().scaleX()).toBeGreaterThan(1);
    const x = 200 * stage().scaleX() + stage().x();
    const y = 150 * stage().scaleY() + stage().y();
    await userEvent.dblClick(surfaceOf(root), { position: { x, y } });
    expect(stage().scaleX()).toBe(1);
    expect(root.querySelector('[data-ocr-announcer]')!.textContent).toBe('');
    // Its first click selected the word; the double-click put the selection back.
    expect(onSelectedIdChange.mock.calls.map((call) => call[0])).toEqual(['b', null]);
  });

  test('a pan moves the drawn pixels and draws only what it uncovers: the same picture as a full redraw', async () => {
    // A dense grid of words, zoomed in, so every strip a pan uncovers has boxes and labels in it.
    const words = Array.from({ length: 120 }, (_, i) =>
      makeWord(
        `w${i}`,
        rotatedQuad(20 + (i % 12) * 32, 20 + Math.floor(i / 12) * 28, 26, 14, 0),
        0.3 + (i % 7) / 10,
        `w${i}`,
        Math.floor(i / 12),
        i % 12,
      ),
    );
    const props = { image, width: 400, labels: 'always' as const, labelFontSize: 5 };
    const { root, stage, handle, rerender } = await renderOverlay({
      ...props,
      result: makeResult(words),
    });
    act(() => {
      handle.zoomToWord('w65');
    });
    await nextFrame();
    const surface = surfaceOf(root);
    const rect = surface.getBoundingClientRect();
    const press = (type: 'pointerDown' | 'pointerMove' | 'pointerUp', x: number, y: number) =>
      fireEvent[type](surface, {
        pointerId: 1,
        button: 0,
        buttons: 1,
        pointerType: 'mouse',
        clientX: rect.left + x,
        clientY: rect.top + y,
      });
    // Pan by whole pixels, both ways, a frame each: right and up, then left and down.
    press('pointerDown', 200, 150);
    for (const [x, y] of [
      [230, 130],
      [262, 111],
      [241, 140],
      [190, 176],
    ] as const) {
      press('pointerMove', x, y);
      await nextFrame();
    }
    press('pointerUp', 190, 176);
    await nextFrame();
    const snapshot = (name: string) => {
      const canvas = layerCanvas(stage(), name);
      return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.slice();
    };
    const panned = { image: snapshot('ocr-image-layer'), boxes: snapshot('ocr-boxes-layer') };
    // The same words in a new result object: the scene is rebuilt and drawn in full.
    await rerender({ ...props, result: makeResult([...words]) });
    const full = { image: snapshot('ocr-image-layer'), boxes: snapshot('ocr-boxes-layer') };
    let inked = 0;
    for (const layer of ['image', 'boxes'] as const) {
      const a = panned[layer];
      const b = full[layer];
      let worst = 0;
      for (let i = 0; i < a.length; i += 4) {
        if (layer === 'boxes' && b[i + 3]! > 128) inked++;
        for (let k = 0; k < 4; k++) worst = Math.max(worst, Math.abs(a[i + k]! - b[i + k]!));
      }
      expect(worst, layer).toBeLessThanOrEqual(2);
    }
    expect(inked).toBeGreaterThan(5000);
  });

  test('zoom={false} leaves wheel events to the page', async () => {
    const { root, stage } = await renderOverlay({
      image,
      result: makeResult([bandA]),
      width: 400,
      zoom: false,
    });
    const event = new WheelEvent('wheel', { deltaY: -200, bubbles: true, cancelable: true });
    surfaceOf(root).dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(stage().scaleX()).toBe(1);
  });
});
