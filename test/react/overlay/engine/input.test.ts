import { describe, expect, test, vi } from 'vitest';
import type { Point } from '../../../../src/core/types';
import {
  DRAG_SLOP,
  type InputHost,
  type InputSurface,
  OverlayInput,
} from '../../../../src/react/overlay/engine/input';
import { Viewport } from '../../../../src/react/overlay/engine/viewport';

/** A 400 × 300 surface at (100, 50) on the page, unscaled. */
function fakeSurface() {
  const wheel: ((event: WheelEvent) => void)[] = [];
  const surface = {
    style: { cursor: '' },
    offsetWidth: 400,
    offsetHeight: 300,
    getBoundingClientRect: () => ({ left: 100, top: 50, width: 400, height: 300 }) as DOMRect,
    setPointerCapture: vi.fn(),
    addEventListener: (type: string, listener: (event: WheelEvent) => void) => {
      if (type === 'wheel') wheel.push(listener);
    },
    removeEventListener: vi.fn(),
  };
  return { surface: surface as unknown as InputSurface, wheel };
}

/** A host whose only word covers stage x 50..150 (word 0), the rest is empty. */
function fakeHost(zoom = true) {
  const viewport = new Viewport();
  viewport.resize({ width: 800, height: 600 }, { width: 400, height: 300 }, true);
  let selected = -1;
  let hovered = -1;
  const host = {
    viewport,
    ready: () => true,
    zoomEnabled: () => zoom,
    wordCount: () => 3,
    selectedIndex: () => selected,
    wordAt: (point: Point) => (point.x >= 50 && point.x <= 150 ? 0 : -1),
    hover: vi.fn((index: number) => {
      const changed = index !== hovered;
      hovered = index;
      return changed;
    }),
    selectIndex: vi.fn((index: number) => {
      selected = index;
    }),
    activate: vi.fn(),
    isText: (target: EventTarget | null) => target === TEXT,
    lineNeighbour: (index: number, direction: 1 | -1) =>
      Math.max(0, Math.min(2, index + direction * 2)),
  } satisfies InputHost<{ kind: string }>;
  return host;
}

/** Stands for a word's span in the text layer. */
const TEXT = {} as EventTarget;

const pointer = (x: number, y: number, pointerId = 1, target: EventTarget | null = null) => ({
  target,
  pointerId,
  pointerType: 'mouse',
  button: 0,
  clientX: 100 + x,
  clientY: 50 + y,
  kind: 'pointer',
});

function setup(zoom = true) {
  const host = fakeHost(zoom);
  const input = new OverlayInput<{ kind: string }>(host);
  const { surface, wheel } = fakeSurface();
  input.attach(surface);
  return { host, input, surface, wheel };
}

