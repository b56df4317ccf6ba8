import type { ViewTransform } from '../../../core/geometry';
import type { OverlayModel } from './model';
import type { OcrTextLayerMode, OcrTextLayerState } from './options';
import { linesToPlace, stepToward, type TextLine, textLinesOf } from './textLines';
import { copySelection } from './textSelection';
import { placedLine, TextMeasure } from './textSpans';
import { adoptTextLayerStyles } from './textStyles';

/** Words positioned per frame: each costs style and layout, so big views fill in over frames. */
export const WORDS_PER_FRAME = 150;
/** Words of hidden text added per frame while the layer is first built (one element each). */
export const HIDDEN_WORDS_PER_FRAME = 1500;

/** A run of the layer's children: consecutive hidden lines in one element, or one placed line. */
interface Run {
  start: number;
  end: number;
  element: HTMLElement;
  placed: boolean;
}

/**
 * The overlay's text as DOM, in reading order, each word's text exactly once. Lines are
 * hidden text (one text node per line, many lines per element: cheap to lay out) until they
 * are in view and large enough; then their words become transparent spans rotated and
 * stretched over their quads (pdf.js's text layer), in image pixels inside one element that
 * carries the view transform. Pan and zoom move that element at once; placing and removing
 * lines happens on the next frames, within a budget, so no frame stalls.
 */
export class TextLayer {
  #root: HTMLElement | null = null;
  #content: HTMLElement | null = null;
  #mode: OcrTextLayerMode = 'selectable';
  #model: OverlayModel | null = null;
  #lines: TextLine[] = [];
  #texts: Text[] = [];
  #runs: Run[] = [];
  #placed: Uint8Array = new Uint8Array(0);
  #view: ViewTransform = { scale: 1, offsetX: 0, offsetY: 0 };
  #stage = { width: 0, height: 0 };
  #built = false;
  /** Lines whose hidden text is in the DOM; the layer is complete once this reaches the end. */
  #appended = 0;
  #frame: number | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #state: OcrTextLayerState = 'pending';
  #measure: TextMeasure | null = null;
  readonly #onState: (state: OcrTextLayerState) => void;

  constructor(onState: (state: OcrTextLayerState) => void) {
    this.#onState = onState;
  }

  get state(): OcrTextLayerState {
    return this.#state;
  }

  /** The element the layer fills (`null` detaches and drops the text). */
  attach(root: HTMLElement | null): void {
    if (root === this.#root) return;
    this.#root?.ownerDocument.removeEventListener('copy', this.#onCopy);
    this.#cancel();
    this.#root?.replaceChildren();
    this.#root = root;
    this.#content = null;
    this.#built = false;
    if (root) {
      adoptTextLayerStyles(root.ownerDocument);
      root.ownerDocument.addEventListener('copy', this.#onCopy);
    }
    this.#reset();
  }

  /** New words (or none yet: `null` until the image is drawn). */
  setModel(model: OverlayModel | null, mode: OcrTextLayerMode): void {
    if (model === this.#model && mode === this.#mode) return;
    const modelChanged = model !== this.#model;
    this.#model = model;
    this.#mode = mode;
    if (modelChanged || mode === 'none') this.#built = false;
    this.#reset();
  }

  /** The view changed: the text follows at once; lines come and go on the next frame. */
  setView(view: ViewTransform, stage: { width: number; height: number }): void {
    // The controller passes the view after every update; only a real change needs work.
    if (view === this.#view && stage === this.#stage) return;
    this.#view = view;
    this.#stage = stage;
    this.#transform();
    if (this.#built && this.#mode === 'selectable') this.#schedule();
  }

  /** Whether `target` is a word's text (a press there selects text instead of panning). */
  isText(target: EventTarget | null): boolean {
    return (
      this.#mode === 'selectable' &&
      typeof Element !== 'undefined' &&
      target instanceof Element &&
      this.#content?.contains(target) === true &&
      target.closest('[data-word-id]') !== null
    );
  }

  #reset(): void {
    this.#cancel();
    const root = this.#root;
    if (!root || !this.#model || this.#mode === 'none') {
      root?.replaceChildren();
      this.#content = null;
      this.#setState(this.#mode === 'none' ? 'none' : 'pending');
      return;
    }
    this.#setState('pending');
    if (this.#built) {
      this.#schedule();
      return;
    }
    // After the frame that shows the canvas: the text must never delay the first pixels.
    this.#frame = requestAnimationFrame(() => {
      this.#frame = null;
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#build();
        this.#step();
      });
    });
  }

