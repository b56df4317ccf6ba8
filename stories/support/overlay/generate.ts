import type { OcrLine, OcrResult, OcrWord, Point, Quad } from '../../../src/core/types';

/** A small deterministic PRNG (mulberry32), so generated stories and benchmarks are repeatable. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLE = [
  'receipt',
  'total',
  '영수증',
  '피',
  '블러드',
  'coffee',
  '₩4,500',
  'card',
  'VAT',
  '2026-11-24',
  'qty',
  'thank you',
];

export interface GenerateOptions {
  /** @default 1 */
  seed?: number;
  /** Largest tilt, degrees. @default 8 */
  maxTilt?: number;
  /** Words to draw from. @default a mix of English and Korean receipt words */
  vocabulary?: readonly string[];
}

/**
 * `count` words laid out in lines over a `width`×`height` image, each a slightly tilted quad with
 * a random confidence skewed towards high values (as real OCR output is).
 */
export function generateResult(
  count: number,
  width: number,
  height: number,
  { seed = 1, maxTilt = 8, vocabulary = SAMPLE }: GenerateOptions = {},
): OcrResult {
  const rand = random(seed);
  // Cells about three times wider than tall, like words.
  const perLine = Math.max(1, Math.ceil(Math.sqrt((count * width) / height / 3)));
  const lineCount = Math.max(1, Math.ceil(count / perLine));
  const cellW = width / perLine;
  const cellH = height / lineCount;
  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  for (let line = 0; line < lineCount && words.length < count; line++) {
    const lineWords: OcrWord[] = [];
    for (let index = 0; index < perLine && words.length < count; index++) {
      const w = cellW * (0.55 + rand() * 0.35);
      const h = cellH * (0.45 + rand() * 0.3);
      const cx = (index + 0.5) * cellW;
      const cy = (line + 0.5) * cellH;
      const angle = ((rand() * 2 - 1) * maxTilt * Math.PI) / 180;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const corner = (dx: number, dy: number): Point => ({
        x: cx + dx * cos - dy * sin,
        y: cy + dx * sin + dy * cos,
      });
      const quad: Quad = [
        corner(-w / 2, -h / 2),
        corner(w / 2, -h / 2),
        corner(w / 2, h / 2),
        corner(-w / 2, h / 2),
      ];
      const confidence = Math.round((1 - rand() ** 3 * 0.9) * 1000) / 1000;
      const word: OcrWord = {
        id: `${line}-${index}`,
        text: vocabulary[Math.floor(rand() * vocabulary.length)]!,
        confidence,
        quad,
        line,
        index,
      };
      words.push(word);
      lineWords.push(word);
    }
    lines.push({ index: line, words: lineWords });
  }
  return { words, lines, fileType: 'png', slices: null, warnings: [] };
}

/** A paper-coloured canvas with faint ruled lines, to stand in for a photo. Browser only. */
export function paperCanvas(width: number, height: number, seed = 7): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  const gradient = ctx.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#f4efe4');
  gradient.addColorStop(1, '#d9d1bf');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);
  const rand = random(seed);
  ctx.fillStyle = 'rgba(60,50,40,0.35)';
  for (let y = 12; y < height; y += 18) {
    for (let x = 10; x < width - 20; x += 14 + rand() * 30) {
      ctx.fillRect(x, y, 6 + rand() * 20, 5);
    }
  }
  return canvas;
}
