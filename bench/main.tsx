// The benchmark page: mounts one variant at a time the way a user does (container-sized, a URL
// or an <img>), and measures it with the instruments in measure.ts. bench/run.mjs drives it and
// sends the real pointer and wheel input between these calls.

import { OcrOverlay as BaselineOverlay, baselineLabel } from 'virtual:ocr-bench-baseline';
import type Konva from 'konva';
import { type ComponentType, createRef, type RefAttributes } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  OcrOverlay,
  type OcrOverlayHandle,
  type OcrOverlayProps,
  type OcrResult,
  type OcrWord,
  pointInQuad,
} from '../src/index';
import { generateResult } from '../stories/support/overlay/generate';
import photoUrl from '../test/fixtures/real/icdar2015-img_1.jpg?url';
import { core } from './core';
import {
  frame,
  longestTask,
  now,
  observeLongTasks,
  quietSince,
  recordDraws,
  recordFrames,
  settle,
  sleep,
  watchRoot,
} from './measure';
import { NaiveOverlay } from './variants';

/** The photo's natural size (icdar2015-img_1.jpg). */
const IMAGE = { width: 1280, height: 720 };
/** Input can trigger deferred work (a text layer following the view): watch this long after it. */
const TAIL_MS = 500;

export interface RunSpec {
  variant: 'ours' | 'baseline' | 'naive';
  image: 'element' | 'url';
  labels: 'auto' | 'always';
  words: number;
}

export interface MountSample {
  ready: number;
  textLayer: number;
  textLayerState: string | null;
  firstFrame: number;
  /** Longest `longtask` from mount until the text layer (or, without one, `ready`). */
  longestTask: number;
  /** Longest gap between two frames in the same span. */
  longestFrame: number;
  /** mount → the main thread is quiet (10 smooth frames in a row); input is measured after. */
  quiet: number;
  /** Client coordinates for the input run.mjs sends. */
  points: { hover: Point | null; gap: Point | null; center: Point };
}

export interface WindowSample {
  longestTask: number;
  longestFrame: number;
  /** Canvas drawing (all Konva layers) in the window. */
  canvas: number;
  /** Input event → first layer draw finished. */
  drawn: number;
  draws: number;
  frames: number;
}

interface Point {
  x: number;
  y: number;
}

type Overlay = ComponentType<OcrOverlayProps & RefAttributes<OcrOverlayHandle>>;

const container = document.getElementById('mount')!;
const photo = new Image();
const results = new Map<number, OcrResult>();
let root: Root | null = null;
const handle = createRef<OcrOverlayHandle>();
let onHover: (word: OcrWord | null) => void = () => {};
let windowStart = 0;
let windowFrames: ReturnType<typeof recordFrames> | null = null;
let windowDraws: ReturnType<typeof recordDraws> | null = null;
let inputTime = Number.NaN;

function resultFor(words: number): OcrResult {
  let result = results.get(words);
  if (!result) {
    result = generateResult(words, IMAGE.width, IMAGE.height, { seed: words + 1 });
    results.set(words, result);
  }
  return result;
}

/** A point (image pixels) near the middle that lies in no word's quad, nor within 1 px of one. */
function gapNear(result: OcrResult): Point | null {
  const cx = IMAGE.width / 2;
  const cy = IMAGE.height / 2;
  const near = result.words.filter(
    (w) => Math.abs(w.quad[0].x - cx) < 80 && Math.abs(w.quad[0].y - cy) < 80,
  );
  const free = (x: number, y: number) =>
    [
      [0, 0],
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ].every(([dx, dy]) => !near.some((w) => pointInQuad({ x: x + dx!, y: y + dy! }, w.quad)));
  for (let r = 0; r < 60; r += 0.5) {
    for (let a = 0; a < 16; a++) {
      const x = cx + r * Math.cos((a * Math.PI) / 8);
      const y = cy + r * Math.sin((a * Math.PI) / 8);
      if (free(x, y)) return { x, y };
    }
  }
  return null;
}

function inputPoints(result: OcrResult): MountSample['points'] {
  const rect = container.querySelector('canvas')!.getBoundingClientRect();
  // Fitted: the stage is the container's width, its height follows the image's aspect ratio.
  const scale = rect.width / IMAGE.width;
  const client = (p: Point) => ({ x: rect.left + p.x * scale, y: rect.top + p.y * scale });
  const word = result.words[Math.floor(result.words.length / 2)];
  const q = word?.quad;
  const gap = result.words.length ? gapNear(result) : { x: IMAGE.width / 2, y: IMAGE.height / 2 };
  return {
    hover: q ? client({ x: (q[0].x + q[2].x) / 2, y: (q[0].y + q[2].y) / 2 }) : null,
    gap: gap && client(gap),
    center: client({ x: IMAGE.width / 2, y: IMAGE.height / 2 }),
  };
}

