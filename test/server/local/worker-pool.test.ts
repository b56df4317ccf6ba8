import { describe, expect, it } from 'vitest';
import { errorToResponse } from '../../../src/server/envelope';
import {
  createWorkerPool,
  EngineAbortedError,
  EngineBusyError,
  EngineStartError,
  EngineTimeoutError,
  poolFailure,
  type WorkerPoolOptions,
} from '../../../src/server/local/worker-pool';

/** Workers are numbered objects; `stopped` lists the ones the pool stopped. */
function fakePool(overrides: Partial<WorkerPoolOptions<{ id: number }>> = {}) {
  let next = 0;
  const stopped: number[] = [];
  const pool = createWorkerPool<{ id: number }>({
    size: 1,
    maxQueue: 8,
    jobTimeoutMs: 10_000,
    start: async () => ({ id: ++next }),
    stop: async (worker) => {
      stopped.push(worker.id);
    },
    ...overrides,
  });
  return { pool, stopped, started: () => next };
}

/** A job the test finishes by hand; `ran` says whether it ever started. */
function gate<T = string>(value?: T) {
  let open: () => void = () => {};
  const state = { ran: false, worker: 0, signal: undefined as AbortSignal | undefined };
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const job = async (worker: { id: number }, signal: AbortSignal) => {
    state.ran = true;
    state.worker = worker.id;
    state.signal = signal;
    await opened;
    return value as T;
  };
  return { job, open, state };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createWorkerPool', () => {
  it('runs jobs on reused workers, waiting in order when all are busy', async () => {
    const { pool, started } = fakePool();
    const first = gate('a');
    const second = gate('b');
    const a = pool.run(first.job);
    const b = pool.run(second.job);
    await tick();
    expect([first.state.ran, second.state.ran]).toEqual([true, false]);
    first.open();
    second.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(second.state.worker).toBe(first.state.worker);
    expect(started()).toBe(1);
  });

  it('hands the job the signal of its run', async () => {
    const { pool } = fakePool();
    const controller = new AbortController();
    const job = gate();
    const running = pool.run(job.job, { signal: controller.signal });
    await tick();
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(EngineAbortedError);
    expect(job.state.signal?.aborted).toBe(true);
  });

  it('drops a waiting job whose signal aborts: it never starts', async () => {
    const { pool } = fakePool();
    const busy = gate();
    const waiting = gate();
    const controller = new AbortController();
    const first = pool.run(busy.job);
    const dropped = pool.run(waiting.job, { signal: controller.signal });
    await tick();
    controller.abort();
    await expect(dropped).rejects.toBeInstanceOf(EngineAbortedError);
    busy.open();
    await first;
    await tick();
    expect(waiting.state.ran).toBe(false);
  });

  it('refuses a job whose signal already aborted, without queueing it', async () => {
    const { pool, started } = fakePool();
    const job = gate();
    await expect(pool.run(job.job, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      EngineAbortedError,
    );
    expect(job.state.ran).toBe(false);
    expect(started()).toBe(0);
  });

  it('keeps the worker of an aborted job that ends within the grace', async () => {
    const { pool, stopped } = fakePool({ abortGraceMs: 5_000 });
    const controller = new AbortController();
    const job = gate();
    const aborted = pool.run(job.job, { signal: controller.signal });
    await tick();
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(EngineAbortedError);
    const next = gate('next');
    const after = pool.run(next.job);
    job.open();
    next.open();
    expect(await after).toBe('next');
    expect(next.state.worker).toBe(job.state.worker);
    expect(stopped).toEqual([]);
  });

  it('replaces the worker of an aborted job still running after the grace', async () => {
    const { pool, stopped } = fakePool({ abortGraceMs: 20 });
    const controller = new AbortController();
    const stuck = gate();
    const aborted = pool.run(stuck.job, { signal: controller.signal });
    await tick();
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(EngineAbortedError);
    const next = gate('next');
    next.open();
    expect(await pool.run(next.job)).toBe('next');
    expect(stopped).toEqual([1]);
    expect(next.state.worker).toBe(2);
  });

  it('refuses new work with EngineBusyError once maxQueue jobs wait; follow-ups still queue', async () => {
    const { pool } = fakePool({ maxQueue: 2 });
    const jobs = [gate(), gate(), gate()];
    const admitted = jobs.map((job) => pool.run(job.job));
    await tick();
    const refused = await pool.run(gate().job).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EngineBusyError);
    expect((refused as EngineBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as EngineBusyError).retryAfterSeconds).toBeLessThanOrEqual(60);
    const followUp = gate('follow-up');
    const queued = pool.run(followUp.job, { followUp: true });
    // Follow-ups are served before new work that waited longer.
    jobs[0]!.open();
    await tick();
    expect(followUp.state.ran).toBe(true);
    expect(jobs[2]!.state.ran).toBe(false);
    followUp.open();
    for (const job of jobs) job.open();
    await Promise.all([...admitted, queued]);
  });

  it('replaces a worker whose job failed, and passes the failure on as an Error', async () => {
    const { pool, stopped } = fakePool();
    await expect(
      pool.run(() => Promise.reject('tesseract says no')), // tesseract.js rejects with strings
    ).rejects.toThrow('tesseract says no');
    expect(stopped).toEqual([1]);
    expect(await pool.run(async (worker) => worker.id)).toBe(2);
  });

  it('gives the worker back when a job throws synchronously', async () => {
    const { pool, stopped } = fakePool();
    await expect(
      pool.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(stopped).toEqual([1]);
    expect(await pool.run(async () => 'still works')).toBe('still works');
  });

  it('times a job out with EngineTimeoutError and stops its worker', async () => {
    const { pool, stopped } = fakePool({ jobTimeoutMs: 20 });
    await expect(pool.run(gate().job)).rejects.toBeInstanceOf(EngineTimeoutError);
    expect(stopped).toEqual([1]);
  });

  it('reports a worker that does not start as EngineStartError, for that job only', async () => {
    let attempts = 0;
    const { pool } = fakePool({
      start: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('no language data');
        return { id: attempts };
      },
    });
    await expect(pool.run(async () => 'x')).rejects.toBeInstanceOf(EngineStartError);
    expect(await pool.run(async () => 'y')).toBe('y');
  });

  it('close() rejects waiting jobs and stops every worker', async () => {
    const { pool, stopped } = fakePool();
    void pool.run(gate().job); // still running when the pool closes
    const waiting = pool.run(gate().job);
    await tick();
    await pool.close();
    await expect(waiting).rejects.toBeInstanceOf(EngineStartError);
    expect(stopped).toEqual([1]);
    await expect(pool.run(async () => 'x')).rejects.toBeInstanceOf(EngineStartError);
  });
});

describe('poolFailure', () => {
  it.each([
    [new EngineBusyError(3), 503, 5000503],
    [new EngineAbortedError('gone'), 499, 4991000],
    [new EngineStartError('no data'), 500, 5001000],
    [new EngineTimeoutError('slow'), 504, 5041000],
    [new Error('bad image'), 400, 4000002],
  ])('%s → %i / %i', (error, status, resultCode) => {
    const response = errorToResponse(poolFailure(error));
    expect(response.status).toBe(status);
    expect(response.headers.get('retry-after')).toBe(status === 503 ? '3' : null);
    return expect(response.json()).resolves.toMatchObject({ header: { resultCode } });
  });
});
