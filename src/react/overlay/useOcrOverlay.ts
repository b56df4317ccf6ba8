import {
  type CSSProperties,
  type HTMLAttributes,
  type KeyboardEvent,
  type Ref,
  type RefCallback,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { OcrError } from '../../core/errors';
import type { OcrWord } from '../../core/types';
import { composeEventHandlers, useIsomorphicLayoutEffect } from '../internal';
import { OverlayController } from './engine/controller';
import { OVERLAY_DEFAULTS } from './engine/options';
import type { OcrOverlayOptions, OcrOverlayState, OcrWordClickEvent } from './types';

type DivProps = HTMLAttributes<HTMLDivElement> & { ref?: Ref<HTMLDivElement> };

/** What `useOcrOverlay` gives a view. */
export interface UseOcrOverlayResult {
  /** `ready` once the image and boxes are drawn and input works; `error` if the image failed. */
  state: OcrOverlayState;
  /** Why `state` is `error`: the image's load error, or the overlay's own code failed to load. */
  error: OcrError | null;
  /** Drawable words (threshold applied) in reading order. */
  words: readonly OcrWord[];
  selectedId: string | null;
  selectedWord: OcrWord | null;
  /** Index of the selected word in `words`, or -1. */
  selectedIndex: number;
  /** The word under the pointer. Reading it subscribes the view to hover changes. */
  readonly hoveredId: string | null;
  /** Props for the root element: focus, keyboard, size. Compose yours by passing them in. */
  getRootProps(props?: DivProps): DivProps & Record<`data-${string}`, string | undefined>;
  /** Props for the element that holds `<OcrOverlayCanvas>`: pointer input, stage size. */
  getSurfaceProps(props?: DivProps): DivProps & Record<`data-${string}`, string | undefined>;
  /** The framework-free engine: `fit`, `zoomToWord`, `toDataURL`, `getStage`, `select`, `viewport`. */
  controller: OverlayController<OcrWordClickEvent>;
}

function mergeRefs<T>(ours: RefCallback<T>, theirs: Ref<T> | undefined): RefCallback<T> {
  if (!theirs) return ours;
  return (value) => {
    ours(value);
    if (typeof theirs === 'function') theirs(value);
    else (theirs as { current: T | null }).current = value;
  };
}

/**
 * The overlay's behaviour for your own markup: creates one engine (`OverlayController`) per
 * mounted component, pushes the options into it after every render, and re-renders on what a
 * view shows (state, words, selection). Zoom, pan and hover redraw the canvas without React.
 */
export function useOcrOverlay(options: OcrOverlayOptions): UseOcrOverlayResult {
  const [controller] = useState(() => new OverlayController<OcrWordClickEvent>(options));
  useIsomorphicLayoutEffect(() => controller.connect(), [controller]);
  useIsomorphicLayoutEffect(() => {
    controller.setOptions(options);
  });
  const snapshot = useSyncExternalStore(
    controller.subscribe,
    controller.getSnapshot,
    controller.getSnapshot,
  );
  const hoverTracked = useRef(false);
  useSyncExternalStore(
    controller.subscribeHover,
    () => (hoverTracked.current ? controller.hoveredIndex : -1),
    () => -1,
  );
  const { textLayer, width, height, maxHeight } = options;

  return useMemo<UseOcrOverlayResult>(() => {
    const { model, selectedIndex, error, stage, zoom, status: state } = snapshot;
    const input = controller.input;
    return {
      state,
      error,
      words: model.words,
      selectedId: snapshot.selectedId,
      selectedWord: model.words[selectedIndex] ?? null,
      selectedIndex,
      get hoveredId() {
        hoverTracked.current = true;
        return model.words[controller.hoveredIndex]?.id ?? null;
      },
      getRootProps: ({ ref, style, onKeyDown, ...props } = {}) => ({
        role: 'group',
        tabIndex: 0,
        ...props,
        ref: mergeRefs<HTMLDivElement>(controller.attachRoot, ref),
        'data-ocr-overlay': '',
        'data-state': state,
        // The engine updates it as the text layer fills in (`pending` → `ready`).
        'data-text-layer': textLayer === 'none' ? 'none' : 'pending',
        style: { position: 'relative', width: width ?? '100%', ...style },
        onKeyDown: composeEventHandlers<KeyboardEvent<HTMLDivElement>>(onKeyDown, input.keyDown),
      }),
      getSurfaceProps: ({ ref, style, ...props } = {}) => {
        const surfaceStyle: CSSProperties = {
          position: 'relative',
          width: stage.width || undefined,
          height: stage.height || undefined,
          maxHeight: height === undefined ? (maxHeight ?? OVERLAY_DEFAULTS.maxHeight) : undefined,
          touchAction: zoom ? 'none' : undefined,
          userSelect: 'none',
          cursor: zoom ? 'grab' : undefined,
          ...style,
        };
        return {
          ...props,
          ref: mergeRefs<HTMLDivElement>(controller.attachSurface, ref),
          'data-ocr-surface': '',
          style: surfaceStyle,
          onPointerDown: composeEventHandlers(props.onPointerDown, input.pointerDown),
          onPointerMove: composeEventHandlers(props.onPointerMove, input.pointerMove),
          onPointerUp: composeEventHandlers(props.onPointerUp, input.pointerUp),
          onPointerCancel: composeEventHandlers(props.onPointerCancel, input.pointerCancel),
          onPointerLeave: composeEventHandlers(props.onPointerLeave, input.pointerLeave),
          onDoubleClick: composeEventHandlers(props.onDoubleClick, input.doubleClick),
        };
      },
      controller,
    };
  }, [controller, snapshot, textLayer, width, height, maxHeight]);
}