async function mount(spec: RunSpec): Promise<MountSample> {
  const result = resultFor(spec.words);
  const Component: Overlay | null = spec.variant === 'baseline' ? BaselineOverlay : OcrOverlay;
  if (!Component) throw new Error('No baseline: set OCR_BENCH_BASELINE.');
  root = createRoot(container);
  const frames = recordFrames();
  let t0 = 0;
  const watching = spec.variant === 'naive' ? null : watchRoot(container, () => t0);
  let stage: Konva.Stage | null = null;
  t0 = now();
  if (spec.variant === 'naive') {
    root.render(
      <NaiveOverlay
        image={photo}
        result={result}
        width={container.clientWidth}
        height={Math.round((container.clientWidth * IMAGE.height) / IMAGE.width)}
        stageRef={(s) => {
          stage = s;
        }}
      />,
    );
    while (!stage) await sleep(1);
    await frame();
    const firstFrame = now() - t0;
    const { timestamps } = frames.stop();
    const quiet = await quietSince(t0);
    return {
      quiet,
      ready: Number.NaN,
      textLayer: Number.NaN,
      textLayerState: null,
      firstFrame,
      longestTask: longestTask(t0, t0 + firstFrame),
      longestFrame: longestGap(timestamps, t0, t0 + firstFrame),
      points: inputPoints(result),
    };
  }
  root.render(
    <Component
      ref={handle}
      image={spec.image === 'element' ? photo : photoUrl}
      result={result}
      labels={spec.labels}
      onHoverChange={(word) => onHover(word)}
    />,
  );
  const times = await watching!;
  const end = t0 + (Number.isNaN(times.textLayer) ? times.ready : times.textLayer);
  const quiet = await quietSince(t0);
  const { timestamps } = frames.stop();
  return {
    ...times,
    quiet,
    longestTask: longestTask(t0, end),
    longestFrame: longestGap(timestamps, t0, end),
    points: inputPoints(result),
  };
}

/** The longest gap between consecutive frames that overlaps [from, to). */
function longestGap(timestamps: readonly number[], from: number, to: number): number {
  let longest = 0;
  for (let i = 1; i < timestamps.length; i++) {
    const a = timestamps[i - 1]!;
    const b = timestamps[i]!;
    if (b > from && a < to) longest = Math.max(longest, b - a);
  }
  return longest;
}

/** Starts watching for the next `pointermove`: its time, the hover callback and the redraw. */
function armHover(): void {
  inputTime = Number.NaN;
  let hovered = Number.NaN;
  const draws = recordDraws(handle.current?.getStage());
  window.addEventListener('pointermove', (event) => (inputTime = event.timeStamp), {
    capture: true,
    once: true,
  });
  onHover = (word) => {
    if (word && Number.isNaN(hovered)) hovered = now();
  };
  hoverDone = async () => {
    const started = now();
    while (Number.isNaN(hovered) && now() - started < 1000) await sleep(5);
    await frame();
    await frame();
    const { firstEnd } = draws.stop();
    onHover = () => {};
    if (Number.isNaN(hovered)) return Number.NaN;
    return Math.max(hovered, Number.isNaN(firstEnd) ? hovered : firstEnd) - inputTime;
  };
}
let hoverDone: () => Promise<number> = async () => Number.NaN;

/** Starts a measured window before run.mjs sends input (wheel or drag). */
function beginWindow(): void {
  windowStart = now();
  inputTime = Number.NaN;
  windowFrames = recordFrames();
  windowDraws = recordDraws(handle.current?.getStage());
  for (const type of ['wheel', 'pointerdown']) {
    window.addEventListener(type, (event) => (inputTime = event.timeStamp), {
      capture: true,
      once: true,
    });
  }
}

/** Ends the window `TAIL_MS` after the last input, once deferred work had its chance. */
async function endWindow(): Promise<WindowSample> {
  await sleep(TAIL_MS);
  const end = now();
  const { timestamps } = windowFrames!.stop();
  const draws = windowDraws!.stop();
  await sleep(50);
  return {
    longestTask: longestTask(windowStart, end),
    longestFrame: longestGap(timestamps, windowStart, end),
    canvas: draws.total,
    drawn: draws.firstEnd - inputTime,
    draws: draws.count,
    frames: timestamps.length,
  };
}

async function unmount(): Promise<void> {
  root?.unmount();
  root = null;
  container.replaceChildren();
  await settle();
}

async function setup() {
  photo.src = photoUrl;
  await photo.decode();
  const longTask = observeLongTasks();
  return { baseline: BaselineOverlay ? baselineLabel : null, longTask, tailMs: TAIL_MS };
}

/** Generates (and caches) the result for `words` ahead of a mount, then lets the garbage settle. */
async function prepare(words: number): Promise<void> {
  resultFor(words);
  await settle();
}

const bench = {
  setup,
  prepare,
  mount,
  armHover,
  hover: () => hoverDone(),
  beginWindow,
  endWindow,
  unmount,
  core,
  frame,
};
export type Bench = typeof bench;
(window as unknown as { bench: Bench }).bench = bench;
document.title = 'bench ready';
