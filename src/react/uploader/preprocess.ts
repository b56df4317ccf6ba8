import { type ImageHeader, readImageHeader } from '../../core/image-header';
import { inputError } from './problems';
import { runTranscode } from './transcode';

/** How an image is checked and prepared in the browser before it is uploaded. */
export interface PreprocessOptions {
  /**
   * Longest side in pixels. A larger image is downsized before upload and the result's quads
   * are scaled back, so they still line up with the image as displayed.
   * @default undefined (never downsize)
   */
  maxDimension?: number;
  /**
   * Images whose header declares more pixels are refused before anything decodes them.
   * @default 50_000_000
   */
  maxPixels?: number;
  /**
   * JPEG quality (0..1) used when an image has to be re-encoded.
   * @default 0.92
   */
  quality?: number;
}

// Input problems live with their sentences in messages.ts; re-exported from here, where they
// arise, for the callers that import them from this module.

/** An image ready to upload, and what to display for it. */
export interface PreparedImage {
  /** The bytes to send: the input itself when nothing needed doing. */
  upload: Blob;
  /** What to show: the sent bytes, or the original when it was only downsized. */
  display: Blob;
  /** Size of `display` as the browser shows it (EXIF orientation applied). */
  width: number;
  height: number;
  /** Size of `upload`; differs from `width`/`height` only when downsized. */
  sentWidth: number;
  sentHeight: number;
}

/** The size after fitting the longest side within `maxDimension` (never enlarged). */
export function fitWithin(
  width: number,
  height: number,
  maxDimension: number | undefined,
): { width: number; height: number } {
  const long = Math.max(width, height);
  if (!maxDimension || maxDimension <= 0 || long <= maxDimension) return { width, height };
  const scale = maxDimension / long;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Whether bytes with this header can be sent exactly as they are. */
export function canSendUnchanged(header: ImageHeader | null, maxDimension?: number): boolean {
  if (!header || header.width === null || header.height === null || header.orientation !== 1) {
    return false;
  }
  if (header.format !== 'image/jpeg' && header.format !== 'image/png') return false;
  const fitted = fitWithin(header.width, header.height, maxDimension);
  return fitted.width === header.width && fitted.height === header.height;
}

const DEFAULT_MAX_PIXELS = 50_000_000;
const HEAD_BYTES = 256 * 1024;

async function readHeader(blob: Blob): Promise<ImageHeader | null> {
  let header = readImageHeader(new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer()));
  // Large EXIF/ICC segments can push a JPEG's frame header past the first read.
  if (header?.format === 'image/jpeg' && header.width === null && blob.size > HEAD_BYTES) {
    header = readImageHeader(new Uint8Array(await blob.slice(0, 16 * HEAD_BYTES).arrayBuffer()));
  }
  return header;
}

/**
 * Checks an image and makes the bytes NHN accepts (JPEG or PNG up to 20 MB):
 * - refuses empty files, files whose header declares more than `maxPixels`, undecodable files;
 * - sends JPEG/PNG unchanged when no orientation or size change is needed (header read only);
 * - otherwise decodes it with EXIF orientation applied, downsizes to `maxDimension` and
 *   re-encodes it (PNG for lossless sources, JPEG otherwise), in a worker where
 *   `OffscreenCanvas` exists (see `runTranscode`).
 *
 * Throws `OcrError('invalid-input')` with an `InputProblem` cause; rejects with the signal's
 * reason when aborted.
 */
export async function prepareImage(
  blob: Blob,
  options: PreprocessOptions = {},
  signal?: AbortSignal,
): Promise<PreparedImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (blob.size === 0) throw inputError({ reason: 'empty' });
  const header = await readHeader(blob);
  signal?.throwIfAborted();
  if (header?.width && header.height && header.width * header.height > maxPixels) {
    const { width, height } = header;
    throw inputError({ reason: 'too-many-pixels', width, height, limit: maxPixels });
  }
  if (header && canSendUnchanged(header, options.maxDimension)) {
    const width = header.width!;
    const height = header.height!;
    return { upload: blob, display: blob, width, height, sentWidth: width, sentHeight: height };
  }

  const lossless =
    header?.format === 'image/png' ||
    header?.format === 'image/gif' ||
    header?.format === 'image/bmp';
  const type = lossless ? 'image/png' : 'image/jpeg';
  const outcome = await runTranscode(
    {
      blob,
      maxDimension: options.maxDimension ?? 0,
      maxPixels,
      type,
      quality: options.quality ?? 0.92,
      // Upright, and either lossless (alpha kept) or a JPEG source (no alpha to flatten).
      direct: header?.orientation === 1 && (lossless || header.format === 'image/jpeg'),
    },
    signal,
  );
  if (!outcome.ok) {
    throw inputError(
      outcome.reason === 'too-many-pixels'
        ? { reason: outcome.reason, width: outcome.width, height: outcome.height, limit: maxPixels }
        : { reason: outcome.reason, error: outcome.message },
    );
  }
  const { width, height, sentWidth, sentHeight } = outcome;
  // Keep the user's file name, with the extension of what is actually sent.
  const name = (blob as Partial<File>).name;
  const upload = name
    ? new File([outcome.blob], `${name.replace(/\.[^.]*$/, '')}.${lossless ? 'png' : 'jpg'}`, {
        type,
      })
    : outcome.blob;
  return {
    upload,
    // Downsized: show the original, and scale the boxes up to it.
    display: sentWidth === width ? upload : blob,
    width,
    height,
    sentWidth,
    sentHeight,
  };
}
