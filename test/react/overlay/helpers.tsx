import { render } from '@testing-library/react';
import type Konva from 'konva';
import { createRef } from 'react';
import { expect } from 'vitest';
import type { OcrResult, OcrWord, Point, Quad } from '../../../src/core/types';
import {
  OcrOverlay,
  type OcrOverlayHandle,
  type OcrOverlayProps,
} from '../../../src/react/overlay';

export const GREY = 128;

/** A uniform grey image as a PNG data URL (or Blob), so anything drawn on it shows up. */
export function greyCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = `rgb(${GREY},${GREY},${GREY})`;
  ctx.fillRect(0, 0, width, height);
  return canvas;
}

export const greyImageUrl = (width: number, height: number) =>
  greyCanvas(width, height).toDataURL();

export function greyImageBlob(width: number, height: number): Promise<Blob> {
  return new Promise((resolve) =>
    greyCanvas(width, height).toBlob((blob) => resolve(blob!), 'image/png'),
  );
}

/** A rectangle `w`×`h` centred on `(cx, cy)`, rotated by `degrees`. */
export function rotatedQuad(cx: number, cy: number, w: number, h: number, degrees: number): Quad {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const corner = (dx: number, dy: number): Point => ({
    x: cx + dx * cos - dy * sin,
    y: cy + dx * sin + dy * cos,
  });
  return [
    corner(-w / 2, -h / 2),
    corner(w / 2, -h / 2),
    corner(w / 2, h / 2),
    corner(-w / 2, h / 2),
  ];
}

export function makeWord(
  id: string,
  quad: Quad,
  confidence = 0.95,
  text = id,
  line = 0,
  index = 0,
): OcrWord {
  return { id, text, confidence, quad, line, index };
}

export function makeResult(words: OcrWord[]): OcrResult {
  const lines = new Map<number, OcrWord[]>();
  for (const word of words) lines.set(word.line, [...(lines.get(word.line) ?? []), word]);
  return {
    words,
    lines: [...lines.entries()].map(([index, list]) => ({ index, words: list })),
    fileType: 'png',
    slices: null,
    warnings: [],
  };
}

export interface Rendered {
  root: HTMLElement;
  handle: OcrOverlayHandle;
  stage: () => Konva.Stage;
  rerender: (props: OcrOverlayProps) => Promise<void>;
  unmount: () => void;
}

export async function waitForState(root: HTMLElement, state = 'ready'): Promise<void> {
  await expect.poll(() => root.getAttribute('data-state'), { timeout: 10_000 }).toBe(state);
}

/** Renders `<OcrOverlay>` and waits until it reports `data-state="ready"` (or `state`). */
export async function renderOverlay(props: OcrOverlayProps, state = 'ready'): Promise<Rendered> {
  const ref = createRef<OcrOverlayHandle>();
  const view = render(<OcrOverlay ref={ref} {...props} />);
  const root = view.container.querySelector<HTMLElement>('[data-ocr-overlay]')!;
  await waitForState(root, state);
  return {
    root,
    handle: ref.current!,
    stage: () => ref.current!.getStage()!,
    rerender: async (next) => {
      view.rerender(<OcrOverlay ref={ref} {...next} />);
      await waitForState(root, 'ready');
    },
    unmount: view.unmount,
  };
}

export function layerCanvas(stage: Konva.Stage, name: string): HTMLCanvasElement {
  const layer = stage.findOne<Konva.Layer>(`.${name}`);
  if (!layer) throw new Error(`No layer named ${name}`);
  return layer.getNativeCanvasElement();
}

/** RGBA of one device pixel at CSS position `(x, y)` of a layer canvas. */
export function pixelAt(
  canvas: HTMLCanvasElement,
  x: number,
  y: number,
  ratio = canvas.width / Number.parseFloat(canvas.style.width || `${canvas.width}`),
): number[] {
  const data = canvas
    .getContext('2d')!
    .getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data;
  return [...data];
}

/** All layers composited, as the user sees them, sampled at CSS `(x, y)`. */
export function screenPixel(stage: Konva.Stage, x: number, y: number): number[] {
  const first = stage.getLayers()[0]!.getNativeCanvasElement();
  const out = document.createElement('canvas');
  out.width = first.width;
  out.height = first.height;
  const ctx = out.getContext('2d')!;
  for (const layer of stage.getLayers()) ctx.drawImage(layer.getNativeCanvasElement(), 0, 0);
  return pixelAt(out, x, y, first.width / Number.parseFloat(first.style.width));
}

export const sameColor = (a: number[], b: number[], tolerance = 3) =>
  a.every((value, i) => Math.abs(value - b[i]!) <= tolerance);

export function setDevicePixelRatio(ratio: number): () => void {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  return () => {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  };
}

export const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

export const centerOf = (quad: Quad): Point => ({
  x: (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4,
  y: (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4,
});

/** Waits until the text layer is complete for the current view. */
export async function waitForTextLayer(root: HTMLElement, state = 'ready'): Promise<void> {
  await expect.poll(() => root.getAttribute('data-text-layer'), { timeout: 10_000 }).toBe(state);
}

/**
 * The text layer's lines as a reader meets them, in DOM (reading) order: hidden lines are text
 * nodes ending in a newline, placed lines one span per word.
 */
export async function textLayerLines(root: HTMLElement): Promise<string[]> {
  await waitForTextLayer(root);
  const content = root.querySelector('[data-ocr-text-content]');
  const lines: string[] = [];
  for (const run of content?.children ?? []) {
    if (run.hasAttribute('data-ocr-text-flow')) {
      lines.push(...(run.textContent ?? '').split('\n').slice(0, -1));
    } else {
      lines.push(
        [...run.querySelectorAll('[data-word-id]')].map((span) => span.textContent).join(' '),
      );
    }
  }
  return lines;
}
