import { CROPPING_ASPECT_RATIO, GENERAL_MAX_ASPECT_RATIO } from '../../core/limits';

/** An axis-aligned region of the image, in pixels (tesseract.js's `rectangle`). */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A recognised word in full-image pixels. */
export interface LocalWord {
  text: string;
  /** 0..1 */
  conf: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A slice plus the band along the long axis whose words it is responsible for. */
export interface Slice extends Region {
  /** Words whose centre lies in [ownStart, ownEnd) along the long axis come from this slice. */
  ownStart: number;
  ownEnd: number;
  axis: 'x' | 'y';
}

/*
 * Tall images are sliced beyond CROPPING_ASPECT_RATIO, between lines. Wide images are cut only
 * beyond GENERAL_MAX_ASPECT_RATIO (where the general route refuses them): text runs along a wide
 * image, so every vertical cut crosses words, and a word longer than half the overlap would come
 * back in two pieces.
 */

/**
 * The whole image as one slice that owns every word, even if tesseract's EXIF rotation
 * swapped the axes of the size read from the header.
 */
export function wholeImage(width: number, height: number): Slice {
  const axis = height >= width ? 'y' : 'x';
  return { left: 0, top: 0, width, height, ownStart: -Infinity, ownEnd: Infinity, axis };
}

/**
 * Shortest side, in pixels, an image must have to hold a line of text. tesseract needs an
 * x-height of about 10 px; with ascenders and descenders a line is half as tall again.
 */
export const MIN_SHORT_SIDE = 16;

/**
 * Most slices one image is cut into: covers strips up to about 1 : 48 (a 576 px wide receipt
 * 27 000 px long) and bounds one request to 33 recognitions (the grey decode plus slices), a
 * few seconds of the pool, however small the upload.
 */
export const MAX_SLICES = 32;

/** How `planSlices` cuts an image: slice length, overlap and count along the long axis. */
function sliceGeometry(width: number, height: number) {
  const axis: Slice['axis'] = height >= width ? 'y' : 'x';
  const long = axis === 'y' ? height : width;
  const short = axis === 'y' ? width : height;
  const limit = axis === 'y' ? CROPPING_ASPECT_RATIO : GENERAL_MAX_ASPECT_RATIO;
  if (long / short <= limit) return { axis, long, length: long, overlap: 0, count: 1 };
  const length = Math.min(long, Math.round(short * 2));
  const overlap = Math.round(length / 4);
  const count = Math.ceil((long - overlap) / (length - overlap));
  return { axis, long, length, overlap, count };
}

/**
 * Why the local engine cannot recognise an image of this size (NHN's 4000505: too long or too
 * narrow), or `null`: a short side below `MIN_SHORT_SIDE`, or, when it would be sliced, more
 * than `MAX_SLICES` slices. Counted without planning, so a 1 × 32767 strip costs nothing.
 */
export function shapeProblem(width: number, height: number, sliced: boolean): string | null {
  if (Math.min(width, height) < MIN_SHORT_SIDE) {
    return `The image is ${width} × ${height} pixels; text needs a short side of at least ${MIN_SHORT_SIDE} pixels.`;
  }
  if (sliced && sliceGeometry(width, height).count > MAX_SLICES) {
    return `The image is ${width} × ${height} pixels, too long to cut into at most ${MAX_SLICES} slices.`;
  }
  return null;
}

/**
 * Cuts an elongated image into overlapping slices along its long side, each about twice as
 * long as the short side, overlapping by a quarter of a slice, so any text line shorter than
 * the overlap lies whole in at least one slice. Slices are spread evenly, the last ending
 * exactly at the edge. Tall images with aspect ≤ `CROPPING_ASPECT_RATIO`, and wide ones
 * with aspect ≤ `GENERAL_MAX_ASPECT_RATIO`, give one slice.
 */
export function planSlices(width: number, height: number): Slice[] {
  const { axis, long, length, count } = sliceGeometry(width, height);
  if (count === 1) return [wholeImage(width, height)];
  const starts = Array.from({ length: count }, (_, index) =>
    Math.round((index * (long - length)) / (count - 1)),
  );
  return starts.map((start, index) => {
    const previousEnd = index > 0 ? starts[index - 1]! + length : 0;
    const nextStart = index < count - 1 ? starts[index + 1]! : long;
    // Ownership switches halfway through each overlap.
    const ownStart = index === 0 ? 0 : (start + previousEnd) / 2;
    const ownEnd = index === count - 1 ? long : (nextStart + start + length) / 2;
    const rect =
      axis === 'y'
        ? { left: 0, top: start, width, height: length }
        : { left: start, top: 0, width: length, height };
    return { ...rect, ownStart, ownEnd, axis };
  });
}

/** Whether `word` belongs to `slice` (its centre is in the slice's own band). */
export function isOwnedBy(word: LocalWord, slice: Slice): boolean {
  const centre = slice.axis === 'y' ? (word.y0 + word.y1) / 2 : (word.x0 + word.x1) / 2;
  return centre >= slice.ownStart && centre < slice.ownEnd;
}

export function intersectionOverUnion(a: LocalWord, b: LocalWord): number {
  const width = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const height = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  const area = (box: LocalWord) => (box.x1 - box.x0) * (box.y1 - box.y0);
  return intersection / (area(a) + area(b) - intersection);
}

/**
 * Merges per-slice lines: keeps each word only from the slice that owns it, then, as a safety
 * net for text taller than the overlap, drops a word that repeats an earlier word's text over
 * the same place (IoU > 0.5). Lines left empty disappear.
 */
export function mergeSliceLines(perSlice: ReadonlyArray<{ slice: Slice; lines: LocalWord[][] }>) {
  const kept: LocalWord[] = [];
  const merged: LocalWord[][] = [];
  for (const { slice, lines } of perSlice) {
    for (const line of lines) {
      const words = line.filter(
        (word) =>
          isOwnedBy(word, slice) &&
          !kept.some(
            (other) => other.text === word.text && intersectionOverUnion(other, word) > 0.5,
          ),
      );
      kept.push(...words);
      if (words.length > 0) merged.push(words);
    }
  }
  return merged;
}
