import type { OcrWord } from '../../../core/types';
import { createLabelCache, type DrawStyle } from './draw';
import { buildModel, type OverlayModel } from './model';
import type { ResolvedOverlayOptions } from './options';
import type { SceneInputs } from './scene';

const NO_WORDS: readonly OcrWord[] = [];

/** Whether two lists of values are the same, element by element (`Object.is`). */
const same = (a: readonly unknown[] | null, b: readonly unknown[]) =>
  a !== null && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * Derives what the layers draw from the options, rebuilding each part only when what it
 * depends on changed: the model (words × threshold × colours), the label cache (model × label
 * format × font), the style, and the scene object whose identity means "redraw the boxes".
 */
export class SceneState {
  #modelDeps: unknown[] | null = null;
  #cacheDeps: unknown[] | null = null;
  #styleDeps: unknown[] | null = null;
  #sceneDeps: unknown[] | null = null;
  #model!: OverlayModel;
  #labelCache!: SceneInputs['labelCache'];
  #style!: DrawStyle;
  #scene!: SceneInputs;
  #highlightDeps: unknown[] | null = null;
  #highlights: { indices: Int32Array; color: string } = { indices: new Int32Array(0), color: '' };

  get scene(): SceneInputs {
    return this.#scene;
  }

  /** `highlightedIds` as indices of drawable words; a new object when they or the colour change. */
  get highlights(): { indices: Int32Array; color: string } {
    return this.#highlights;
  }

  /** Brings the scene up to date with `options`; returns whether it changed. */
  update<E>(options: ResolvedOverlayOptions<E>): boolean {
    const previous = this.#scene;
    const words = options.result?.words ?? NO_WORDS;
    const modelDeps = [words, options.minConfidence, options.colorScale];
    if (!same(this.#modelDeps, modelDeps)) {
      this.#modelDeps = modelDeps;
      this.#model = buildModel(words, options.minConfidence, options.colorScale);
    }
    const model = this.#model;
    // The cached widths were measured in `fontFamily`, so a new font needs a new cache.
    const cacheDeps = [model, options.formatLabel, options.fontFamily];
    if (!same(this.#cacheDeps, cacheDeps)) {
      this.#cacheDeps = cacheDeps;
      const format = options.formatLabel;
      this.#labelCache = createLabelCache(
        model.words.length,
        (i) => format(model.words[i]!),
        options.fontFamily,
      );
    }
    const fontSize = options.labelFontSize ?? Math.max(6, Math.round(model.wordHeight * 0.5));
    const styleDeps = [options.strokeWidth, options.fillOpacity, fontSize, options.fontFamily];
    if (!same(this.#styleDeps, styleDeps)) {
      this.#styleDeps = styleDeps;
      this.#style = {
        strokeWidth: options.strokeWidth,
        fillOpacity: options.fillOpacity,
        fontSize,
        fontFamily: options.fontFamily,
      };
    }
    const sceneDeps = [model, this.#style, options.labels, this.#labelCache];
    if (!same(this.#sceneDeps, sceneDeps)) {
      this.#sceneDeps = sceneDeps;
      this.#scene = {
        model,
        style: this.#style,
        labels: options.labels,
        labelCache: this.#labelCache,
      };
    }
    const highlightDeps = [model, options.highlightedIds, options.highlightColor];
    if (!same(this.#highlightDeps, highlightDeps)) {
      this.#highlightDeps = highlightDeps;
      const indices: number[] = [];
      for (const id of options.highlightedIds ?? []) {
        const index = model.byId.get(id);
        if (index !== undefined) indices.push(index);
      }
      this.#highlights = { indices: Int32Array.from(indices), color: options.highlightColor };
    }
    return this.#scene !== previous;
  }
}
