import type { OverlayModel } from './model';
import { spanStyle, textBoxOf } from './textGeometry';
import type { TextLine } from './textLines';

/** The font the spans are set in (the text layer's stylesheet says the same); widths are measured in it. */
const FONT = 'sans-serif';

/** Each word's text width in `FONT` at 100 px, measured once per model on a 2D canvas. */
export class TextMeasure {
  readonly #model: OverlayModel;
  readonly #widths: Float64Array;
  #ctx: CanvasRenderingContext2D | null | undefined;

  constructor(model: OverlayModel) {
    this.#model = model;
    this.#widths = new Float64Array(model.words.length).fill(-1);
  }

  width(index: number): number {
    if (this.#widths[index]! < 0) {
      if (this.#ctx === undefined) {
        this.#ctx = document.createElement('canvas').getContext('2d');
        if (this.#ctx) this.#ctx.font = `100px ${FONT}`;
      }
      this.#widths[index] = this.#ctx?.measureText(this.#model.words[index]!.text).width ?? 0;
    }
    return this.#widths[index]!;
  }
}

/**
 * A line's words as spans over their quads (`data-word-id`, rotated and stretched in image
 * pixels), with spaces between them so readers and `textContent` see separate words.
 */
export function placedLine(model: OverlayModel, line: TextLine, measure: TextMeasure): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('data-ocr-text-line', '');
  for (let i = line.start; i < line.end; i++) {
    const word = model.words[i]!;
    const span = document.createElement('span');
    span.setAttribute('data-word-id', word.id);
    const box = textBoxOf(word.quad);
    span.style.cssText = spanStyle(box, (measure.width(i) * box.height) / 100);
    span.textContent = word.text;
    if (i > line.start) element.append(' ');
    element.append(span);
  }
  return element;
}
