import type { ViewTransform } from '../../../core/geometry';
import type { Point } from '../../../core/types';
import { keyAction } from './keyboard';
import { panView, zoomView } from './view';
import type { Viewport } from './viewport';

/** Pointer travel (CSS px) after which a press is a drag, not a click. */
export const DRAG_SLOP = 4;
/** Clicks closer together than this (ms) are one double-click (the common platform default). */
export const DOUBLE_CLICK_MS = 500;

/** The fields of a pointer event the overlay reads (DOM and React events both have them). */
export interface PointerInput {
  /** Where the press landed: on a word's text, a press selects text instead of panning. */
  target: EventTarget | null;
  pointerId: number;
  pointerType: string;
  button: number;
  clientX: number;
  clientY: number;
}

/** The fields of a keyboard event the overlay reads. */
export interface KeyInput {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  preventDefault(): void;
}

/** The element the stage sits in: positions are measured against it, wheel is heard on it. */
export type InputSurface = Pick<
  HTMLElement,
  | 'getBoundingClientRect'
  | 'offsetWidth'
  | 'offsetHeight'
  | 'setPointerCapture'
  | 'addEventListener'
  | 'removeEventListener'
> & { style: { cursor: string } };

/** What input drives: the controller implements it; tests pass a fake. */
export interface InputHost<E> {
  readonly viewport: Viewport;
  /** Whether the image is drawn, so gestures have something to act on. */
  ready(): boolean;
  zoomEnabled(): boolean;
  wordCount(): number;
  selectedIndex(): number;
  /** The word under a stage point, or -1. */
  wordAt(point: Point): number;
  /** Returns whether the hovered word changed. */
  hover(index: number): boolean;
  selectIndex(index: number): void;
  /** A word was clicked or activated (`onWordClick`). */
  activate(index: number, event: E): void;
  /** Whether `target` is selectable word text (the text layer's). */
  isText(target: EventTarget | null): boolean;
  /** The word on the next (`1`) or previous (`-1`) line nearest word `index`, or `index`. */
  lineNeighbour(index: number, direction: 1 | -1): number;
}

interface Gesture {
  pointers: Map<number, Point>;
  view: ViewTransform;
  start: Point;
  moved: boolean;
  pinch: { distance: number; mid: Point } | null;
}

const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Pointer, wheel and keyboard input turned into viewport, hover and selection calls. Owns no
 * view state: the press-drag-release of one gesture, and the surface's cursor.
 */
export class OverlayInput<E> {
  readonly #host: InputHost<E>;
  #surface: InputSurface | null = null;
  #gesture: Gesture | null = null;
  /** When the last click sequence began, and what was selected before it. */
  #clicks: { at: number; selectedBefore: number } | null = null;
  /** A press on word text: the browser selects text; without movement it is still a click. */
  #textPress: { pointerId: number; start: Point; moved: boolean } | null = null;

  constructor(host: InputHost<E>) {
    this.#host = host;
  }

  /** Starts listening on `surface` (wheel must be non-passive to stop the page scrolling). */
  attach(surface: InputSurface | null): void {
    this.#surface?.removeEventListener('wheel', this.#onWheel);
    this.#surface = surface;
    this.#gesture = null;
    surface?.addEventListener('wheel', this.#onWheel, { passive: false });
  }

  readonly #onWheel = (event: WheelEvent): void => {
    const host = this.#host;
    if (!host.zoomEnabled() || !host.ready()) return;
    event.preventDefault();
    const delta = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1);
    host.viewport.zoomAt(Math.exp(-delta * (event.ctrlKey ? 0.01 : 0.002)), this.#local(event));
  };

