import type { OcrWord } from '../../core/types';

/**
 * Okabe–Ito colours (vermillion → orange → sky blue → blue), chosen because they stay
 * distinguishable under protanopia, deuteranopia and tritanopia. Low confidence gets the warm,
 * saturated end so it stands out on top of photos; the confident majority recedes into blue.
 */
const STOPS: ReadonlyArray<readonly [number, number, number, number]> = [
  [0, 0xd5, 0x5e, 0x00],
  [0.6, 0xe6, 0x9f, 0x00],
  [0.85, 0x56, 0xb4, 0xe9],
  [1, 0x00, 0x72, 0xb2],
];

const hex = (value: number) => Math.round(value).toString(16).padStart(2, '0');

/**
 * The default confidence colour: a colour-blind-safe ramp from vermillion (0) through orange
 * (0.6) and sky blue (0.85) to blue (1). Input is clamped to 0..1; returns `#rrggbb`.
 */
export function defaultColorScale(confidence: number): string {
  const c = Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
  let i = 1;
  while (i < STOPS.length - 1 && c > STOPS[i]![0]) i++;
  const [c0, r0, g0, b0] = STOPS[i - 1]!;
  const [c1, r1, g1, b1] = STOPS[i]!;
  const t = (c - c0) / (c1 - c0);
  return `#${hex(r0 + (r1 - r0) * t)}${hex(g0 + (g1 - g0) * t)}${hex(b0 + (b1 - b0) * t)}`;
}

/** The default label: the word's text and its confidence as a whole percentage (`"영수증 93%"`). */
export function defaultFormatLabel(word: OcrWord): string {
  return `${word.text} ${Math.round(word.confidence * 100)}%`;
}

/**
 * Colour scales are called once per confidence rounded to 0.01, not once per word: at most 101
 * distinct colours keeps the stroke batches large (the draw cost is per batch, not per word).
 */
export function quantizeConfidence(confidence: number): number {
  return Number.isFinite(confidence) ? Math.round(Math.min(1, Math.max(0, confidence)) * 100) : 0;
}
