import type { OcrWord } from '../../../core/types';

/** A colour at a confidence (0..1): `[confidence, '#rrggbb']`. */
export type OcrColorStop = readonly [confidence: number, color: string];

const hex = (value: number) => Math.round(value).toString(16).padStart(2, '0');

/** `value` within 0..1; anything not finite is 0. */
const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** `#rgb` or `#rrggbb` (the `#` optional) as `#rrggbb`; anything else throws. */
function normalizeHex(color: string): string {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!match) throw new TypeError(`createColorScale: "${color}" is not a #rgb or #rrggbb colour.`);
  const digits = match[1]!;
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits}`;
}

/** The ramp through at least two `[confidence, '#rrggbb']` stops, sorted by confidence. */
function rampOf(stops: readonly OcrColorStop[]) {
  const rgb = stops.map(([at, color]) => [
    at,
    ...[1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16)),
  ]);
  return (confidence: number): string => {
    const c = clamp01(confidence);
    let i = 1;
    while (i < rgb.length - 1 && c > rgb[i]![0]!) i++;
    const [c0, r0, g0, b0] = rgb[i - 1] as [number, number, number, number];
    const [c1, r1, g1, b1] = rgb[i] as [number, number, number, number];
    const t = c1 > c0 ? clamp01((c - c0) / (c1 - c0)) : 1;
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
  const parsed = stops.map((stop, i): OcrColorStop => {
    const [at, color] =
      typeof stop === 'string' ? [stops.length === 1 ? 0 : i / (stops.length - 1), stop] : stop;
    return [clamp01(at), normalizeHex(color)];
  });
  parsed.sort((a, b) => a[0] - b[0]);
  // One colour is a ramp from it to itself.
  return rampOf(parsed.length === 1 ? [parsed[0]!, parsed[0]!] : parsed);
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
  /* @__PURE__ */ rampOf(DEFAULT_COLOR_STOPS);

/** The default label: the word's text and its confidence as a whole percentage (`"영수증 93%"`). */
export function defaultFormatLabel(word: OcrWord): string {
  return `${word.text} ${Math.round(word.confidence * 100)}%`;
}

/**
 * Colour scales are called once per confidence rounded to 0.01, not once per word: at most 101
 * distinct colours keeps the stroke batches large (the draw cost is per batch, not per word).
 */
export function quantizeConfidence(confidence: number): number {
  return Math.round(clamp01(confidence) * 100);
}
