import type Konva from 'konva';
import { createRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { OcrResult } from '../src/core/types';
import { OcrOverlay, type OcrOverlayHandle } from '../src/react/overlay';
import { generateResult, paperCanvas } from '../stories/support/overlay/generate';
import { NaiveOverlay, RawCanvas } from './variants';

const NATURAL = { width: 1600, height: 1200 };
const VIEW = { width: 800, height: 600 };

export type Variant = 'ours' | 'naive' | 'raw' | 'raw-batched';

export interface Sample {
  variant: Variant;
  words: number;
  /** mount → synchronous work done (React commit + canvas draw, or the raw draw). */
  mountSync: number;
  /** mount → the next frame has been produced (pixels on screen). */
  firstPaint: number;
  /** pointer event → highlight drawn on the canvas. */
  hover: number;
  /** Time spent redrawing for one wheel zoom step (draw work only). */
  zoomRedraw: number;
  /** wheel event → redraw finished (includes waiting for the animation frame). */
  zoomLatency: number;
}

const now = () => performance.now();
const frame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const mount = document.getElementById('mount')!;

/**
 * Between runs: collect the previous run's garbage (Chromium runs with --expose-gc) and let idle
 * work finish, so no run pays for its predecessor. The same for every variant.
 */
async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 150));
  await frame();
}

function layerDrawTime(stage: Konva.Stage): Promise<number> {
  // From the first layer's beforeDraw to the last layer's draw, in one frame.
  const layers = stage.getLayers();
  return new Promise((resolve) => {
    let start = 0;
    layers[0]!.on('beforeDraw.bench', () => {
      if (!start) start = now();
    });
    layers[layers.length - 1]!.on('draw.bench', () => {
      for (const layer of layers) layer.off('.bench');
      resolve(now() - start);
    });
  });
}

function wheelAt(target: Element, x: number, y: number): WheelEvent {
  const rect = target.getBoundingClientRect();
  return new WheelEvent('wheel', {
    deltaY: -120,
    clientX: rect.left + x,
    clientY: rect.top + y,
    bubbles: true,
    cancelable: true,
  });
}

function pointerAt(type: string, target: Element, x: number, y: number): PointerEvent {
  const rect = target.getBoundingClientRect();
  return new PointerEvent(type, {
    clientX: rect.left + x,
    clientY: rect.top + y,
    bubbles: true,
    pointerId: 1,
    pointerType: 'mouse',
  });
}

/** A word centre in view coordinates, roughly in the middle of the image. */
function probe(result: OcrResult): { x: number; y: number } {
  const word = result.words[Math.floor(result.words.length / 2)];
  if (!word) return { x: 400, y: 300 };
  const q = word.quad;
  const s = VIEW.width / NATURAL.width;
  return { x: ((q[0].x + q[2].x) / 2) * s, y: ((q[0].y + q[2].y) / 2) * s };
}

async function runOurs(
  image: ImageBitmap,
  result: OcrResult,
): Promise<Omit<Sample, 'variant' | 'words'>> {
  const ref = createRef<OcrOverlayHandle>();
  let hovered = false;
  const root: Root = createRoot(mount);
  const t0 = now();
  flushSync(() =>
    root.render(
      <OcrOverlay
        ref={ref}
        image={image}
        result={result}
        width={VIEW.width}
        onHoverChange={(word) => {
          hovered = word !== null;
        }}
      />,
    ),
  );
  const mountSync = now() - t0;
  await frame();
  const firstPaint = now() - t0;
  const surface = mount.querySelector('[data-ocr-surface]')!;
  const p = probe(result);
  const h0 = now();
  surface.dispatchEvent(pointerAt('pointermove', surface, p.x, p.y));
  const hover = now() - h0;
  if (result.words.length && !hovered) throw new Error('ours: hover did not hit a word');
  await frame();
  const stage = ref.current!.getStage()!;
  const drawn = layerDrawTime(stage);
  const z0 = now();
  surface.dispatchEvent(wheelAt(surface, p.x, p.y));
  const zoomRedraw = await drawn;
  const zoomLatency = now() - z0;
  root.unmount();
  return { mountSync, firstPaint, hover, zoomRedraw, zoomLatency };
}

