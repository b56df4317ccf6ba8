/**
 * One image through the detector engine: find text regions (DB detector, per slice), set each
 * upright, read it (CTC recogniser), cut it into words and map each
 * word back into the image as a quad. Regions the recogniser cannot read because they are
 * Korean go to tesseract (see `korean.ts`).
 */
import { isOwnedBy, type Slice } from '../slicing';
import { decodeCtc, inkSpans, splitWords } from './ctc';
import { extractTextRegions, type TextRegion } from './db-postprocess';
import { type CropTransform, cropBoxToQuad, type Quad, quadCentre } from './geometry';
import { detectorInput, type RgbImage } from './image';
import type { Sharp } from './packages';
import { batchCrops, extendToMarks, planCrop, RECOGNIZER_HEIGHT } from './rectify';
import type { DetectorThreadPool } from './thread-pool';

export interface DetectorWord {
  text: string;
  /** 0..1 */
  confidence: number;
  quad: Quad;
}

/** One detected region's words, left to right as read. */
export type DetectorLine = DetectorWord[];

/** A second reader for regions the recogniser has no alphabet for (tesseract `kor`). */
export interface RegionReader {
  /**
   * Whether the recogniser's reading of a region suggests it needs this reader; `unreadWidth`
   * is the width of ink it read nothing from, in line heights.
   */
  wants(reading: { text: string; confidence: number; unreadWidth: number }): boolean;
  /** Reads the crop of `transform` and returns its words as image quads. */
  read(image: RgbImage, transform: CropTransform, signal?: AbortSignal): Promise<DetectorWord[]>;
}

export interface PipelineOptions {
  threads: DetectorThreadPool;
  sharp: Sharp;
  dictionary: readonly string[];
  /** Longest side of the detector's input. @default 1280 */
  detectorMaxSide?: number;
  /** Lines read with less mean confidence are dropped (PaddleOCR's `drop_score`). @default 0.5 */
  minConfidence?: number;
  fallback?: RegionReader;
}

/** Whether a point lies inside a rotated rectangle. */
function contains(rect: TextRegion['rect'], x: number, y: number): boolean {
  const dx = x - rect.cx;
  const dy = y - rect.cy;
  const cos = Math.cos(rect.angle);
  const sin = Math.sin(rect.angle);
  return (
    Math.abs(dx * cos + dy * sin) <= rect.width / 2 &&
    Math.abs(-dx * sin + dy * cos) <= rect.height / 2
  );
}

/** Two slices found the same text when each region's centre lies inside the other. */
function sameRegion(a: TextRegion, b: TextRegion): boolean {
  return contains(a.rect, b.rect.cx, b.rect.cy) && contains(b.rect, a.rect.cx, a.rect.cy);
}

async function detectRegions(
  options: PipelineOptions,
  image: RgbImage,
  slices: readonly Slice[],
  signal?: AbortSignal,
) {
  const perSlice = await Promise.all(
    slices.map(async (slice) => {
      const input = await detectorInput(
        options.sharp,
        image,
        slice,
        options.detectorMaxSide ?? 1280,
      );
      const { map, width, height } = await options.threads.run(
        { kind: 'detect', ...input },
        signal,
      );

      return extractTextRegions({ width, height, data: map }, input.scaleX, input.scaleY)
        .map((region) => ({
          ...region,
          rect: { ...region.rect, cx: region.rect.cx + slice.left, cy: region.rect.cy + slice.top },
        }))
        .filter(({ rect }) => {
          const r = { x0: rect.cx, x1: rect.cx, y0: rect.cy, y1: rect.cy, text: '', conf: 0 };
          return isOwnedBy(r, slice);
        });
    }),
  );
  // Ownership bands already keep each region once; this catches text taller than the overlap.
  const kept: TextRegion[] = [...(perSlice[0] ?? [])];
  for (const regions of perSlice.slice(1)) {
    const earlier = [...kept];
    for (const region of regions)
      if (!earlier.some((other) => sameRegion(other, region))) kept.push(region);
  }
  return kept;
}

/**
 * The narrowest ink gap that may separate words, in crop heights (a space in 28 px DejaVu Sans
 * is ~0.35). Narrower gaps split only where the recogniser reads a space; wider ones are
 * checked against the character pitch (see `splitWords`), since faint receipt print breaks
 * letters apart by as much as a space.
 */
const WORD_GAP = 0.28;

export async function readImage(
  options: PipelineOptions,
  image: RgbImage,
  slices: readonly Slice[],
  signal?: AbortSignal,
): Promise<DetectorLine[]> {
  const regions = await detectRegions(options, image, slices, signal);
  const crops = regions.map((region) =>
    planCrop(extendToMarks(image, region.rect), RECOGNIZER_HEIGHT, 2560),
  );
  const batches = batchCrops(image, crops, { maxItems: 8, minWidth: 64 });
  const lines: Array<DetectorLine | null> = new Array(crops.length).fill(null);
  const fallbacks: Array<Promise<void>> = [];
  const minConfidence = options.minConfidence ?? 0.5;
  await Promise.all(
    batches.map(async (batch) => {
      const reply = await options.threads.run(
        {
          kind: 'recognize',
          batch: batch.data,
          count: batch.items.length,
          height: RECOGNIZER_HEIGHT,
          width: batch.width,
        },
        signal,
      );
      batch.items.forEach((index, slot) => {
        const crop = crops[index]!;
        const characters = decodeCtc(
          reply.best,
          reply.probability,
          slot * reply.steps,
          reply.steps,
          options.dictionary,
        );
        const text = characters
          .map((character) => character.text)
          .join('')
          .trim();
        const confidence =
          characters.length === 0
            ? 0
            : characters.reduce((sum, c) => sum + c.probability, 0) / characters.length;
        const spans = inkSpans(batch.ink[slot]!, crop.cropWidth, crop.cropHeight * WORD_GAP);
        const { words, unreadWidth } = splitWords(characters, spans, {
          stepWidth: batch.width / reply.steps,
          cropWidth: crop.cropWidth,
        });
        const own =
          text === '' || confidence < minConfidence
            ? []
            : words.map((word) => ({
                text: word.text,
                confidence: word.confidence,
                quad: cropBoxToQuad(crop, { x0: word.x0, y0: 0, x1: word.x1, y1: crop.cropHeight }),
              }));
        lines[index] = own;
        if (
          options.fallback?.wants({ text, confidence, unreadWidth: unreadWidth / crop.cropHeight })
        ) {
          fallbacks.push(
            options.fallback.read(image, crop, signal).then((words) => {
              if (words.length > 0) lines[index] = words;
            }),
          );
        }
      });
    }),
  );
  await Promise.all(fallbacks);
  return sortLines(lines.filter((line): line is DetectorLine => line !== null && line.length > 0));
}

/** Lines top to bottom by their first word's centre; a line starting within half its height of another's counts as level and goes left to right. */
function sortLines(lines: DetectorLine[]): DetectorLine[] {
  const key = (line: DetectorLine) => {
    const centre = quadCentre(line[0]!.quad);
    const [a, , , d] = line[0]!.quad;
    return { ...centre, height: Math.hypot(d.x - a.x, d.y - a.y) };
  };
  const keyed = lines.map((line) => ({ line, ...key(line) }));
  keyed.sort((p, q) =>
    Math.abs(p.y - q.y) < Math.min(p.height, q.height) / 2 ? p.x - q.x : p.y - q.y,
  );
  return keyed.map(({ line }) => line);
}
