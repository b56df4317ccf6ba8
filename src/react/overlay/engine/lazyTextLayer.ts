import type { ViewTransform } from '../../../core/geometry';
import type { OverlayModel } from './model';
import type { OcrTextLayerMode, OcrTextLayerState } from './options';
import type { TextLayer } from './textLayer';

/**
 * The text layer, loaded on first use: it is built after the first paint anyway, so its code
 * (spans, geometry, selection and copy, styles) arrives then too instead of in the bundle the
 * first paint waits for. Until it has loaded this keeps the latest element, words and view, and
 * hands them over.
 */
export class LazyTextLayer {
  #layer: TextLayer | null = null;
  #loading = false;
  #root: HTMLElement | null = null;
  #model: OverlayModel | null = null;
  #mode: OcrTextLayerMode = 'selectable';
  #view: { view: ViewTransform; stage: { width: number; height: number } } | null = null;
  #state: OcrTextLayerState = 'pending';
  readonly #onState: (state: OcrTextLayerState) => void;

  constructor(onState: (state: OcrTextLayerState) => void) {
    this.#onState = onState;
  }

  get state(): OcrTextLayerState {
    return this.#layer?.state ?? this.#state;
  }

  attach(root: HTMLElement | null): void {
    this.#root = root;
    this.#layer?.attach(root);
    this.#load();
  }

  setModel(model: OverlayModel | null, mode: OcrTextLayerMode): void {
    this.#model = model;
    this.#mode = mode;
    if (this.#layer) this.#layer.setModel(model, mode);
    else {
      const state = mode === 'none' ? 'none' : 'pending';
      if (state !== this.#state) {
        this.#state = state;
        this.#onState(state);
      }
    }
    this.#load();
  }

  setView(view: ViewTransform, stage: { width: number; height: number }): void {
    this.#view = { view, stage };
    this.#layer?.setView(view, stage);
  }

  isText(target: EventTarget | null): boolean {
    return this.#layer?.isText(target) ?? false;
  }

  /** Once, when there is something to show: later calls, and calls after loading, do nothing. */
  #load(): void {
    if (this.#loading || !this.#root || !this.#model || this.#mode === 'none') return;
    this.#loading = true;
    void import('./textLayer').then(({ TextLayer }) => {
      const layer = new TextLayer(this.#onState);
      this.#layer = layer;
      if (this.#view) layer.setView(this.#view.view, this.#view.stage);
      layer.attach(this.#root);
      layer.setModel(this.#model, this.#mode);
    });
  }
}
