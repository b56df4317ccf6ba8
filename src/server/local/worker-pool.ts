import { importOptional, MissingPackageError } from './optional-package';

const TESSERACT_PURPOSE = 'The local tesseract.js engine';

/** The part of a tesseract.js word we read. */
export interface TesseractWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** The part of a tesseract.js page we read (`blocks` output). */
export interface TesseractPage {
  blocks: Array<{ paragraphs: Array<{ lines: Array<{ words: TesseractWord[] }> }> }> | null;
}

/** The part of a tesseract.js worker we use. */
export interface TesseractWorker {
  recognize(
    image: Uint8Array,
    options: Record<string, never>,
    output: { blocks?: boolean; text?: boolean; imageGrey?: boolean },
  ): Promise<{ data: TesseractPage & { imageGrey?: string | null } }>;
  terminate(): Promise<unknown>;
}

export interface WorkerPool {
  /**
   * Runs `job` on a free worker, starting one if the pool is below its size, else waiting.
   * A worker whose job failed is replaced rather than reused.
   */
  run<T>(job: (worker: TesseractWorker) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A failure to start a worker (missing data, bad language), not a problem with the image. */
export class EngineStartError extends Error {
  override readonly name = 'EngineStartError';
}

/** A job that ran past its deadline; its worker was terminated. */
export class EngineTimeoutError extends Error {
  override readonly name = 'EngineTimeoutError';
}

export interface WorkerPoolOptions {
  languages: readonly string[];
  size: number;
  /** A job running longer is abandoned and its worker terminated (a hung worker never returns). */
  jobTimeoutMs: number;
  /** Resolves tesseract.js's `langPath` (once, on first use). */
  langPath: () => Promise<string>;
}

/**
 * A lazily grown pool of tesseract.js workers, reused across requests. tesseract.js is loaded
 * with a dynamic import on the first recognition, so importing the server entry never loads it.
 */
export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const idle: TesseractWorker[] = [];
  const all = new Set<TesseractWorker>();
  const waiting: Array<{
    resolve: (worker: TesseractWorker) => void;
    reject: (error: Error) => void;
  }> = [];
  let starting = 0;
  let closed = false;

  async function spawn(): Promise<TesseractWorker> {
    let worker: TesseractWorker;
    try {
      const langPath = await options.langPath();
      const tesseract = await importOptional(
        'tesseract.js',
        TESSERACT_PURPOSE,
        () => import('tesseract.js'),
      );
      const createWorker = tesseract.createWorker ?? tesseract.default.createWorker;
      worker = (await createWorker([...options.languages], 1 /* OEM.LSTM_ONLY */, {
        langPath,
        gzip: true,
        // The data is local already; without this tesseract.js writes copies into the cwd.
        cacheMethod: 'none',
        // Without a handler tesseract.js rethrows job errors from its message listener,
        // which would be an uncaught exception; the job's promise still rejects.
        errorHandler: () => {},
      })) as unknown as TesseractWorker;
    } catch (error) {
      throw new EngineStartError(
        error instanceof MissingPackageError
          ? error.message
          : `The local OCR engine could not start: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    if (closed) {
      await worker.terminate();
      throw new EngineStartError('The local OCR engine was closed.');
    }
    all.add(worker);
    return worker;
  }

  async function acquire(): Promise<TesseractWorker> {
    if (closed) throw new EngineStartError('The local OCR engine was closed.');
    const free = idle.pop();
    if (free) return free;
    if (all.size + starting < options.size) {
      starting += 1;
      try {
        return await spawn();
      } finally {
        starting -= 1;
      }
    }
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  }

  function release(worker: TesseractWorker): void {
    const next = waiting.shift();
    if (next) next.resolve(worker);
    else idle.push(worker);
  }

  /** A worker whose job failed may be in any state; replace it rather than reuse it. */
  async function discard(worker: TesseractWorker): Promise<void> {
    all.delete(worker);
    await worker.terminate().catch(() => {});
    const next = waiting.shift();
    if (next) acquire().then(next.resolve, next.reject);
  }

  return {
    async run(job) {
      const worker = await acquire();
      let result: Awaited<ReturnType<typeof job>>;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        result = await Promise.race([
          job(worker),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () =>
                reject(new EngineTimeoutError(`OCR took longer than ${options.jobTimeoutMs} ms.`)),
              options.jobTimeoutMs,
            );
          }),
        ]);
      } catch (error) {
        clearTimeout(timer);
        await discard(worker);
        // tesseract.js rejects with plain strings.
        throw error instanceof Error ? error : new Error(String(error));
      }
      clearTimeout(timer);
      release(worker);
      return result;
    },
    async close() {
      closed = true;
      for (const { reject } of waiting.splice(0)) {
        reject(new EngineStartError('The local OCR engine was closed.'));
      }
      const workers = [...all];
      all.clear();
      idle.length = 0;
      await Promise.all(workers.map((worker) => worker.terminate().catch(() => {})));
    },
  };
}
