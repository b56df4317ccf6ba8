// Page-side instruments: long tasks, frame gaps, root attributes and Konva layer draws.
import type Konva from 'konva';

export const now = () => performance.now();

/** The next animation frame has run and its task is over (pixels are on the way to the screen). */
export const frame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collect the last run's garbage and let idle work finish, so no run pays for its predecessor. */
export async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(150);
  await frame();
}

const longTasks: { start: number; duration: number }[] = [];
let longTaskSupported = false;

/** Starts collecting `longtask` entries (tasks over 50 ms) for the whole page's life. */
export function observeLongTasks(): boolean {
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
    longTaskSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
  } catch {
    longTaskSupported = false;
  }
  return longTaskSupported;
}

/**
 * The longest `longtask` that started in [from, to): 0 when there was none (every task was
 * under 50 ms), NaN when the browser reports no long tasks at all. Entries arrive after the
 * task, so call this a frame or two after `to`.
 */
export function longestTask(from: number, to: number): number {
  if (!longTaskSupported) return Number.NaN;
  let longest = 0;
  for (const task of longTasks) {
    if (task.start >= from && task.start < to) longest = Math.max(longest, task.duration);
  }
  return longest;
}

/**
 * Our own measure next to `longtask`: the times of every animation frame while it runs. A
 * frame that cannot start because the main thread is busy shows up as a long gap between two,
 * whether or not the browser attributes the work to one task.
 */
export function recordFrames(): { stop(): { timestamps: number[] } } {
  const timestamps: number[] = [];
  let running = true;
  const tick = (time: number) => {
    if (!running) return;
    timestamps.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      return { timestamps };
    },
  };
}

/**
 * mount → the main thread is quiet again: the first of `frames` consecutive animation frames
 * that each came within `maxGap` ms of the one before (NaN if that never happened in time).
 * Work a component defers past `ready` (or past its first frame) shows up here.
 */
export async function quietSince(
  t0: number,
  { frames = 10, maxGap = 40, timeoutMs = 8_000 } = {},
): Promise<number> {
  const next = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  let last = await next();
  let runStart = last;
  let count = 0;
  while (last - t0 < timeoutMs) {
    const time = await next();
    if (time - last < maxGap) {
      if (++count >= frames) return runStart - t0;
    } else {
      count = 0;
      runStart = time;
    }
    last = time;
  }
  return Number.NaN;
}

export interface RootTimes {
  /** mount → `data-state="ready"` (NaN if it never came). */
  ready: number;
  /** mount → `data-text-layer="ready"` (NaN when the overlay has none or it never came). */
  textLayer: number;
  /** What `data-text-layer` said when we stopped waiting (`null`: the overlay sets none). */
  textLayerState: string | null;
  /** mount → the first frame after `ready`. */
  firstFrame: number;
}

/**
 * Watches the overlay's root (the first element with `data-state` under `container`) from before
 * the mount: when `data-state` and `data-text-layer` become `ready`. A MutationObserver callback
 * runs right after the commit that set the attribute, so the times are the commit's.
 */
export function watchRoot(
  container: HTMLElement,
  t0: () => number,
  { readyTimeoutMs = 10_000, textLayerTimeoutMs = 3_000 } = {},
): Promise<RootTimes> {
  return new Promise((resolve, reject) => {
    let ready = Number.NaN;
    let textLayer = Number.NaN;
    let firstFrame = Number.NaN;
    const root = () => container.querySelector<HTMLElement>('[data-state]');
    const check = () => {
      const element = root();
      if (!element) return;
      if (Number.isNaN(ready) && element.dataset.state === 'ready') ready = now() - t0();
      if (Number.isNaN(textLayer) && element.dataset.textLayer === 'ready') {
        textLayer = now() - t0();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(container, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state', 'data-text-layer'],
    });
    const finish = async () => {
      observer.disconnect();
      const state = root()?.dataset.textLayer ?? null;
      await frame();
      resolve({ ready, textLayer, textLayerState: state, firstFrame });
    };
    const poll = async () => {
      const started = now();
      while (Number.isNaN(ready)) {
        if (now() - started > readyTimeoutMs) {
          observer.disconnect();
          reject(new Error(`data-state never became "ready" (it is ${root()?.dataset.state}).`));
          return;
        }
        await sleep(5);
      }
      await frame();
      firstFrame = now() - t0();
      // Two frames to show a text layer exists at all; then wait for it, up to the timeout.
      await frame();
      check();
      const state = root()?.dataset.textLayer;
      if (state === undefined || state === 'none') return finish();
      while (Number.isNaN(textLayer) && now() - t0() < textLayerTimeoutMs) await sleep(5);
      await finish();
    };
    poll();
  });
}

/**
 * Total time the stage's layers spent drawing (Konva `beforeDraw` → `draw`) and when the first
 * draw ended, from `start()` on.
 */
export function recordDraws(stage: Konva.Stage | null | undefined) {
  const layers = stage?.getLayers() ?? [];
  let total = 0;
  let firstEnd = Number.NaN;
  let count = 0;
  const begun = new Map<Konva.Layer, number>();
  for (const layer of layers) {
    layer.on('beforeDraw.bench', () => begun.set(layer, now()));
    layer.on('draw.bench', () => {
      const start = begun.get(layer);
      if (start === undefined) return;
      const end = now();
      total += end - start;
      count++;
      if (Number.isNaN(firstEnd)) firstEnd = end;
    });
  }
  return {
    supported: layers.length > 0,
    stop() {
      for (const layer of layers) layer.off('.bench');
      return { total: layers.length ? total : Number.NaN, firstEnd, count };
    },
  };
}
