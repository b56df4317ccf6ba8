/**
 * A small pool of detector threads (see `worker-source.ts`). Threads start on demand and keep
 * their loaded models across requests. Each job takes an `AbortSignal`: a job aborted while
 * waiting leaves the queue; one aborted or timed out while running terminates its thread (ONNX
 * Runtime cannot be interrupted), and the next job starts a fresh one.
 */
import { EngineStartError, EngineTimeoutError } from '../worker-pool';
import {
  detectorThreadSource,
  type ThreadInit,
  type ThreadReply,
  type ThreadRequest,
} from './worker-source';

/** A request without its id (the pool numbers them). */
export type ThreadJob = ThreadRequest extends infer R
  ? R extends ThreadRequest
    ? Omit<R, 'id'>
    : never
  : never;
export type ThreadResult<K extends ThreadJob['kind']> = Extract<ThreadReply, { kind: K }>;

export interface DetectorThreadPool {
  run<K extends ThreadJob['kind']>(
    job: Extract<ThreadJob, { kind: K }>,
    signal?: AbortSignal,
  ): Promise<ThreadResult<K>>;
  close(): Promise<void>;
}

/** The part of `node:worker_threads`' `Worker` the pool uses. */
export interface ThreadHandle {
  postMessage(message: ThreadRequest, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (reply: ThreadReply) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'exit', listener: (code: number) => void): void;
  terminate(): Promise<number>;
}

export interface DetectorThreadPoolOptions {
  size: number;
  /** Longest one job may run before its thread is terminated. */
  jobTimeoutMs: number;
  /** What each thread loads; resolved once, on the first job. */
  init: () => Promise<ThreadInit>;
  /** Starts a thread. @default a `worker_threads` Worker running `detectorThreadSource()` */
  spawn?: (init: ThreadInit) => Promise<ThreadHandle>;
}

interface Thread {
  handle: ThreadHandle;
  busy: boolean;
  ready: Promise<void>;
  current: ((reply: ThreadReply | Error) => void) | null;
}

interface Waiting {
  start: (thread: Thread) => void;
  fail: (error: Error) => void;
}

async function spawnWorker(init: ThreadInit): Promise<ThreadHandle> {
  const { Worker } = await import('node:worker_threads');
  return new Worker(detectorThreadSource(), {
    eval: true,
    workerData: init,
  }) as unknown as ThreadHandle;
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('The operation was aborted.', 'AbortError');
}

function transferList(job: ThreadJob): ArrayBuffer[] {
  const data = job.kind === 'detect' ? job.rgb : job.batch;
  return data.byteOffset === 0 &&
    data.byteLength === data.buffer.byteLength &&
    data.buffer instanceof ArrayBuffer
    ? [data.buffer]
    : [];
}

export function createDetectorThreadPool(options: DetectorThreadPoolOptions): DetectorThreadPool {
  const spawn = options.spawn ?? spawnWorker;
  const threads = new Set<Thread>();
  const waiting: Waiting[] = [];
  let init: Promise<ThreadInit> | null = null;
  let closed = false;
  let nextId = 1;

  function startThread(): Thread {
    init ??= options.init();
    const pending = init;
    pending.catch(() => {
      if (init === pending) init = null; // a later job tries again (e.g. after npm install)
    });
    const thread: Thread = {
      handle: null as unknown as ThreadHandle,
      busy: true,
      current: null,
      ready: null as unknown as Promise<void>,
    };
    thread.ready = (async () => {
      let handle: ThreadHandle;
      try {
        handle = await spawn(await pending);
      } catch (error) {
        throw error instanceof EngineStartError
          ? error
          : new EngineStartError(`The detector engine could not start: ${String(error)}`, {
              cause: error,
            });
      }
      thread.handle = handle;
      await new Promise<void>((resolve, reject) => {
        handle.on('message', (reply) => {
          if (reply.id === 0) {
            if (reply.kind === 'ready') resolve();
            else
              reject(
                new EngineStartError(
                  `The detector engine could not load its models: ${'message' in reply ? reply.message : ''}`,
                ),
              );
            return;
          }
          thread.current?.(reply);
        });
        handle.on('error', (error) => {
          reject(
            new EngineStartError(`The detector engine stopped: ${error.message}`, { cause: error }),
          );
          thread.current?.(error);
        });
        handle.on('exit', () => {
          threads.delete(thread);
          thread.current?.(new Error('The detector thread exited.'));
        });
      });
    })();
    threads.add(thread);
    return thread;
  }

  function discard(thread: Thread): void {
    threads.delete(thread);
    void thread.ready.then(
      () => thread.handle.terminate(),
      () => thread.handle?.terminate(),
    );
    const next = waiting.shift();
    if (next) acquire().then(next.start, next.fail);
  }

  function release(thread: Thread): void {
    thread.busy = false;
    const next = waiting.shift();
    if (next) {
      thread.busy = true;
      next.start(thread);
    }
  }

  function acquire(): Promise<Thread> {
    if (closed) return Promise.reject(new EngineStartError('The local OCR engine was closed.'));
    const idle = [...threads].find((thread) => !thread.busy);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    if (threads.size < options.size) return Promise.resolve(startThread());
    return new Promise((start, fail) => waiting.push({ start, fail }));
  }

  async function run<K extends ThreadJob['kind']>(
    job: Extract<ThreadJob, { kind: K }>,
    signal?: AbortSignal,
  ): Promise<ThreadResult<K>> {
    if (signal?.aborted) throw abortReason(signal);
    let entry: Waiting | undefined;
    const thread = await new Promise<Thread>((resolve, reject) => {
      const onAbort = () => {
        const index = entry ? waiting.indexOf(entry) : -1;
        if (index >= 0) waiting.splice(index, 1);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry = {
        start: (started) => {
          signal?.removeEventListener('abort', onAbort);
          if (signal?.aborted) release(started);
          else resolve(started);
        },
        fail: reject,
      };
      acquire().then(entry.start, entry.fail);
    });
    try {
      await thread.ready;
    } catch (error) {
      discard(thread);
      throw error;
    }
    const id = nextId++;
    return new Promise<ThreadResult<K>>((resolve, reject) => {
      const finish = (outcome: ThreadReply | Error, failed: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        thread.current = null;
        if (failed) {
          discard(thread);
          reject(outcome);
        } else {
          release(thread);
          resolve(outcome as ThreadResult<K>);
        }
      };
      const onAbort = () => finish(abortReason(signal!), true);
      const timer = setTimeout(
        () =>
          finish(new EngineTimeoutError(`OCR took longer than ${options.jobTimeoutMs} ms.`), true),
        options.jobTimeoutMs,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      thread.current = (reply) => {
        if (reply instanceof Error) finish(reply, true);
        else if (reply.id !== id) return;
        else if (reply.kind === 'error') finish(new Error(reply.message), false);
        else finish(reply, false);
      };
      thread.handle.postMessage({ ...job, id } as ThreadRequest, transferList(job));
    });
  }

  return {
    run,
    async close() {
      closed = true;
      for (const { fail } of waiting.splice(0))
        fail(new EngineStartError('The local OCR engine was closed.'));
      const all = [...threads];
      threads.clear();
      await Promise.all(
        all.map((thread) =>
          thread.ready
            .then(
              () => thread.handle.terminate(),
              () => thread.handle?.terminate(),
            )
            .catch(() => {}),
        ),
      );
    },
  };
}
