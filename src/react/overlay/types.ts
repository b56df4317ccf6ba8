import type Konva from 'konva';
import type { HTMLAttributes, KeyboardEvent, MouseEvent } from 'react';
import type { OcrError } from '../../core/errors';
import type { OcrResult, OcrWord } from '../../core/types';
import type { OcrLocale } from '../internal';
import type { OcrOverlayMessages } from './messages';
import type { OcrImageSource } from './useImageSource';

/** `data-state` of the root: `ready` = image and boxes drawn and the text mirror in the DOM. */
export type OcrOverlayState = 'loading' | 'ready' | 'error';

/**
 * When word labels are drawn. `auto`: every label once it is legible at the current zoom
 * (on-screen font size ≥ 9 CSS px), otherwise only the hovered/selected word's label.
 */
export type OcrLabelMode = 'auto' | 'always' | 'hover' | 'none';

/** The event that "clicked" a word: a pointer click, or Enter on the focused overlay. */
export type OcrWordClickEvent = MouseEvent<HTMLElement> | KeyboardEvent<HTMLElement>;

export interface OcrOverlayToDataURLOptions {
  /** @default 'image/png' */
  mimeType?: string;
  /** For lossy formats, 0..1. */
  quality?: number;
  /**
   * Output pixels per natural image pixel. Lowered automatically so the output stays within
   * 16,777,216 pixels (and 32,767 per side).
   * @default 1
   */
  pixelRatio?: number;
}

/** The `ref` of `<OcrOverlay>`. */
export interface OcrOverlayHandle {
  /** Fit the whole image in view (undoes zoom and pan). */
  fit(): void;
  /** Zoom and pan so the word is centred and large; `false` when no drawable word has that id. */
  zoomToWord(id: string): boolean;
  /**
   * The **whole image at natural resolution** (× `pixelRatio`) with its boxes and labels, not
   * the viewport. Throws an `OcrError` while the image is not loaded.
   */
  toDataURL(options?: OcrOverlayToDataURLOptions): string;
  /** The Konva stage, or `null` before the image is ready. */
  getStage(): Konva.Stage | null;
}

type RootAttributes = Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onError'>;

export interface OcrOverlayProps extends RootAttributes {
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
   * function and keep its identity stable (e.g. module-level) to avoid rebuilding the model.
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
  onWordClick?: (word: OcrWord, event: OcrWordClickEvent) => void;
  /** The word under the pointer changed. */
  onHoverChange?: (word: OcrWord | null) => void;
  /** Wheel/pinch zoom around the pointer, drag to pan, double-click to fit. @default true */
  zoom?: boolean;
  /** Stage width in CSS pixels. @default the container's width */
  width?: number;
  /** Stage height in CSS pixels. @default width × the image's aspect ratio */
  height?: number;
  /** `crossOrigin` for URL images; needed for `toDataURL` on cross-origin images. @default undefined */
  crossOrigin?: '' | 'anonymous' | 'use-credentials';
  /** The image failed to load (else the error goes to `console.error`). */
  onImageError?: (error: OcrError) => void;
  /**
   * Language of the screen-reader text and the image error.
   * @default 'en'
   */
  locale?: OcrLocale;
  /** Overrides single strings of the locale (`ocrOverlayMessages`). */
  messages?: Partial<OcrOverlayMessages>;
}

/**
 * The props `useOcrOverlay` reads; everything else (`locale`, `messages`, root attributes)
 * belongs to the view. Checked against `OcrOverlayProps` by a type test.
 */
export const OVERLAY_OPTION_KEYS = [
  'image',
  'result',
  'minConfidence',
  'labels',
  'formatLabel',
  'colorScale',
  'strokeWidth',
  'fillOpacity',
  'labelFontSize',
  'fontFamily',
  'selectedId',
  'defaultSelectedId',
  'onSelectedIdChange',
  'onWordClick',
  'onHoverChange',
  'zoom',
  'width',
  'height',
  'crossOrigin',
  'onImageError',
] as const satisfies readonly (keyof OcrOverlayProps)[];