  /** A stage point from client coordinates (a CSS transform on an ancestor scales them). */
  #local(event: { clientX: number; clientY: number }): Point {
    const surface = this.#surface;
    if (!surface) return { x: event.clientX, y: event.clientY };
    const rect = surface.getBoundingClientRect();
    const sx = surface.offsetWidth ? rect.width / surface.offsetWidth : 1;
    const sy = surface.offsetHeight ? rect.height / surface.offsetHeight : 1;
    return { x: (event.clientX - rect.left) / sx, y: (event.clientY - rect.top) / sy };
  }

  /** Without a `cursor`, the resting one: `grab` where dragging pans. */
  #setCursor(cursor?: 'pointer' | 'grabbing'): void {
    if (this.#surface)
      this.#surface.style.cursor = cursor ?? (this.#host.zoomEnabled() ? 'grab' : '');
  }

  #hoverAt(point: Point): void {
    const index = this.#host.wordAt(point);
    if (this.#host.hover(index)) this.#setCursor(index >= 0 ? 'pointer' : undefined);
  }

  readonly pointerDown = (event: PointerInput): void => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const point = this.#local(event);
    if (!this.#gesture && this.#host.isText(event.target)) {
      // No pointer capture and no pan: the browser's own text selection takes this drag.
      this.#textPress = { pointerId: event.pointerId, start: point, moved: false };
      return;
    }
    const view = this.#host.viewport.view;
    let g = this.#gesture;
    if (!g) {
      g = { pointers: new Map(), view, start: point, moved: false, pinch: null };
      this.#gesture = g;
    }
    g.pointers.set(event.pointerId, point);
    try {
      this.#surface?.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic pointers cannot be captured; dragging still works while over the surface.
    }
    if (g.pointers.size === 2) {
      const [a, b] = [...g.pointers.values()] as [Point, Point];
      g.pinch = { distance: distance(a, b) || 1, mid: midpoint(a, b) };
      g.view = view;
      g.moved = true;
    }
  };

  readonly pointerMove = (event: PointerInput): void => {
    const point = this.#local(event);
    const press = this.#textPress;
    if (press?.pointerId === event.pointerId && !press.moved) {
      press.moved = distance(point, press.start) > DRAG_SLOP;
    }
    const g = this.#gesture;
    if (!g?.pointers.has(event.pointerId)) {
      this.#hoverAt(point);
      return;
    }
    g.pointers.set(event.pointerId, point);
    const { viewport } = this.#host;
    const zoom = this.#host.zoomEnabled();
    if (g.pinch && g.pointers.size >= 2) {
      if (!zoom) return;
      const [a, b] = [...g.pointers.values()] as [Point, Point];
      const { mid, distance: start } = g.pinch;
      const now = midpoint(a, b);
      const zoomed = zoomView(g.view, distance(a, b) / start, mid, viewport.fitScale());
      viewport.setView(panView(zoomed, now.x - mid.x, now.y - mid.y));
      return;
    }
    if (!g.moved && distance(point, g.start) > DRAG_SLOP) g.moved = true;
    if (g.moved && zoom) {
      this.#setCursor('grabbing');
      viewport.setView(panView(g.view, point.x - g.start.x, point.y - g.start.y));
    }
  };

  readonly pointerUp = (event: PointerInput & E): void => {
    const press = this.#textPress;
    if (press?.pointerId === event.pointerId) {
      this.#textPress = null;
      if (!press.moved) this.#click(event);
      return;
    }
    const g = this.#gesture;
    if (!g?.pointers.delete(event.pointerId)) return;
    if (g.pointers.size > 0) return;
    this.#gesture = null;
    this.#setCursor();
    if (!g.moved) this.#click(event);
  };

  /** A press that did not move: the word under it is clicked and selected (empty space clears). */
  #click(event: PointerInput & E): void {
    const now = Date.now();
    if (!this.#clicks || now - this.#clicks.at > DOUBLE_CLICK_MS) {
      this.#clicks = { at: now, selectedBefore: this.#host.selectedIndex() };
    }
    const index = this.#host.wordAt(this.#local(event));
    if (index >= 0) this.#host.activate(index, event);
    this.#host.selectIndex(index);
  }

  readonly pointerCancel = (event: PointerInput): void => {
    if (this.#textPress?.pointerId === event.pointerId) this.#textPress = null;
    this.#gesture?.pointers.delete(event.pointerId);
    if (this.#gesture?.pointers.size === 0) this.#gesture = null;
  };

  readonly pointerLeave = (): void => {
    if (!this.#gesture && this.#host.hover(-1)) this.#setCursor();
  };

  /**
   * Double-click on the image fits it, and undoes the selection its first click made; on word
   * text it is left to the browser, which selects the word.
   */
  readonly doubleClick = (event: { target: EventTarget | null }): void => {
    const host = this.#host;
    if (host.isText(event.target) || !host.zoomEnabled()) return;
    const clicks = this.#clicks;
    if (clicks && Date.now() - clicks.at <= DOUBLE_CLICK_MS) {
      this.#clicks = null;
      if (host.selectedIndex() !== clicks.selectedBefore) host.selectIndex(clicks.selectedBefore);
    }
    host.viewport.fit();
  };

  readonly keyDown = (event: KeyInput & E): void => {
    const host = this.#host;
    const current = host.selectedIndex();
    const action = keyAction(event, host.wordCount(), current);
    if (action.type === 'none') return;
    if (action.type === 'zoom') {
      if (!host.zoomEnabled() || !host.ready()) return;
      event.preventDefault();
      const { viewport } = host;
      if (action.factor === null) viewport.fit();
      else {
        const { width, height } = viewport.stage;
        viewport.zoomAt(action.factor, { x: width / 2, y: height / 2 });
      }
      return;
    }
    event.preventDefault();
    if (action.type === 'activate') host.activate(action.index, event);
    else {
      const index =
        action.type === 'line' ? host.lineNeighbour(current, action.direction) : action.index;
      if (index !== current) host.selectIndex(index);
    }
  };
}
