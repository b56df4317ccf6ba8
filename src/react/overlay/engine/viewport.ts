import { fitContain, type Rect, type Size, type ViewTransform } from '../../../core/geometry';
import type { Point } from '../../../core/types';
import { Emitter } from './emitter';
import { panToShow, panView, viewForRect, zoomView } from './view';

export type ViewListener = (view: ViewTransform) => void;

const IDENTITY: ViewTransform = Object.freeze({ scale: 1, offsetX: 0, offsetY: 0 });

const sameView = (a: ViewTransform, b: ViewTransform) =>
  a.scale === b.scale && a.offsetX === b.offsetX && a.offsetY === b.offsetY;

/**
 * The one owner of how the image maps onto the stage: `screen = image × scale + offset`.
 * A fitted viewport refits whenever the image or stage size changes; any zoom or pan ends
 * "fitted" until `fit()`. Listeners hear every change synchronously, so the canvas and the
 * text layer follow the view without React rendering.
 */
export class Viewport {
  #natural: Size | null = null;
  #stage: Size = { width: 0, height: 0 };
  #view: ViewTransform = IDENTITY;
  #fitted = true;
  readonly #changes = new Emitter<[ViewTransform]>();

  get view(): ViewTransform {
    return this.#view;
  }

  get natural(): Size | null {
    return this.#natural;
  }

  get stage(): Size {
    return this.#stage;
  }

  /** Whether the view is the fitted one (and will follow size changes). */
  get fitted(): boolean {
    return this.#fitted;
  }

  /** The view that shows the whole image, centred. */
  fitView(): ViewTransform {
    return this.#natural ? fitContain(this.#natural, this.#stage) : this.#view;
  }

  /** The fitted scale: zoom limits are relative to it. */
  fitScale(): number {
    return this.fitView().scale;
  }

  /** New image or stage size. A new image (`reset`) starts fitted. */
  resize(natural: Size | null, stage: Size, reset = false): void {
    this.#natural = natural;
    this.#stage = stage;
    if (reset) this.#fitted = true;
    if (this.#fitted) this.#set(this.fitView());
  }

  fit(): void {
    this.resize(this.#natural, this.#stage, true);
  }

  /** Zoom by `factor` around `anchor` (stage pixels), within the zoom limits. */
  zoomAt(factor: number, anchor: Point): void {
    this.setView(zoomView(this.#view, factor, anchor, this.fitScale()));
  }

  panBy(dx: number, dy: number): void {
    this.setView(panView(this.#view, dx, dy));
  }

  /** Any view a gesture computed; the viewport is no longer fitted. */
  setView(view: ViewTransform): void {
    this.#fitted = false;
    this.#set(view);
  }

  /** Pans as little as possible so `rect` (image pixels) is on screen. */
  show(rect: Rect): void {
    const next = panToShow(this.#view, rect, this.#stage);
    if (!sameView(next, this.#view)) this.setView(next);
  }

  /** Zooms and pans so `rect` (image pixels) is centred and large. */
  focus(rect: Rect): void {
    this.setView(viewForRect(rect, this.#stage, this.fitScale()));
  }

  /** Hears every change of the view; returns the unsubscribe. */
  readonly subscribe: (listener: ViewListener) => () => void = this.#changes.subscribe;

  #set(view: ViewTransform): void {
    if (sameView(view, this.#view)) return;
    this.#view = view;
    this.#changes.emit(view);
  }
}
