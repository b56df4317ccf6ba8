import type { OcrWord } from '../../../core/types';
import type { LabelCache } from './draw';
import { buildModel, type OverlayModel } from './model';
import type { ResolvedOverlayOptions } from './options';
import type { SceneInputs } from './scene';

const NO_WORDS: readonly OcrWord[] = [];

/** An empty cache: labels are formatted and measured when first drawn. */
function createLabelCache(
  count: number,
  format: (index: number) => string,
  fontFamily: string,
): LabelCache {
  return { texts: new Array(count), widths: new Float64Array(count).fill(-1), format, fontFamily };
}

/** Whether two lists of values are the same, element by element (`Object.is`). */
const same = (a: readonly unknown[] | null, b: readonly unknown[]) =>
  a !== null && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/** A value computed again only when the values it depends on change (`same`). */
function memo<T>(): (deps: readonly unknown[], compute: () => T) => T {
  let last: readonly unknown[] | null = null;
  let value: T;
  return (deps, compute) => {
    if (!same(last, deps)) {
      last = deps;
      value = compute();
    }
    return value;
  };
}

type Highlights = { indices: Int32Array; color: string };

/**
 * Derives what the layers draw from the options, rebuilding each part only when what it
 * depends on changed: the model (words × threshold × colours), the label cache (model × label
 * format × font), and the scene object (with its style) whose identity means "redraw the boxes".
 */
export class SceneState {
  readonly #model = memo<OverlayModel>();
  readonly #labelCache = memo<SceneInputs['labelCache']>();
  readonly #sceneOf = memo<SceneInputs>();
  readonly #highlightsOf = memo<Highlights>();
  #scene!: SceneInputs;
  #highlights!: Highlights;

  get scene(): SceneInputs {
    return this.#scene;
  }

  /** `highlightedIds` as indices of drawable words; a new object when they or the colour change. */
  get highlights(): Highlights {
    return this.#highlights;
  }

  /** Brings the scene up to date with `options`; returns whether it changed. */
  update<E>(options: ResolvedOverlayOptions<E>): boolean {
    const previous = this.#scene;
    const { minConfidence, colorScale, formatLabel, fontFamily, strokeWidth, fillOpacity } =
      options;
    const words = options.result?.words ?? NO_WORDS;
    const model = this.#model([words, minConfidence, colorScale], () =>
      buildModel(words, minConfidence, colorScale),
    );
    // The cached widths were measured in `fontFamily`, so a new font needs a new cache.
    const labelCache = this.#labelCache([model, formatLabel, fontFamily], () =>
      createLabelCache(model.words.length, (i) => formatLabel(model.words[i]!), fontFamily),
    );
    const fontSize = options.labelFontSize ?? Math.max(6, Math.round(model.wordHeight * 0.5));
    const { labels, highlightedIds, highlightColor } = options;
    this.#scene = this.#sceneOf(
      [model, labels, labelCache, strokeWidth, fillOpacity, fontSize, fontFamily],
      () => ({
        model,
        style: { strokeWidth, fillOpacity, fontSize, fontFamily },
        labels,
        labelCache,
      }),
    );
    this.#highlights = this.#highlightsOf([model, highlightedIds, highlightColor], () => {
      const indices: number[] = [];
      for (const id of highlightedIds ?? []) {
        const index = model.byId.get(id);
        if (index !== undefined) indices.push(index);
      }
      return { indices: Int32Array.from(indices), color: highlightColor };
    });
    return this.#scene !== previous;
  }
}
