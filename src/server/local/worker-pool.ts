import { isOcrError, type OcrError } from '../../core/errors';
import { startTimer } from '../../core/timer';
import { envelopeError, LOCAL_RESULT_CODES, withRetryAfter } from '../envelope';
import { MissingPackageError } from './optional-package';

/** A unit of work: gets a worker to itself and the signal of the request it serves. */
export type PoolJob<W, T> = (worker: W, signal: AbortSignal) => Promise<T>;

export interface RunOptions {
  /**
   * Aborts the job. A waiting job is dropped and never starts; a running one stops being
   * waited for at once, and its worker is kept if the job ends within a grace (see
   * `ABORT_GRACE_MS`), else replaced.
   */
  signal?: AbortSignal;
  /**
   * Part of work the pool already admitted (e.g. the slices of one image): never refused for a
   * full queue, and served before new work so admitted requests finish first.
   * @default false
   */
  followUp?: boolean;
}

export interface WorkerPool<W> {
  /**
   * Runs `job` on a free worker, starting one while the pool is below its size, else waiting
   * in the queue. A worker whose job failed is replaced rather than reused. Rejects with
   * `EngineBusyError` when `maxQueue` jobs already wait, `EngineAbortedError` on abort.
   */
  run<T>(job: PoolJob<W, T>, options?: RunOptions): Promise<T>;
  close(): Promise<void>;
}

/** A failure to start a worker (missing data, bad language), not a problem with the input. */
export class EngineStartError extends Error {
  override readonly name = 'EngineStartError';
}

/** A job that ran past its deadline; its worker was terminated. */
export class EngineTimeoutError extends Error {
  override readonly name = 'EngineTimeoutError';
}

/** The queue is full: try again after `retryAfterSeconds`. */
export class EngineBusyError extends Error {
  override readonly name = 'EngineBusyError';
  constructor(readonly retryAfterSeconds: number) {
    super(`The local OCR engine is busy; try again in ${retryAfterSeconds} s.`);
  }
}

/** The job's signal aborted (the client went away). */
export class EngineAbortedError extends Error {
  override readonly name = 'EngineAbortedError';
}

/**
 * What a failed `run` means for the client, as the envelope error to answer with: 503 /
 * 5000503 with `Retry-After` for a full queue, 499 for an aborted request, 500 when no worker
 * starts, 504 past the deadline, and 400 / 4000002 (undecodable) when the job itself failed.
 */
export function poolFailure(error: unknown): OcrError {
  if (isOcrError(error)) return error;
  if (error instanceof EngineBusyError) {
    const busy = envelopeError(503, 5000503, error.message, error);
    return withRetryAfter(busy, error.retryAfterSeconds);
  }
  const message = error instanceof Error ? error.message : undefined;
  if (error instanceof EngineAbortedError) {
    return envelopeError(499, LOCAL_RESULT_CODES.clientClosed, message, error);
  }
  if (error instanceof EngineStartError) {
    return envelopeError(500, LOCAL_RESULT_CODES.internal, message, error);
  }
  if (error instanceof EngineTimeoutError) {
    return envelopeError(504, LOCAL_RESULT_CODES.gatewayTimeout, message, error);
  }
  return envelopeError(400, 4000002, undefined, error);
}

/**
 * How long an aborted running job may go on before its worker is replaced (a running
 * recognition cannot be interrupted otherwise): twice the recent average job time, within
 * these bounds. Measured here, replacing a tesseract.js worker takes 0.4–0.7 s alone and
 * several seconds while other workers recognise, so a typical job is cheaper to let finish;
 * below the floor replacing can never pay off, and the cap keeps an aborted huge image from
 * holding a worker for up to `jobTimeoutMs`.
 */
export const ABORT_GRACE_MS = { min: 500, max: 5000 } as const;

export interface WorkerPoolOptions<W> {
  size: number;
  /** Most jobs waiting for a worker; more new jobs are refused (`EngineBusyError`). */
  maxQueue: number;
  /** A job running longer is abandoned and its worker stopped (a hung worker never returns). */
  jobTimeoutMs: number;
  /** Starts a worker; a failure becomes `EngineStartError`. */
  start: () => Promise<W>;
  stop: (worker: W) => Promise<unknown>;
  /** Fixed grace for aborted running jobs (tests). @default see `ABORT_GRACE_MS` */
  abortGraceMs?: number;
}

interface Waiter<W> {
  followUp: boolean;
  give(worker: W): void;
  fail(error: Error): void;
}

const closedError = () => new EngineStartError('The local OCR engine was closed.');
const abortedError = () => new EngineAbortedError('The request was aborted.');

/**
 * A lazily grown pool of workers, reused across requests, with a bounded queue. Generic over
 * the worker: each engine brings its own `start` and `stop`.
 */