describe('OverlayInput', () => {
  test('a press that does not move clicks and selects the word under it, in stage pixels', () => {
    const { host, input } = setup();
    input.pointerDown(pointer(100, 100));
    input.pointerMove(pointer(100 + DRAG_SLOP - 1, 100));
    input.pointerUp(pointer(100 + DRAG_SLOP - 1, 100));
    expect(host.activate).toHaveBeenCalledWith(0, expect.objectContaining({ kind: 'pointer' }));
    expect(host.selectIndex).toHaveBeenLastCalledWith(0);
    expect(host.viewport.fitted).toBe(true);
  });

  test('a click on empty space clears the selection without a word click', () => {
    const { host, input } = setup();
    input.pointerDown(pointer(300, 100));
    input.pointerUp(pointer(300, 100));
    expect(host.activate).not.toHaveBeenCalled();
    expect(host.selectIndex).toHaveBeenLastCalledWith(-1);
  });

  test('a drag past the slop pans by the pointer travel and selects nothing', () => {
    const { host, input, surface } = setup();
    const start = host.viewport.view;
    input.pointerDown(pointer(200, 100));
    input.pointerMove(pointer(240, 130));
    expect(surface.style.cursor).toBe('grabbing');
    input.pointerUp(pointer(240, 130));
    expect(host.viewport.view).toEqual({
      ...start,
      offsetX: start.offsetX + 40,
      offsetY: start.offsetY + 30,
    });
    expect(host.selectIndex).not.toHaveBeenCalled();
    expect(surface.style.cursor).toBe('grab');
  });

  test('zoom={false}: a drag neither pans nor clicks; wheel is left to the page', () => {
    const { host, input, wheel } = setup(false);
    const start = host.viewport.view;
    input.pointerDown(pointer(200, 100));
    input.pointerMove(pointer(260, 100));
    input.pointerUp(pointer(260, 100));
    expect(host.viewport.view).toBe(start);
    expect(host.selectIndex).not.toHaveBeenCalled();
    const event = {
      deltaY: -100,
      deltaMode: 0,
      ctrlKey: false,
      clientX: 0,
      clientY: 0,
      preventDefault: vi.fn(),
    };
    wheel[0]!(event as unknown as WheelEvent);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(host.viewport.view).toBe(start);
  });

  test('two pointers pinch-zoom around their midpoint', () => {
    const { host, input } = setup();
    input.pointerDown(pointer(150, 150, 1));
    input.pointerDown({ ...pointer(250, 150, 2), pointerType: 'touch' });
    input.pointerMove(pointer(100, 150, 1));
    input.pointerMove({ ...pointer(300, 150, 2), pointerType: 'touch' });
    const { scale, offsetX } = host.viewport.view;
    expect(scale).toBeCloseTo(1);
    // The image point that was under the midpoint (stage x 200 → image x 400) stays there.
    expect((200 - offsetX) / scale).toBeCloseTo(400);
    input.pointerUp(pointer(100, 150, 1));
    input.pointerUp(pointer(300, 150, 2));
    expect(host.selectIndex).not.toHaveBeenCalled();
  });

  test('wheel zooms around the pointer and stops the page from scrolling', () => {
    const { host, wheel } = setup();
    const event = {
      deltaY: -200,
      deltaMode: 0,
      ctrlKey: false,
      clientX: 100 + 80,
      clientY: 50 + 60,
      preventDefault: vi.fn(),
    };
    wheel[0]!(event as unknown as WheelEvent);
    expect(event.preventDefault).toHaveBeenCalled();
    const { scale, offsetX, offsetY } = host.viewport.view;
    expect(scale).toBeCloseTo(0.5 * Math.exp(0.4));
    expect((80 - offsetX) / scale).toBeCloseTo(160);
    expect((60 - offsetY) / scale).toBeCloseTo(120);
  });

  test('moving without a press hovers; the cursor follows; leaving clears the hover', () => {
    const { host, input, surface } = setup();
    input.pointerMove(pointer(100, 10));
    expect(host.hover).toHaveBeenLastCalledWith(0);
    expect(surface.style.cursor).toBe('pointer');
    input.pointerMove(pointer(300, 10));
    expect(host.hover).toHaveBeenLastCalledWith(-1);
    expect(surface.style.cursor).toBe('grab');
    input.pointerMove(pointer(100, 10));
    input.pointerLeave();
    expect(host.hover).toHaveBeenLastCalledWith(-1);
  });

  test('a right-button press starts no gesture', () => {
    const { host, input } = setup();
    input.pointerDown({ ...pointer(100, 100), button: 2 });
    input.pointerUp(pointer(100, 100));
    expect(host.selectIndex).not.toHaveBeenCalled();
  });

  test('keys select, activate and zoom around the stage centre; handled keys prevent default', () => {
    const { host, input } = setup();
    const press = (key: string) => {
      const event = {
        key,
        shiftKey: false,
        altKey: false,
        ctrlKey: false,
        metaKey: false,
        preventDefault: vi.fn(),
        kind: 'key',
      };
      input.keyDown(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(press('ArrowRight')).toBe(true);
    expect(host.selectIndex).toHaveBeenLastCalledWith(0);
    expect(press('Enter')).toBe(true);
    expect(host.activate).toHaveBeenLastCalledWith(0, expect.objectContaining({ kind: 'key' }));
    expect(press('+')).toBe(true);
    const { scale, offsetX, offsetY } = host.viewport.view;
    expect(scale).toBeCloseTo(0.625);
    expect((200 - offsetX) / scale).toBeCloseTo(400);
    expect((150 - offsetY) / scale).toBeCloseTo(300);
    expect(press('0')).toBe(true);
    expect(host.viewport.fitted).toBe(true);
    expect(press('x')).toBe(false);
  });

  test('double-click fits; detaching stops listening', () => {
    const { host, input, surface } = setup();
    host.viewport.panBy(30, 0);
    input.doubleClick({ target: null });
    expect(host.viewport.fitted).toBe(true);
    input.attach(null);
    expect(surface.removeEventListener).toHaveBeenCalledWith('wheel', expect.any(Function));
  });

  test('a press on word text leaves the drag to text selection, and is a click only without movement', () => {
    const { host, input, surface } = setup();
    const start = host.viewport.view;
    input.pointerDown(pointer(100, 100, 1, TEXT));
    input.pointerMove(pointer(160, 140, 1, TEXT));
    input.pointerUp(pointer(160, 140, 1, TEXT));
    expect(host.viewport.view).toBe(start);
    expect(surface.setPointerCapture).not.toHaveBeenCalled();
    expect(host.selectIndex).not.toHaveBeenCalled();
    expect(host.activate).not.toHaveBeenCalled();

    input.pointerDown(pointer(100, 100, 1, TEXT));
    input.pointerMove(pointer(101, 100, 1, TEXT));
    input.pointerUp(pointer(101, 100, 1, TEXT));
    expect(host.activate).toHaveBeenCalledWith(0, expect.objectContaining({ kind: 'pointer' }));
    expect(host.selectIndex).toHaveBeenLastCalledWith(0);
    expect(host.viewport.view).toBe(start);
  });

  test('ArrowDown / ArrowUp go to the nearest word on the next / previous line', () => {
    const { host, input } = setup();
    const press = (key: string) =>
      input.keyDown({
        key,
        shiftKey: false,
        altKey: false,
        ctrlKey: false,
        metaKey: false,
        preventDefault: vi.fn(),
        kind: 'key',
      });
    press('ArrowDown');
    expect(host.selectIndex).toHaveBeenLastCalledWith(0);
    press('ArrowDown');
    expect(host.selectIndex).toHaveBeenLastCalledWith(2);
    press('ArrowUp');
    expect(host.selectIndex).toHaveBeenLastCalledWith(0);
  });

  test('a double-click on the image fits and undoes the selection its first click made', () => {
    const { host, input } = setup();
    host.viewport.panBy(30, 0);
    input.pointerDown(pointer(100, 100));
    input.pointerUp(pointer(100, 100));
    expect(host.selectIndex).toHaveBeenLastCalledWith(0);
    input.pointerDown(pointer(100, 100));
    input.pointerUp(pointer(100, 100));
    input.doubleClick({ target: null });
    expect(host.selectIndex).toHaveBeenLastCalledWith(-1);
    expect(host.viewport.fitted).toBe(true);
  });

  test('a double-click on word text is left to the browser: no fit, selection kept', () => {
    const { host, input } = setup();
    host.viewport.panBy(30, 0);
    input.pointerDown(pointer(100, 100, 1, TEXT));
    input.pointerUp(pointer(100, 100, 1, TEXT));
    input.doubleClick({ target: TEXT });
    expect(host.selectIndex).toHaveBeenLastCalledWith(0);
    expect(host.viewport.fitted).toBe(false);
  });
});
