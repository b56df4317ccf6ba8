import type { OcrWord } from '../../../core/types';

/** A colour at a confidence (0..1): `[confidence, '#rrggbb']`. */
export type OcrColorStop = readonly [confidence: number, color: string];

type RgbStop = readonly [number, number, number, number];

const hex = (value: number) => Math.round(value).toString(16).padStart(2, '0');

function parseHex(color: string): [number, number, number] {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!match) throw new TypeError(`createColorScale: "${color}" is not a #rgb or #rrggbb colour.`);
  const digits = match[1]!.length === 3 ? [...match[1]!].map((d) => d + d).join('') : match[1]!;
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
}

function rampOf(stops: readonly RgbStop[]) {
  return (confidence: number): string => {
    const c = Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
    if (stops.length === 1) return `#${stops[0]!.slice(1).map(hex).join('')}`;
    let i = 1;
    while (i < stops.length - 1 && c > stops[i]![0]) i++;
    const [c0, r0, g0, b0] = stops[i - 1]!;
    const [c1, r1, g1, b1] = stops[i]!;
    const t = c1 > c0 ? Math.min(1, Math.max(0, (c - c0) / (c1 - c0))) : 1;
    return `#${hex(r0 + (r1 - r0) * t)}${hex(g0 + (g1 - g0) * t)}${hex(b0 + (b1 - b0) * t)}`;
  };
}

/**
 * A confidence colour scale for `colorScale`, interpolated in sRGB between `stops`: either
 * colours spread evenly from 0 to 1 (`['#d55e00', '#0072b2']`) or `[confidence, colour]` pairs.
 * Colours are `#rgb` / `#rrggbb`; a bad one throws a `TypeError` here, not while drawing.
 * Create it once (module level or `useMemo`): a new scale rebuilds the overlay's colour batches.
 */
export function createColorScale(
  stops: readonly (string | OcrColorStop)[],
): (confidence: number) => string {
  if (stops.length === 0) throw new TypeError('createColorScale needs at least one colour.');
  const parsed = stops.map((stop, i): RgbStop => {
    const [at, color] =
      typeof stop === 'string' ? [stops.length === 1 ? 0 : i / (stops.length - 1), stop] : stop;
    return [Math.min(1, Math.max(0, at)), ...parseHex(color)];
  });
  parsed.sort((a, b) => a[0] - b[0]);
  return rampOf(parsed);
}

/**
 * Okabe–Ito colours (vermillion → orange → sky blue → blue), chosen because they stay
 * distinguishable under protanopia, deuteranopia and tritanopia. Low confidence gets the warm,
 * saturated end so it stands out on top of photos; the confident majority recedes into blue.
 */
export const DEFAULT_COLOR_STOPS: readonly OcrColorStop[] = [
  [0, '#d55e00'],
  [0.6, '#e69f00'],
  [0.85, '#56b4e9'],
  [1, '#0072b2'],
];

/**
 * The default confidence colour: a colour-blind-safe ramp from vermillion (0) through orange
 * (0.6) and sky blue (0.85) to blue (1). Input is clamped to 0..1; returns `#rrggbb`.
 */
export const defaultColorScale: (confidence: number) => string =
  /* @__PURE__ */ createColorScale(DEFAULT_COLOR_STOPS);

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
