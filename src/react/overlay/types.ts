import type Konva from 'konva';
import type { HTMLAttributes, KeyboardEvent, MouseEvent } from 'react';
import type { OcrLocale } from '../../locales/types';
import type { OverlayExportOptions } from './engine/export';
import type { OverlayOptions } from './engine/options';
import type { OcrOverlayMessages } from './messages';

export type {
  OcrImageSource,
  OcrLabelMode,
  OcrTextLayerMode,
  OcrTextLayerState,
} from './engine/options';

/** `data-state` of the root: `ready` = image and boxes drawn, and hover, click and keyboard work. */
export type OcrOverlayState = 'loading' | 'ready' | 'error';

/** The event that "clicked" a word: a pointer click, or Enter on the focused overlay. */
export type OcrWordClickEvent = MouseEvent<HTMLElement> | KeyboardEvent<HTMLElement>;

/** Options of `toDataURL`. */
export type OcrOverlayToDataURLOptions = OverlayExportOptions;

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

/** What `useOcrOverlay` reads: the overlay's behaviour and look, without the view's strings. */
export interface OcrOverlayOptions extends OverlayOptions<OcrWordClickEvent> {}

type RootAttributes = Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onError'>;

export interface OcrOverlayProps extends OcrOverlayOptions, RootAttributes {
  /**
   * Language of the screen-reader text and the image error: a locale object, e.g. `ko` from
   * `react-ocr-overlay/locales/ko` (its `overlay` strings are used).
   * @default en (`react-ocr-overlay/locales/en`)
   */
  locale?: OcrLocale;
  /** Overrides single strings of the locale (`locale.overlay`). */
  messages?: Partial<OcrOverlayMessages>;
}

/** Every `OcrOverlayOptions` key, so the view keeps them off its root element (`splitProps`). */
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
  'maxHeight',
  'crossOrigin',
  'onImageError',
  'textLayer',
  'highlightedIds',
  'highlightColor',
] as const satisfies readonly (keyof OcrOverlayOptions)[];
