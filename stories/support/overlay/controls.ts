import type { ArgTypes } from '@storybook/react-vite';
import { useMemo } from 'react';
import type { OcrWord } from '../../../src/core/types';
import {
  createColorScale,
  DEFAULT_COLOR_STOPS,
  type OcrOverlayProps,
} from '../../../src/react/overlay';

/**
 * Story controls for the overlay's function props, which the controls panel cannot edit:
 * two colour pickers build a `createColorScale`, and a text template builds a `formatLabel`.
 */
export interface OverlayControlArgs {
  /** Colour at confidence 0; with `highColor`, replaces the default ramp. */
  lowColor?: string;
  /** Colour at confidence 1. */
  highColor?: string;
  /** Label text: `{text}`, `{confidence}` (0–100), `{id}`, `{line}`, `{index}`. */
  labelTemplate?: string;
}

export const DEFAULT_LABEL_TEMPLATE = '{text} {confidence}%';

/** The overlay props that change what is drawn (all but image, result, selection, callbacks). */
export const OVERLAY_VISUAL_KEYS = [
  'minConfidence',
  'labels',
  'formatLabel',
  'colorScale',
  'strokeWidth',
  'fillOpacity',
  'labelFontSize',
  'fontFamily',
  'zoom',
  'width',
  'height',
  'maxHeight',
  'textLayer',
  'highlightColor',
] as const satisfies readonly (keyof OcrOverlayProps)[];

export type OverlayVisualProps = Pick<OcrOverlayProps, (typeof OVERLAY_VISUAL_KEYS)[number]>;

/** Okabe–Ito colours, offered next to the pickers. */
const PRESETS = ['#d55e00', '#e69f00', '#f0e442', '#009e73', '#56b4e9', '#0072b2', '#cc79a7'];

/** Any CSS colour the picker hands over (`#abc`, `rgb()`, `hsl()`, names) as `#rrggbb`. */
export function toHexColor(color: string): string {
  const context = document.createElement('canvas').getContext('2d')!;
  context.fillStyle = '#000000';
  context.fillStyle = color;
  const normalised = String(context.fillStyle);
  if (normalised.startsWith('#')) return normalised;
  // Colours with alpha come back as `rgba(r, g, b, a)`; the scale has no alpha.
  const [r = 0, g = 0, b = 0] = normalised.match(/[\d.]+/g)!.map(Number);
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** `createColorScale([low, high])`, or `undefined` (the default ramp) when neither is picked. */
export function colorScaleFromControls(
  low: string | undefined,
  high: string | undefined,
): OcrOverlayProps['colorScale'] {
  if (!low && !high) return undefined;
  const first = DEFAULT_COLOR_STOPS[0]![1];
  const last = DEFAULT_COLOR_STOPS.at(-1)![1];
  return createColorScale([toHexColor(low || first), toHexColor(high || last)]);
}

/** A `formatLabel` that fills `{text}`, `{confidence}`, `{id}`, `{line}` and `{index}`. */
export function formatLabelFromTemplate(template: string): (word: OcrWord) => string {
  return (word) =>
    template.replace(/\{(text|confidence|id|line|index)\}/g, (_, key: string) => {
      if (key === 'confidence') return String(Math.round(word.confidence * 100));
      return String(word[key as 'text' | 'id' | 'line' | 'index']);
    });
}

/**
 * The overlay props for a story's args: the control args become a colour scale and a label
 * function (stable while the controls do not change, as the overlay asks), the rest pass through.
 */
export function useOverlayControls<T extends OverlayControlArgs>(
  args: T,
): Omit<T, keyof OverlayControlArgs> & Pick<OcrOverlayProps, 'colorScale' | 'formatLabel'> {
  const { lowColor, highColor, labelTemplate, ...rest } = args;
  const colorScale = useMemo(
    () => colorScaleFromControls(lowColor, highColor),
    [lowColor, highColor],
  );
  const formatLabel = useMemo(
    () => (labelTemplate ? formatLabelFromTemplate(labelTemplate) : undefined),
    [labelTemplate],
  );
  return {
    ...rest,
    ...(colorScale ? { colorScale } : {}),
    ...(formatLabel ? { formatLabel } : {}),
  };
}

/** `argTypes` for the three control args. */
export const overlayControlArgTypes: Partial<ArgTypes<OverlayControlArgs>> = {
  lowColor: {
    control: { type: 'color', presetColors: PRESETS },
    description: 'Colour at 0 % confidence (`createColorScale([low, high])`); empty = default ramp',
    table: { category: 'appearance (story controls)' },
  },
  highColor: {
    control: { type: 'color', presetColors: PRESETS },
    description: 'Colour at 100 % confidence',
    table: { category: 'appearance (story controls)' },
  },
  labelTemplate: {
    control: 'text',
    description:
      '`formatLabel` as a template: `{text}`, `{confidence}`, `{id}`, `{line}`, `{index}`',
    table: { category: 'appearance (story controls)' },
  },
};
