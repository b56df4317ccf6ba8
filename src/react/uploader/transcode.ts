/** What `transcode` is asked to do. Structured-cloneable, so it can go to a worker. */
export interface TranscodeJob {
  blob: Blob;
  /** Longest side of the output; 0 for no limit. */
  maxDimension: number;
  maxPixels: number;
  type: 'image/png' | 'image/jpeg';
  quality: number;
  /**
   * The decoded bitmap is upright and needs no white backdrop, so it can be handed to a
   * `bitmaprenderer` canvas without drawing.
   */
  direct: boolean;
}

export type TranscodeOutcome =
  | { ok: true; blob: Blob; width: number; height: number; sentWidth: number; sentHeight: number }
  | { ok: false; reason: 'undecodable'; message: string }
  | { ok: false; reason: 'too-many-pixels'; width: number; height: number };

/**
 * Decodes (EXIF orientation applied), downsizes and re-encodes an image.
 *
 * Must stay self-contained (globals only, no imports, no module-level names): its source text
 * is also run as a worker script. Chromium keeps EXIF orientation as metadata on the bitmap and
 * a `bitmaprenderer` ignores it, so only upright bitmaps take the `direct` path.
 */
export async function transcode(job: TranscodeJob): Promise<TranscodeOutcome> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(job.blob, { imageOrientation: 'from-image' });
  } catch (error) {
    return { ok: false, reason: 'undecodable', message: String(error) };
  }
  try {
    const { width, height } = bitmap;
    if (width * height > job.maxPixels)
      return { ok: false, reason: 'too-many-pixels', width, height };
    // Same rule as `fitWithin` (kept inline: this function cannot import).
    const long = Math.max(width, height);
    const scale = job.maxDimension > 0 && long > job.maxDimension ? job.maxDimension / long : 1;
    const sentWidth = scale < 1 ? Math.max(1, Math.round(width * scale)) : width;
    const sentHeight = scale < 1 ? Math.max(1, Math.round(height * scale)) : height;
    if (scale < 1) {
      const resized = await createImageBitmap(bitmap, {
        resizeWidth: sentWidth,
        resizeHeight: sentHeight,
        resizeQuality: 'high',
      });
      bitmap.close();
      bitmap = resized;
    }
    const offscreen = typeof OffscreenCanvas !== 'undefined';
    const canvas = offscreen
      ? new OffscreenCanvas(sentWidth, sentHeight)
      : Object.assign(document.createElement('canvas'), { width: sentWidth, height: sentHeight });
    const renderer = (
      offscreen && job.direct ? canvas.getContext('bitmaprenderer') : null
    ) as ImageBitmapRenderingContext | null;
    if (renderer) {
      renderer.transferFromImageBitmap(bitmap);
    } else {
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      if (job.type === 'image/jpeg') {
        // JPEG has no alpha: transparent pixels would turn black and hide dark text.
        context.fillStyle = '#fff';
        context.fillRect(0, 0, sentWidth, sentHeight);
      }
      // Drawn 1:1 (at most turned by 90°): filtering changes nothing and costs ~40 ms at 12 MP.
      context.imageSmoothingEnabled = false;
      context.drawImage(bitmap, 0, 0);
    }
    const blob = offscreen
      ? await (canvas as OffscreenCanvas).convertToBlob({ type: job.type, quality: job.quality })
      : await new Promise<Blob | null>((resolve) =>
          (canvas as HTMLCanvasElement).toBlob(resolve, job.type, job.quality),
        );
    if (!blob) return { ok: false, reason: 'undecodable', message: 'Encoding failed.' };
    return { ok: true, blob, width, height, sentWidth, sentHeight };
  } finally {
    bitmap.close();
  }
}

let workerUrl: string | null = null;
let workerBroken = false;

/**
 * Runs `transcode` in a dedicated worker when the browser has `OffscreenCanvas`, so decoding,
 * resizing, drawing and encoding leave the main thread alone; else, or when the worker cannot
 * start or run (a CSP without `worker-src blob:`, a bundler that rewrote the function), on the
 * main thread. The worker is built from the function's own source, so no bundler has to know
 * about a worker file. One worker per job: aborting terminates it.
 */
export function runTranscode(job: TranscodeJob, signal?: AbortSignal): Promise<TranscodeOutcome> {
  if (workerBroken || typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') {
    return transcode(job);
  }
  let worker: Worker;
  try {
    workerUrl ??= URL.createObjectURL(
      new Blob(
        [
          `const transcode = ${transcode.toString()};\n`,
          'onmessage = (e) => transcode(e.data).then((outcome) => postMessage({ outcome }),',
          ' (error) => postMessage({ error: String(error) }));',
        ],
        { type: 'text/javascript' },
      ),
    );
    worker = new Worker(workerUrl);
  } catch {
    workerBroken = true;
    return transcode(job);
  }
  return new Promise((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(signal?.reason);
    };
    const fallBack = () => {
      finish();
      workerBroken = true;
      resolve(transcode(job));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<{ outcome?: TranscodeOutcome }>) => {
      if (!event.data.outcome) return fallBack();
      finish();
      resolve(event.data.outcome);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    worker.postMessage(job);
  });
}
