import type Konva from 'konva';
import {
  type Ref,
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { fitContain, type ViewTransform } from '../../core/geometry';
import type { OcrWord } from '../../core/types';
import {
  useControllableState,
  useIsomorphicLayoutEffect,
  useLatest,
  useResizeObserver,
} from '../internal';
import { defaultColorScale, defaultFormatLabel } from './colors';
import {
  createLabelCache,
  type DrawStyle,
  drawBoxes,
  drawHighlight,
  drawLabels,
  type LabelCache,
  LEGIBLE_FONT_PX,
  visibleGroups,
} from './draw';
import { exportDataURL } from './exportImage';
import { clipTo, type DrawnKey, keepFrame, visibleRect } from './frame';
import { buildModel, type OverlayModel, spatialIndex } from './model';
import type {
  OcrOverlayHandle,
  OcrOverlayProps,
  OcrOverlayState,
  OcrOverlayToDataURLOptions,
} from './types';
import { useImageSource } from './useImageSource';
import { useDevicePixelRatio } from './usePixelRatio';
import { capPixelRatio, panToShow, viewForRect } from './view';

/** Hovered/selected labels are drawn at least this large on screen. */
const FOCUS_FONT_PX = 12;
const EMPTY: readonly OcrWord[] = [];
const DEFAULT_FONT = 'system-ui, sans-serif';

type SceneFunc = (context: Konva.Context, shape: Konva.Shape) => void;

/**
 * Everything `<OcrOverlay>` does: image loading, the word model, the view transform, the three
 * canvas scene functions, selection and the imperative handle. Pointer and keyboard handling
 * live in `useOverlayInput`. Hover and zoom never set React state; they redraw layers directly.
 */
export function useOcrOverlay(props: OcrOverlayProps, ref: Ref<OcrOverlayHandle> | undefined) {
  const {
    image,
    result = null,
    minConfidence = 0,
    labels = 'auto',
    formatLabel = defaultFormatLabel,
    colorScale = defaultColorScale,
    strokeWidth = 2,
    fillOpacity = 0,
    labelFontSize,
    fontFamily = DEFAULT_FONT,
    selectedId,
    defaultSelectedId = null,
    onSelectedIdChange,
    width,
    height,
    crossOrigin,
    onImageError,
  } = props;

  const img = useImageSource(image, crossOrigin, onImageError);
  const words = result?.words ?? EMPTY;
  const model = useMemo(
    () => buildModel(words, minConfidence, colorScale),
    [words, minConfidence, colorScale],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cached widths were measured in fontFamily
  const labelCache = useMemo(
    () => createLabelCache(model.words.length, (i) => formatLabel(model.words[i]!)),
    [model, formatLabel, fontFamily],
  );
  const style: DrawStyle = useMemo(
    () => ({
      strokeWidth,
      fillOpacity,
      fontSize: labelFontSize ?? Math.max(6, Math.round(model.wordHeight * 0.5)),
      fontFamily,
    }),
    [strokeWidth, fillOpacity, labelFontSize, model, fontFamily],
  );

  const [selected, setSelected] = useControllableState<string | null, [OcrWord | null]>({
    prop: selectedId,
    defaultProp: defaultSelectedId,
    onChange: onSelectedIdChange,
  });
  const selectedIndex = selected === null ? -1 : (model.byId.get(selected) ?? -1);

  const rootRef = useRef<HTMLDivElement>(null);
  const measured = useResizeObserver(rootRef);
  const natural = img.status === 'ready' ? { width: img.width, height: img.height } : null;
  const stageWidth = Math.round(width ?? measured.width);
  const stageHeight = Math.round(
    height ?? (natural ? (stageWidth * natural.height) / natural.width : 0),
  );
  const pixelRatio = capPixelRatio(useDevicePixelRatio(), stageWidth, stageHeight);

  const stageRef = useRef<Konva.Stage>(null);
  const highlightLayerRef = useRef<Konva.Layer>(null);
  const viewRef = useRef<ViewTransform>({ scale: 1, offsetX: 0, offsetY: 0 });
  const fittedRef = useRef(true);
  const hoverRef = useRef(-1);
  const drawnRef = useRef<DrawnKey | null>(null);
  const imageDrawnRef = useRef<DrawnKey | null>(null);
  const live = useLatest({ img, selectedIndex, stageWidth, stageHeight, natural });
  // Everything the box layer draws from; a new object means the boxes must be redrawn.
  const inputs = useMemo(
    () => ({ model, labelCache, style, labels, img, stageWidth, stageHeight }),
    [model, labelCache, style, labels, img, stageWidth, stageHeight],
  );
  const latestInputs = useLatest(inputs);

  const imageScene = useCallback<SceneFunc>(
    (context) => {
      const ctx = context._context;
      const state = live.current.img;
      if (keepFrame(imageDrawnRef, ctx, state, viewRef.current)) return;
      if (state.status === 'ready') ctx.drawImage(state.source, 0, 0, state.width, state.height);
    },
    [live],
  );

  const boxScene = useCallback<SceneFunc>(
    (context) => {
      const ctx = context._context;
      const inputs = latestInputs.current;
      const { natural } = live.current;
      const view = viewRef.current;
      if (keepFrame(drawnRef, ctx, inputs, view)) return;
      if (!natural || view.scale <= 0) return;
      const { model, style, labelCache, labels } = inputs;
      ctx.save();
      clipTo(ctx, natural);
      const visible = visibleRect(view, live.current.stageWidth, live.current.stageHeight);
      const groups = visibleGroups(model, visible);
      drawBoxes(ctx, model, groups, view.scale, style);
      if (
        labels === 'always' ||
        (labels === 'auto' && style.fontSize * view.scale >= LEGIBLE_FONT_PX)
      ) {
        const all: number[] = [];
        for (const group of groups) for (let k = 0; k < group.length; k++) all.push(group[k]!);
        all.sort((a, b) => a - b);
        drawLabels(ctx, model, all, labelCache, style.fontSize, style.fontFamily);
      }
      ctx.restore();
    },
    [live, latestInputs],
  );

  const highlightScene = useCallback<SceneFunc>(
    (context) => {
      const ctx = context._context;
      const inputs = latestInputs.current;
      const { natural, selectedIndex } = live.current;
      const view = viewRef.current;
      const hover = hoverRef.current;
      if (!natural || view.scale <= 0 || (hover < 0 && selectedIndex < 0)) return;
      const { model, style, labelCache, labels } = inputs;
      ctx.save();
      clipTo(ctx, natural);
      const marked: number[] = [];
      if (hover >= 0 && hover !== selectedIndex && hover < model.words.length) {
        drawHighlight(ctx, model, hover, view.scale, style, false);
        marked.push(hover);
      }
      if (selectedIndex >= 0) {
        drawHighlight(ctx, model, selectedIndex, view.scale, style, true);
        marked.push(selectedIndex);
      }
      if (labels !== 'none') {
        const size = Math.max(style.fontSize, FOCUS_FONT_PX / view.scale);
        drawLabels(ctx, model, marked, labelCache, size, style.fontFamily);
      }
      ctx.restore();
    },
    [live, latestInputs],
  );

  /** Applies `view` to the stage transform; the box layer redraws once, on the next frame. */
  const applyView = useCallback((view: ViewTransform, sync = false) => {
    viewRef.current = view;
    const stage = stageRef.current;
    if (!stage) return;
    stage.scale({ x: view.scale, y: view.scale });
    stage.position({ x: view.offsetX, y: view.offsetY });
    if (sync) stage.draw();
    else stage.batchDraw();
  }, []);

  const fitScale = useCallback(() => {
    const { natural, stageWidth: w, stageHeight: h } = live.current;
    return natural ? fitContain(natural, { width: w, height: h }) : viewRef.current;
  }, [live]);

  const fit = useCallback(() => {
    fittedRef.current = true;
    applyView(fitScale());
  }, [applyView, fitScale]);

  /** Redraws only the small highlight layer, synchronously (hover must show within the event). */
  const redrawHighlight = useCallback(() => {
    highlightLayerRef.current?.draw();
  }, []);

  const [drawnFor, setDrawnFor] = useState<unknown>(null);
  const source = img.status === 'ready' ? img.source : null;
  const hasStage = source !== null && stageWidth > 0 && stageHeight > 0;

  // A new image starts fitted.
  useIsomorphicLayoutEffect(() => {
    fittedRef.current = true;
  }, [source]);

  // A hover index points into the old model.
  useIsomorphicLayoutEffect(() => {
    hoverRef.current = -1;
  }, [model]);

  // One effect for everything the stage draws from: pixel ratio, fit, and a synchronous draw so
  // pixels exist when React commits (and `data-state="ready"` is true when it says so).
  useIsomorphicLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage || !hasStage) return;
    for (const layer of stage.getLayers()) {
      if (layer.getCanvas().getPixelRatio() !== pixelRatio)
        layer.getCanvas().setPixelRatio(pixelRatio);
    }
    if (fittedRef.current) {
      const view = fitScale();
      viewRef.current = view;
      stage.scale({ x: view.scale, y: view.scale });
      stage.position({ x: view.offsetX, y: view.offsetY });
    }
    stage.draw();
    setDrawnFor(source);
  }, [hasStage, source, inputs, pixelRatio, stageWidth, stageHeight, fitScale]);

  // Selection changed (click, keyboard, or the controlling parent): show it, and keep it in view.
  useIsomorphicLayoutEffect(() => {
    const { natural, stageWidth: w, stageHeight: h } = live.current;
    if (selectedIndex >= 0 && natural) {
      const b = model.bounds.subarray(selectedIndex * 4, selectedIndex * 4 + 4);
      const rect = { x: b[0]!, y: b[1]!, width: b[2]! - b[0]!, height: b[3]! - b[1]! };
      const next = panToShow(viewRef.current, rect, { width: w, height: h });
      if (next.offsetX !== viewRef.current.offsetX || next.offsetY !== viewRef.current.offsetY) {
        fittedRef.current = false;
        applyView(next);
        return;
      }
    }
    redrawHighlight();
  }, [selectedIndex, model, applyView, redrawHighlight, live]);

  const toDataURL = useCallback(
    (options: OcrOverlayToDataURLOptions = {}) =>
      exportDataURL(live.current.img, latestInputs.current, options),
    [live, latestInputs],
  );

  const zoomToWord = useCallback(
    (id: string) => {
      const i = model.byId.get(id);
      const { stageWidth: w, stageHeight: h } = live.current;
      if (i === undefined || !stageRef.current) return false;
      const b = model.bounds;
      const rect = {
        x: b[i * 4]!,
        y: b[i * 4 + 1]!,
        width: b[i * 4 + 2]! - b[i * 4]!,
        height: b[i * 4 + 3]! - b[i * 4 + 1]!,
      };
      fittedRef.current = false;
      applyView(viewForRect(rect, { width: w, height: h }, fitScale().scale));
      return true;
    },
    [model, applyView, fitScale, live],
  );

  useImperativeHandle(
    ref,
    () => ({ fit, zoomToWord, toDataURL, getStage: () => stageRef.current }),
    [fit, zoomToWord, toDataURL],
  );

  // The hidden text mirror can be 10k list items; render it after the canvas has painted.
  // It waits for the first frame with pixels, then follows the model as a transition, so neither
  // mounting nor dragging the threshold slider waits for thousands of DOM nodes.
  const [mirrorOn, setMirrorOn] = useState(false);
  const painted = hasStage && drawnFor === source;
  useEffect(() => {
    if (!painted || mirrorOn) return;
    return whenIdle(() => startTransition(() => setMirrorOn(true)));
  }, [painted, mirrorOn]);
  const mirrorWords = useDeferredValue(mirrorOn ? model.words : EMPTY, EMPTY);
  // The hit-test index is built lazily; build it while idle so the first hover does not pay.
  useEffect(() => {
    if (!painted) return;
    return whenIdle(() => spatialIndex(model));
  }, [painted, model]);
  const state: OcrOverlayState =
    img.status === 'error' ? 'error' : painted && mirrorWords === model.words ? 'ready' : 'loading';

  return {
    state,
    img,
    model: model as OverlayModel,
    labelCache: labelCache as LabelCache,
    mirrorWords,
    selectedIndex,
    setSelected,
    rootRef,
    stageRef,
    highlightLayerRef,
    viewRef,
    fittedRef,
    hoverRef,
    hasStage,
    stageWidth,
    stageHeight,
    imageScene,
    boxScene,
    highlightScene,
    applyView,
    fit,
    fitScale,
    redrawHighlight,
  };
}

export type OverlayController = ReturnType<typeof useOcrOverlay>;

/**
 * Runs `task` in the first idle period after the next frame has been produced (within ~500 ms),
 * so deferred work never delays the pixels it follows. Returns a cancel function.
 */
function whenIdle(task: () => void): () => void {
  let cancel = () => {};
  const frame = requestAnimationFrame(() => {
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(task, { timeout: 500 });
        cancel = () => cancelIdleCallback(id);
      } else task();
    });
    cancel = () => clearTimeout(timer);
  });
  cancel = () => cancelAnimationFrame(frame);
  return () => cancel();
}