  #build(): void {
    const model = this.#model!;
    const lines = textLinesOf(model);
    this.#lines = lines;
    this.#texts = lines.map((line) => document.createTextNode(`${line.text}\n`));
    this.#placed = new Uint8Array(lines.length);
    this.#measure = new TextMeasure(model);
    const content = document.createElement('div');
    content.setAttribute('data-ocr-text-content', '');
    this.#content = content;
    this.#runs = [];
    this.#appended = 0;
    this.#root!.replaceChildren(content);
    this.#built = true;
    this.#transform();
  }

  /**
   * Adds the next lines' hidden text as one more element: each frame lays out only what it
   * added, so 10,000 words never make one long frame.
   */
  #appendHidden(): void {
    const lines = this.#lines;
    const start = this.#appended;
    let end = start;
    let words = 0;
    while (end < lines.length && (words === 0 || words < HIDDEN_WORDS_PER_FRAME)) {
      words += lines[end]!.end - lines[end]!.start;
      end++;
    }
    const run = this.#flowRun(start, end);
    this.#runs.push(run);
    this.#content!.append(run.element);
    this.#appended = end;
  }

  #transform(): void {
    const { scale, offsetX, offsetY } = this.#view;
    if (this.#content) {
      this.#content.style.transform = `matrix(${scale},0,0,${scale},${offsetX},${offsetY})`;
    }
  }

  #schedule(): void {
    if (this.#frame !== null || this.#timer !== null) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = null;
      this.#step();
    });
  }

  #cancel(): void {
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#frame = null;
    this.#timer = null;
  }

  /** One frame's work: place (or unplace) lines toward what the view wants, within budget. */
  #step(): void {
    if (!this.#built) return;
    if (this.#appended < this.#lines.length) {
      this.#appendHidden();
      this.#schedule();
      return;
    }
    const wanted =
      this.#mode === 'selectable'
        ? linesToPlace(this.#lines, this.#view, this.#stage)
        : new Uint8Array(this.#lines.length);
    const { next, complete } = stepToward(this.#placed, wanted, this.#lines, WORDS_PER_FRAME);
    this.#reconcile(next);
    if (complete) this.#setState('ready');
    else this.#schedule();
  }

  /**
   * Brings the children to `next` (1 = placed) touching only the runs between the first and
   * the last line that changed: the hidden lines elsewhere keep their layout.
   */
  #reconcile(next: Uint8Array): void {
    let first = -1;
    let last = -1;
    for (let k = 0; k < next.length; k++) {
      if (next[k] !== this.#placed[k]) {
        if (first < 0) first = k;
        last = k;
      }
    }
    if (first < 0) return;
    const runs = this.#runs;
    const i0 = runs.findIndex((run) => run.end > first);
    let i1 = i0;
    while (runs[i1 + 1] && runs[i1 + 1]!.start <= last) i1++;
    const from = runs[i0]!.start;
    const to = runs[i1]!.end;
    // Elements are kept where a run still starts at the same line (placed lines as they are,
    // hidden runs refilled), so what readers and tests hold stays in the document.
    const placedAt = new Map<number, HTMLElement>();
    const hiddenAt = new Map<number, HTMLElement>();
    for (let i = i0; i <= i1; i++) {
      (runs[i]!.placed ? placedAt : hiddenAt).set(runs[i]!.start, runs[i]!.element);
    }
    const fresh: Run[] = [];
    for (let k = from; k < to; ) {
      if (next[k]) {
        const element =
          placedAt.get(k) ?? placedLine(this.#model!, this.#lines[k]!, this.#measure!);
        placedAt.delete(k);
        fresh.push({ start: k, end: k + 1, element, placed: true });
        k++;
      } else {
        let end = k + 1;
        while (end < to && !next[end]) end++;
        fresh.push(this.#flowRun(k, end, hiddenAt.get(k)));
        hiddenAt.delete(k);
        k = end;
      }
    }
    for (const element of [...placedAt.values(), ...hiddenAt.values()]) element.remove();
    let before = runs[i1 + 1]?.element ?? null;
    for (let i = fresh.length - 1; i >= 0; i--) {
      const { element } = fresh[i]!;
      if (element.nextSibling !== before || element.parentNode !== this.#content) {
        this.#content!.insertBefore(element, before);
      }
      before = element;
    }
    runs.splice(i0, i1 - i0 + 1, ...fresh);
    this.#placed = next;
  }

  /** Hidden text for lines `start..end-1` (in `reuse` if given), where the first is drawn. */
  #flowRun(start: number, end: number, reuse?: HTMLElement): Run {
    let element = reuse;
    if (!element) {
      element = document.createElement('div');
      element.setAttribute('data-ocr-text-flow', '');
      const line = this.#lines[start]!;
      element.style.cssText = `left:${line.minX}px;top:${line.minY}px`;
    }
    const texts = this.#texts.slice(start, end);
    const same =
      element.childNodes.length === texts.length &&
      texts.every((t, i) => element.childNodes[i] === t);
    if (!same) element.replaceChildren(...texts);
    return { start, end, element, placed: false };
  }

  #setState(state: OcrTextLayerState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#onState(state);
  }

  /** Copies the selected words as the page reads them: spaces between words, lines by `\n`. */
  readonly #onCopy = (event: ClipboardEvent): void => {
    if (this.#content)
      copySelection(
        event,
        this.#content,
        this.#runs.map((run) => run.element),
      );
  };
}