export function createWorkerPool<W>(options: WorkerPoolOptions<W>): WorkerPool<W> {
  const idle: W[] = [];
  const all = new Set<W>();
  const queue: Waiter<W>[] = [];
  let starting = 0;
  let closed = false;
  /** Running average job time, for `Retry-After`. */
  let averageMs = 1000;

  const hasRoom = () => all.size + starting < options.size;

  function startFor(waiter: Waiter<W>): void {
    starting += 1;
    options.start().then(
      (worker) => {
        starting -= 1;
        if (closed) {
          void options.stop(worker);
          waiter.fail(closedError());
          return;
        }
        all.add(worker);
        waiter.give(worker);
      },
      (error: unknown) => {
        starting -= 1;
        const why = error instanceof Error ? error.message : String(error);
        // A missing optional package already says, in one line, what to install.
        const message =
          error instanceof MissingPackageError
            ? why
            : `The local OCR engine could not start: ${why}`;
        waiter.fail(new EngineStartError(message, { cause: error }));
        dispatch();
      },
    );
  }

  /** Hands free (or startable) workers to waiting jobs, follow-ups first. */
  function dispatch(): void {
    while (queue.length > 0 && (idle.length > 0 || hasRoom())) {
      const index = queue.findIndex((waiter) => waiter.followUp);
      const [waiter] = queue.splice(index === -1 ? 0 : index, 1);
      const worker = idle.pop();
      if (worker === undefined) startFor(waiter!);
      else waiter!.give(worker);
    }
  }

  function release(worker: W): void {
    if (closed) return;
    idle.push(worker);
    dispatch();
  }

  /** A worker whose job failed, timed out or was abandoned may be in any state: replace it. */
  function discard(worker: W): void {
    all.delete(worker);
    void options.stop(worker).catch(() => {});
    dispatch();
  }

  function acquire(signal: AbortSignal | undefined, followUp: boolean): Promise<W> {
    if (closed) return Promise.reject(closedError());
    if (signal?.aborted) return Promise.reject(abortedError());
    const mustWait = idle.length === 0 && !hasRoom();
    if (mustWait && !followUp && queue.length >= options.maxQueue) {
      const seconds = Math.ceil((averageMs * (queue.length + 1)) / options.size / 1000);
      return Promise.reject(new EngineBusyError(Math.min(60, Math.max(1, seconds))));
    }
    return new Promise<W>((resolve, reject) => {
      const onAbort = () => {
        const index = queue.indexOf(waiter);
        if (index !== -1) queue.splice(index, 1);
        reject(abortedError());
      };
      const waiter: Waiter<W> = {
        followUp,
        give(worker) {
          signal?.removeEventListener('abort', onAbort);
          // Aborted while its worker was starting: the worker serves the next job instead.
          if (signal?.aborted) release(worker);
          else resolve(worker);
        },
        fail(error) {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      dispatch();
    });
  }

  /** Runs `job` on `worker`; settles with the job, its deadline or the caller's abort. */
  function execute<T>(worker: W, job: PoolJob<W, T>, signal: AbortSignal): Promise<T> {
    const startedAt = Date.now();
    // A job that throws synchronously still settles here and gives its worker back.
    const running = new Promise<T>((resolveJob) => resolveJob(job(worker, signal)));
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return false;
        settled = true;
        cancelTimer();
        signal.removeEventListener('abort', onAbort);
        outcome();
        return true;
      };
      const cancelTimer = startTimer(options.jobTimeoutMs, () => {
        if (
          finish(() =>
            reject(new EngineTimeoutError(`OCR took longer than ${options.jobTimeoutMs} ms.`)),
          )
        ) {
          discard(worker);
        }
      });
      const onAbort = () => {
        if (!finish(() => reject(abortedError()))) return;
        // Keep the worker if the job ends within the grace, else replace it; once either way.
        let decided = false;
        const decide = (keep: boolean) => {
          if (decided) return;
          decided = true;
          cancelGrace();
          if (keep) release(worker);
          else discard(worker);
        };
        const grace =
          options.abortGraceMs ??
          Math.min(ABORT_GRACE_MS.max, Math.max(ABORT_GRACE_MS.min, 2 * averageMs));
        const cancelGrace = startTimer(grace, () => decide(false));
        running.then(
          () => decide(true),
          () => decide(false),
        );
      };
      signal.addEventListener('abort', onAbort, { once: true });
      running.then(
        (value) => {
          if (!finish(() => resolve(value))) return;
          averageMs = averageMs * 0.8 + (Date.now() - startedAt) * 0.2;
          release(worker);
        },
        (error: unknown) => {
          // tesseract.js rejects with plain strings.
          const failure = error instanceof Error ? error : new Error(String(error));
          if (finish(() => reject(failure))) discard(worker);
        },
      );
    });
  }

  return {
    async run(job, { signal, followUp = false } = {}) {
      const worker = await acquire(signal, followUp);
      return execute(worker, job, signal ?? new AbortController().signal);
    },
    async close() {
      closed = true;
      for (const waiter of queue.splice(0)) waiter.fail(closedError());
      const workers = [...all];
      all.clear();
      idle.length = 0;
      await Promise.all(workers.map((worker) => options.stop(worker).catch(() => {})));
    },
  };
}
