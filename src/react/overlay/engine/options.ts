import type { OcrError } from '../../../core/errors';
import type { OcrResult, OcrWord } from '../../../core/types';
import { defaultColorScale, defaultFormatLabel } from './colors';

/**
 * How the words exist as DOM text. `selectable`: words in view and large enough are positioned
 * over their quads (drag-select, copy, find where drawn); `hidden`: visually hidden text only,
 * for screen readers and find-in-page; `none`: no text in the DOM.
 */
export type OcrTextLayerMode = 'selectable' | 'hidden' | 'none';

/** `data-text-layer`: `ready` once the text is complete for the current view. */
export type OcrTextLayerState = 'pending' | 'ready' | 'none';

/** What the overlay accepts as its image. */
export type OcrImageSource = string | Blob | HTMLImageElement | ImageBitmap;

/**
 * When word labels are drawn. `auto`: every label once it is legible at the current zoom
 * (on-screen font size ≥ 9 CSS px), otherwise only the hovered/selected word's label.
 */
export type OcrLabelMode = 'auto' | 'always' | 'hover' | 'none';

/**
 * Everything the overlay engine reads, framework-free. `E` is the event type a word click
 * carries (a React event in `useOcrOverlay`, a DOM event elsewhere).
 */
export interface OverlayOptions<E = unknown> {
  /** The image the words were read from. Blob URLs created for `Blob`/`File` are revoked on change/unmount. */
  image: OcrImageSource;
  /** Words to draw; coordinates in the image's natural pixels. @default null */
  result?: OcrResult | null;
  /** Words below this confidence (0..1) are neither drawn nor focusable. @default 0 */
  minConfidence?: number;
  /** @default 'auto' */
  labels?: OcrLabelMode;
  /** Label text; drawn with canvas `fillText`, never parsed as HTML. @default defaultFormatLabel */
  formatLabel?: (word: OcrWord) => string;
  /**
   * Confidence (0..1) → CSS colour. Called with confidences rounded to 0.01, so give it a pure
   * function and keep its identity stable (e.g. module-level, or `createColorScale` once) to
   * avoid rebuilding the model.
   * @default defaultColorScale
   */
  colorScale?: (confidence: number) => string;
  /** Box outline width in CSS pixels (constant at every zoom). @default 2 */
  strokeWidth?: number;
  /** Opacity of the box fill (0..1). Off by default: filling 10k quads costs as much as stroking them. @default 0 */
  fillOpacity?: number;
  /** Label font size in natural image pixels (labels scale with zoom). @default half the median word height, at least 6 */
  labelFontSize?: number;
  /** @default 'system-ui, sans-serif' */
  fontFamily?: string;
  /** Controlled selection (`null` = none). */
  selectedId?: string | null;
  /** Initial selection when uncontrolled. @default null */
  defaultSelectedId?: string | null;
  /** Called when the user selects a word (click, keyboard) or clears the selection. */
  onSelectedIdChange?: (id: string | null, word: OcrWord | null) => void;
  /** A word was clicked, tapped, or activated with Enter. */
  onWordClick?: (word: OcrWord, event: E) => void;
  /** The word under the pointer changed. */
  onHoverChange?: (word: OcrWord | null) => void;
  /** Wheel/pinch zoom around the pointer, drag to pan, double-click to fit. @default true */
  zoom?: boolean;
  /** Stage width in CSS pixels. @default the container's width */
  width?: number;
  /** Stage height in CSS pixels. @default width × the image's aspect ratio, up to `maxHeight` */
  height?: number;
  /**
   * The most height the overlay takes when `height` is not given: any CSS length (`'80vh'`,
   * `'40rem'`, `600`), or `'none'`. A taller image is fitted inside and can be zoomed and panned.
   * @default '80vh'
   */
  maxHeight?: number | string;
  /** `crossOrigin` for URL images; needed for `toDataURL` on cross-origin images. @default undefined */
  crossOrigin?: '' | 'anonymous' | 'use-credentials';
  /** The image failed to load (else the error goes to `console.error`). */
  onImageError?: (error: OcrError) => void;
  /**
   * The words as DOM text. `selectable`: words in view are real, transparent text over their
   * quads — drag to select, copy, find in page; `hidden`: visually hidden text for screen
   * readers and find-in-page; `none`: no text in the DOM.
   * @default 'selectable'
   */
  textLayer?: OcrTextLayerMode;
  /** Words to mark on the canvas (e.g. search matches), apart from hover and selection. @default [] */
  highlightedIds?: readonly string[];
  /** Colour of `highlightedIds` marks. @default '#ffd400' */
  highlightColor?: string;
}

/** The defaults, in one place for the engine and every view. */
export const OVERLAY_DEFAULTS = {
  minConfidence: 0,
  labels: 'auto',
  formatLabel: defaultFormatLabel,
  colorScale: defaultColorScale,
  strokeWidth: 2,
  fillOpacity: 0,
  fontFamily: 'system-ui, sans-serif',
  zoom: true,
  textLayer: 'selectable',
  maxHeight: '80vh',
  highlightColor: '#ffd400',
} as const satisfies Partial<OverlayOptions>;

type Defaulted = keyof typeof OVERLAY_DEFAULTS;

/** Options with every default filled in. */
export type ResolvedOverlayOptions<E = unknown> = Omit<OverlayOptions<E>, Defaulted> & {
  [K in Defaulted]-?: NonNullable<OverlayOptions<E>[K]>;
};

export function resolveOptions<E>(options: OverlayOptions<E>): ResolvedOverlayOptions<E> {
  const resolved = { ...options } as ResolvedOverlayOptions<E>;
  for (const key of Object.keys(OVERLAY_DEFAULTS) as Defaulted[]) {
    if (resolved[key] === undefined)
      (resolved as Record<Defaulted, unknown>)[key] = OVERLAY_DEFAULTS[key];
  }
  return resolved;
}
