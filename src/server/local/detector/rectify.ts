/**
 * Rectification: each text region is sampled upright into a fixed-height strip (the crop), the
 * way PaddleOCR's `get_rotate_crop_image` + `resize_norm_img` prepare the recogniser's input,
 * and the crop's `CropTransform` maps anything found in it back into the image.
 */
import { type CropTransform, cropTransform, type RotatedRect } from './geometry';
import type { RgbImage } from './image';

/** The recogniser's input height. */
export const RECOGNIZER_HEIGHT = 48;

/** A crop of `rect` scaled to `height` pixels tall, at most `maxWidth` wide. */
export function planCrop(rect: RotatedRect, height: number, maxWidth: number): CropTransform {
  const width = Math.max(
    8,
    Math.min(maxWidth, Math.round((height * rect.width) / Math.max(1, rect.height))),
  );
  return cropTransform(rect, width, height);
}

/** Bilinear sample of one channel at image point (x, y) (pixel centres at +0.5), clamped to the edge. */
function sample(image: RgbImage, x: number, y: number, channel: number): number {
  const fx = Math.min(image.width - 1, Math.max(0, x - 0.5));
  const fy = Math.min(image.height - 1, Math.max(0, y - 0.5));
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(image.width - 1, x0 + 1);
  const y1 = Math.min(image.height - 1, y0 + 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const { data, width } = image;
  const top =
    data[(y0 * width + x0) * 3 + channel]! * (1 - ax) + data[(y0 * width + x1) * 3 + channel]! * ax;
  const bottom =
    data[(y1 * width + x0) * 3 + channel]! * (1 - ax) + data[(y1 * width + x1) * 3 + channel]! * ax;
  return top * (1 - ay) + bottom * ay;
}

/**
 * Samples `transform`'s crop into `out` at `offset` as a `3 × height × stride` block, channels
 * in OpenCV's order (blue first) and scaled to −1..1 as PaddleOCR's recogniser expects; the
 * columns right of the crop stay 0 (PaddleOCR's padding). Large text is averaged over several
 * samples per pixel so shrinking it does not alias.
 */
export function sampleCrop(
  image: RgbImage,
  transform: CropTransform,
  out: Float32Array,
  offset: number,
  stride: number,
): void {
  const { cropWidth, cropHeight, origin, ux, uy } = transform;
  const plane = cropHeight * stride;
  const step = Math.max(Math.hypot(ux.x, ux.y), Math.hypot(uy.x, uy.y));
  const taps = Math.min(3, Math.max(1, Math.ceil(step - 0.25)));
  const weight = 1 / (taps * taps * 127.5);
  const width = Math.min(cropWidth, stride);
  for (let y = 0; y < cropHeight; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      for (let ty = 0; ty < taps; ty += 1) {
        const cy = y + (ty + 0.5) / taps;
        for (let tx = 0; tx < taps; tx += 1) {
          const cx = x + (tx + 0.5) / taps;
          const px = origin.x + ux.x * cx + uy.x * cy;
          const py = origin.y + ux.y * cx + uy.y * cy;
          red += sample(image, px, py, 0);
          green += sample(image, px, py, 1);
          blue += sample(image, px, py, 2);
        }
      }
      const at = offset + y * stride + x;
      out[at] = blue * weight - 1;
      out[at + plane] = green * weight - 1;
      out[at + 2 * plane] = red * weight - 1;
    }
  }
}

/**
 * Which columns of a sampled crop hold ink: a pixel in the middle 60% of the rows (the text's
 * core; the margins may hold the neighbouring lines) that differs from the crop's background
 * (its median) by more than 40% of the strongest difference, at least two such per column.
 */
export function inkColumns(
  data: Float32Array,
  offset: number,
  height: number,
  stride: number,
  cropWidth: number,
): Uint8Array {
  const plane = height * stride;
  const top = Math.floor(height * 0.2);
  const bottom = Math.ceil(height * 0.8);
  const grey = new Float32Array((bottom - top) * cropWidth);
  for (let y = top; y < bottom; y += 1) {
    for (let x = 0; x < cropWidth; x += 1) {
      const at = offset + y * stride + x;
      grey[(y - top) * cropWidth + x] = (data[at]! + data[at + plane]! + data[at + 2 * plane]!) / 3;
    }
  }
  const sorted = Float32Array.from(grey).sort();
  const background = sorted[Math.floor(sorted.length / 2)] ?? 0;
  let strongest = 0;
  for (const value of grey) strongest = Math.max(strongest, Math.abs(value - background));
  const threshold = Math.max(0.15, strongest * 0.4);
  const ink = new Uint8Array(cropWidth);
  for (let x = 0; x < cropWidth; x += 1) {
    let count = 0;
    for (let y = 0; y < bottom - top; y += 1)
      if (Math.abs(grey[y * cropWidth + x]! - background) > threshold) count += 1;
    ink[x] = count >= 2 ? 1 : 0;
  }
  return ink;
}

/** Crops of one recogniser run: same height, padded to the widest. */
export interface CropBatch {
  items: number[];
  width: number;
  data: Float32Array;
  /** Per item, `inkColumns` of its crop. */
  ink: Uint8Array[];
}