async function runNaive(
  image: ImageBitmap,
  result: OcrResult,
): Promise<Omit<Sample, 'variant' | 'words'>> {
  let stage: Konva.Stage | null = null;
  const root: Root = createRoot(mount);
  const t0 = now();
  flushSync(() =>
    root.render(
      <NaiveOverlay
        image={image}
        result={result}
        width={VIEW.width}
        height={VIEW.height}
        stageRef={(s) => {
          stage = s;
        }}
      />,
    ),
  );
  const mountSync = now() - t0;
  await frame();
  const firstPaint = now() - t0;
  const s = stage as unknown as Konva.Stage;
  const content = s.content;
  const p = probe(result);
  // Hover: Konva hit graph → onMouseEnter → React state → the layer redraws on the next frame.
  const drawnAfterHover = layerDrawTime(s);
  const h0 = now();
  const rect = content.getBoundingClientRect();
  content.dispatchEvent(
    new MouseEvent('mousemove', {
      clientX: rect.left + p.x,
      clientY: rect.top + p.y,
      bubbles: true,
    }),
  );
  const hovered = await Promise.race([
    drawnAfterHover.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
  ]);
  const hover = hovered ? now() - h0 : Number.NaN;
  await frame();
  // Zoom the way Konva's docs do it: scale the stage around the pointer, batchDraw.
  const drawn = layerDrawTime(s);
  const z0 = now();
  const old = s.scaleX();
  const next = old * 1.2;
  s.scale({ x: next, y: next });
  s.position({ x: p.x - (p.x - s.x()) * 1.2, y: p.y - (p.y - s.y()) * 1.2 });
  s.batchDraw();
  const zoomRedraw = await drawn;
  const zoomLatency = now() - z0;
  root.unmount();
  return { mountSync, firstPaint, hover, zoomRedraw, zoomLatency };
}

async function runRaw(
  image: ImageBitmap,
  result: OcrResult,
  batched: boolean,
): Promise<Omit<Sample, 'variant' | 'words'>> {
  const t0 = now();
  const raw = new RawCanvas(mount, image, result, VIEW.width, VIEW.height, batched);
  raw.draw();
  const mountSync = now() - t0;
  await frame();
  const firstPaint = now() - t0;
  const p = probe(result);
  const h0 = now();
  raw.hover(p.x, p.y);
  const hover = now() - h0;
  await frame();
  const z0 = now();
  raw.scale *= 1.2;
  raw.offsetX = p.x - (p.x - raw.offsetX) * 1.2;
  raw.offsetY = p.y - (p.y - raw.offsetY) * 1.2;
  raw.draw();
  const zoomRedraw = now() - z0;
  mount.replaceChildren();
  return { mountSync, firstPaint, hover, zoomRedraw, zoomLatency: zoomRedraw };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export async function runBench(options: {
  sizes: number[];
  repeats: number;
  naiveRepeats: number;
}): Promise<Sample[]> {
  const image = await createImageBitmap(paperCanvas(NATURAL.width, NATURAL.height));
  const out: Sample[] = [];
  const variants: Variant[] = ['ours', 'naive', 'raw', 'raw-batched'];
  for (const words of options.sizes) {
    const result = generateResult(words, NATURAL.width, NATURAL.height, { seed: words + 1 });
    for (const variant of variants) {
      const runs: Omit<Sample, 'variant' | 'words'>[] = [];
      // One warm-up run (JIT, font and shader caches), then the measured runs.
      const repeats = variant === 'naive' ? options.naiveRepeats : options.repeats;
      for (let i = 0; i <= repeats; i++) {
        const run =
          variant === 'ours'
            ? await runOurs(image, result)
            : variant === 'naive'
              ? await runNaive(image, result)
              : await runRaw(image, result, variant === 'raw-batched');
        if (i > 0) runs.push(run);
        await settle();
      }
      out.push({
        variant,
        words,
        mountSync: median(runs.map((r) => r.mountSync)),
        firstPaint: median(runs.map((r) => r.firstPaint)),
        hover: median(runs.map((r) => r.hover)),
        zoomRedraw: median(runs.map((r) => r.zoomRedraw)),
        zoomLatency: median(runs.map((r) => r.zoomLatency)),
      });
    }
  }
  return out;
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
document.title = 'bench ready';
