import type { ViewTransform } from '../../../core/geometry';
import type { OverlayModel } from './model';

/** Words smaller than this on screen (CSS px) are too small to select: their line stays hidden text. */
export const MIN_SELECTABLE_PX = 6;
/** Most words positioned at once; past it, the lines nearest the centre of the view win. */
export const MAX_PLACED_WORDS = 2500;

/** One line of the text layer: a run of the model's words (reading order) that share a line. */
export interface TextLine {
  /** Word indices `start..end-1` in `model.words`. */
  start: number;
  end: number;
  /** Bounds of the line's words, image pixels. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Mean word height (left and right edges), image pixels. */
  height: number;
  /** The words' text, joined by single spaces. */
  text: string;
}

const cache = new WeakMap<OverlayModel, TextLine[]>();

const edge = (c: Float64Array, o: number, a: number, b: number) =>
  Math.sqrt((c[o + b * 2]! - c[o + a * 2]!) ** 2 + (c[o + b * 2 + 1]! - c[o + a * 2 + 1]!) ** 2);

/** The model's words grouped into lines, in reading order (computed once per model). */
export function textLinesOf(model: OverlayModel): TextLine[] {
  let lines = cache.get(model);
  if (lines) return lines;
  lines = [];
  const { words, bounds, coords } = model;
  for (let start = 0; start < words.length; ) {
    let end = start + 1;
    while (end < words.length && words[end]!.line === words[start]!.line) end++;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let height = 0;
    const texts: string[] = [];
    for (let i = start; i < end; i++) {
      minX = Math.min(minX, bounds[i * 4]!);
      minY = Math.min(minY, bounds[i * 4 + 1]!);
      maxX = Math.max(maxX, bounds[i * 4 + 2]!);
      maxY = Math.max(maxY, bounds[i * 4 + 3]!);
      height += (edge(coords, i * 8, 0, 3) + edge(coords, i * 8, 1, 2)) / 2;
      texts.push(words[i]!.text);
    }
    lines.push({
      start,
      end,
      minX,
      minY,
      maxX,
      maxY,
      height: height / (end - start),
      text: texts.join(' '),
    });
    start = end;
  }
  cache.set(model, lines);
  return lines;
}

/**
 * Which lines to position for `view` on a `stage`-sized screen (1 = place): lines within the
 * view plus half a view around it, whose words are at least `MIN_SELECTABLE_PX` tall on screen,
 * nearest the centre first, up to `MAX_PLACED_WORDS` words.
 */
export function linesToPlace(
  lines: readonly TextLine[],
  view: ViewTransform,
  stage: { width: number; height: number },
): Uint8Array {
  const { scale, offsetX, offsetY } = view;
  const wanted = new Uint8Array(lines.length);
  if (scale <= 0) return wanted;
  const { width, height } = stage;
  const minX = (-offsetX - width / 2) / scale;
  const minY = (-offsetY - height / 2) / scale;
  const maxX = (width * 1.5 - offsetX) / scale;
  const maxY = (height * 1.5 - offsetY) / scale;
  const cx = (width / 2 - offsetX) / scale;
  const cy = (height / 2 - offsetY) / scale;
  const candidates: { k: number; distance: number }[] = [];
  lines.forEach((line, k) => {
    if (line.height * scale < MIN_SELECTABLE_PX) return;
    if (line.maxX < minX || line.minX > maxX || line.maxY < minY || line.minY > maxY) return;
    const distance =
      Math.abs((line.minX + line.maxX) / 2 - cx) + Math.abs((line.minY + line.maxY) / 2 - cy);
    candidates.push({ k, distance });
  });
  candidates.sort((a, b) => a.distance - b.distance);
  let words = 0;
  for (const { k } of candidates) {
    const line = lines[k]!;
    words += line.end - line.start;
    if (words > MAX_PLACED_WORDS) break;
    wanted[k] = 1;
  }
  return wanted;
}

/**
 * One frame's step from `placed` toward `wanted`: every removal, and additions in line order
 * until `budget` words are placed. `complete` when nothing is left for later frames.
 */
export function stepToward(
  placed: Uint8Array,
  wanted: Uint8Array,
  lines: readonly TextLine[],
  budget: number,
): { next: Uint8Array; complete: boolean } {
  const next = placed.slice();
  let left = budget;
  let complete = true;
  for (let k = 0; k < wanted.length; k++) {
    if (wanted[k] === next[k]) continue;
    if (wanted[k]) {
      if (left <= 0) {
        complete = false;
        continue;
      }
      const line = lines[k]!;
      left -= line.end - line.start;
    }
    next[k] = wanted[k]!;
  }
  return { next, complete };
}