/**
 * Groups crops by width (so little padding is computed) into batches of at most `maxItems`,
 * each padded to its widest crop and at least `minWidth` (rounded up to the network's stride 8).
 */
export function batchCrops(
  image: RgbImage,
  crops: readonly CropTransform[],
  { maxItems, minWidth }: { maxItems: number; minWidth: number },
): CropBatch[] {
  const order = crops
    .map((_, index) => index)
    .sort((a, b) => crops[a]!.cropWidth - crops[b]!.cropWidth);
  const batches: CropBatch[] = [];
  for (let start = 0; start < order.length; start += maxItems) {
    const items = order.slice(start, start + maxItems);
    const widest = Math.max(...items.map((index) => crops[index]!.cropWidth));
    const width = Math.ceil(Math.max(minWidth, widest) / 8) * 8;
    const height = crops[items[0]!]!.cropHeight;
    const data = new Float32Array(items.length * 3 * height * width);
    const ink = items.map((index, slot) => {
      sampleCrop(image, crops[index]!, data, slot * 3 * height * width, width);
      return inkColumns(
        data,
        slot * 3 * height * width,
        height,
        width,
        Math.min(width, crops[index]!.cropWidth),
      );
    });
    batches.push({ items, width, data, ink });
  }
  return batches;
}

/** Widest mark (in line heights) that `extendToMarks` adds: a dot, comma or dash, not a letter. */
const MARK_WIDTH = 0.35;
/** Farthest a mark may sit from the region's ink, in line heights. */
const MARK_GAP = 0.45;

/**
 * Grows `rect` leftwards to take in a small mark on the baseline just before it. The detector's
 * regions stop short of a separate leading mark (the "." of ".75-" on a receipt: 3 of 86 texts
 * on the fixture photos), and the recogniser cannot read what its crop does not show. Only
 * leading marks: also taking trailing ones measured worse (a price column's "B" joined a price).
 */
export function extendToMarks(image: RgbImage, rect: RotatedRect): RotatedRect {
  const pad = rect.height * (MARK_WIDTH + MARK_GAP + 0.1);
  const wide = { ...rect, width: rect.width + 2 * pad };
  const crop = planCrop(wide, RECOGNIZER_HEIGHT, 4096);
  const width = crop.cropWidth;
  const line = crop.cropHeight;
  const data = new Float32Array(3 * line * width);
  sampleCrop(image, crop, data, 0, width);
  const ink = inkColumns(data, 0, line, width, width);
  const scale = width / wide.width; // crop pixels per image pixel
  const inner = { x0: pad * scale, x1: width - pad * scale };
  let first = -1;
  for (let x = Math.ceil(inner.x0); x < inner.x1 && first < 0; x += 1) if (ink[x]) first = x;
  if (first < 0) return rect;
  // A leading mark worth adding sits on the baseline (".", ","); a tall stroke there is a
  // bracket, a pen line or a letter of the next region.
  const plane = line * width;
  const grey = (x: number, y: number) =>
    (data[y * width + x]! + data[plane + y * width + x]! + data[2 * plane + y * width + x]!) / 3;
  const sorted = Float32Array.from({ length: plane }, (_, index) =>
    grey(index % width, Math.floor(index / width)),
  ).sort();
  const background = sorted[Math.floor(plane / 2)]!;
  const isLow = (x0: number, x1: number) => {
    let strongest = 0;
    let topmost = line;
    for (let x = x0; x <= x1; x += 1)
      for (let y = 0; y < line; y += 1)
        strongest = Math.max(strongest, Math.abs(grey(x, y) - background));
    for (let x = x0; x <= x1; x += 1) {
      for (let y = 0; y < line; y += 1)
        if (Math.abs(grey(x, y) - background) > strongest * 0.5) topmost = Math.min(topmost, y);
    }
    return topmost > line * 0.5;
  };
  /** Outer edge (crop x) of a small isolated mark next to the ink at `from`, going `step`. */
  const markEdge = (from: number, step: 1 | -1): number | null => {
    const inside = (x: number) => x >= 0 && x < width;
    let x = from + step;
    while (inside(x) && !ink[x] && Math.abs(x - from) <= MARK_GAP * line) x += step;
    if (!inside(x) || !ink[x]) return null;
    const start = x;
    while (inside(x) && ink[x]) x += step;
    if (!inside(x) || Math.abs(x - start) > MARK_WIDTH * line) return null;
    return isLow(Math.min(start, x - step), Math.max(start, x - step)) ? x - step : null;
  };
  const left = markEdge(first, -1);
  // Only leading marks: trailing ones measured worse (a price column's "B" joined its price).
  if (left === null) return rect;
  const grow = Math.max(0, inner.x0 - (left - 0.1 * line)) / scale;
  if (grow === 0) return rect;
  const shift = -grow / 2;
  return {
    ...rect,
    cx: rect.cx + Math.cos(rect.angle) * shift,
    cy: rect.cy + Math.sin(rect.angle) * shift,
    width: rect.width + grow,
  };
}
