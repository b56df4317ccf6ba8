import type { KeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useRef } from 'react';
import { type ViewTransform, viewToImage } from '../../core/geometry';
import type { Point } from '../../core/types';
import { useLatest } from '../internal';
import { hitTest } from './model';
import type { OcrOverlayProps } from './types';
import type { OverlayController } from './useOcrOverlay';
import { zoomView } from './view';

/** Pointer travel (CSS px) after which a press is a drag, not a click. */
const DRAG_SLOP = 4;

interface Gesture {
  pointers: Map<number, Point>;
  view: ViewTransform;
  start: Point;
  moved: boolean;
  pinch: { distance: number; mid: Point } | null;
}

type InputProps = Pick<OcrOverlayProps, 'zoom' | 'onWordClick' | 'onHoverChange' | 'strokeWidth'>;

const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * Pointer, wheel and keyboard handling. Hover is hit-tested against the spatial index and drawn
 * on the highlight layer synchronously; zoom and pan move the stage transform. Neither touches
 * React state; only selection does.
 */
export function useOverlayInput(c: OverlayController, props: InputProps) {
  const latest = useLatest({ c, props, zoom: props.zoom ?? true });
  const surfaceRef = useRef<HTMLDivElement>(null);
  const gesture = useRef<Gesture | null>(null);

  const local = (event: { clientX: number; clientY: number }): Point => {
    const surface = surfaceRef.current!;
    const rect = surface.getBoundingClientRect();
    // A CSS transform on an ancestor scales client coordinates, not the stage.
    const sx = surface.offsetWidth ? rect.width / surface.offsetWidth : 1;
    const sy = surface.offsetHeight ? rect.height / surface.offsetHeight : 1;
    return { x: (event.clientX - rect.left) / sx, y: (event.clientY - rect.top) / sy };
  };

  const wordAt = (point: Point): number => {
    const { c, props } = latest.current;
    const view = c.viewRef.current;
    if (view.scale <= 0) return -1;
    const tolerance = ((props.strokeWidth ?? 2) / 2 + 2) / view.scale;
    return hitTest(c.model, viewToImage(point, view), tolerance);
  };

  const setHover = (i: number) => {
    const { c, props, zoom } = latest.current;
    if (c.hoverRef.current === i) return;
    c.hoverRef.current = i;
    c.redrawHighlight();
    if (surfaceRef.current)
      surfaceRef.current.style.cursor = i >= 0 ? 'pointer' : zoom ? 'grab' : '';
    props.onHoverChange?.(i >= 0 ? c.model.words[i]! : null);
  };

  const setView = (view: ViewTransform) => {
    latest.current.c.fittedRef.current = false;
    latest.current.c.applyView(view);
  };

  const select = (i: number) => {
    const { c } = latest.current;
    const word = i >= 0 ? (c.model.words[i] ?? null) : null;
    c.setSelected(word ? word.id : null, word);
  };

  // Reads everything through `latest` (and stable helpers), so it attaches once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface) return;
    // React's wheel listener is passive; zooming must be able to stop the page from scrolling.
    const onWheel = (event: WheelEvent) => {
      const { c, zoom } = latest.current;
      if (!zoom || !c.hasStage) return;
      event.preventDefault();
      const delta = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1);
      const factor = Math.exp(-delta * (event.ctrlKey ? 0.01 : 0.002));
      setView(zoomView(c.viewRef.current, factor, local(event), c.fitScale().scale));
    };
    surface.addEventListener('wheel', onWheel, { passive: false });
    return () => surface.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const point = local(event);
    let g = gesture.current;
    if (!g) {
      g = {
        pointers: new Map(),
        view: latest.current.c.viewRef.current,
        start: point,
        moved: false,
        pinch: null,
      };
      gesture.current = g;
    }
    g.pointers.set(event.pointerId, point);
    try {
      event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic pointers cannot be captured; dragging still works while over the surface.
    }
    if (g.pointers.size === 2) {
      const [a, b] = [...g.pointers.values()] as [Point, Point];
      g.pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, mid: midpoint(a, b) };
      g.view = latest.current.c.viewRef.current;
      g.moved = true;
    }
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const point = local(event);
    const g = gesture.current;
    const { c, zoom } = latest.current;
    if (!g?.pointers.has(event.pointerId)) {
      setHover(wordAt(point));
      return;
    }
    g.pointers.set(event.pointerId, point);
    if (g.pinch && g.pointers.size >= 2) {
      if (!zoom) return;
      const [a, b] = [...g.pointers.values()] as [Point, Point];
      const mid = midpoint(a, b);
      const zoomed = zoomView(
        g.view,
        Math.hypot(a.x - b.x, a.y - b.y) / g.pinch.distance,
        g.pinch.mid,
        c.fitScale().scale,
      );
      setView({
        ...zoomed,
        offsetX: zoomed.offsetX + mid.x - g.pinch.mid.x,
        offsetY: zoomed.offsetY + mid.y - g.pinch.mid.y,
      });
      return;
    }
    const dx = point.x - g.start.x;
    const dy = point.y - g.start.y;
    if (!g.moved && Math.hypot(dx, dy) > DRAG_SLOP) g.moved = true;
    if (g.moved && zoom) {
      if (surfaceRef.current) surfaceRef.current.style.cursor = 'grabbing';
      setView({ scale: g.view.scale, offsetX: g.view.offsetX + dx, offsetY: g.view.offsetY + dy });
    }
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (!g?.pointers.delete(event.pointerId)) return;
    if (g.pointers.size > 0) return;
    gesture.current = null;
    if (surfaceRef.current) surfaceRef.current.style.cursor = latest.current.zoom ? 'grab' : '';
    if (g.moved) return;
    const i = wordAt(local(event));
    const word = latest.current.c.model.words[i];
    if (word) latest.current.props.onWordClick?.(word, event);
    select(i);
  };

  const onPointerCancel = (event: ReactPointerEvent<HTMLDivElement>) => {
    gesture.current?.pointers.delete(event.pointerId);
    if (gesture.current?.pointers.size === 0) gesture.current = null;
  };

  const onPointerLeave = () => {
    if (!gesture.current) setHover(-1);
  };

  const onDoubleClick = () => {
    if (latest.current.zoom) latest.current.c.fit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const { c, props, zoom } = latest.current;
    const n = c.model.words.length;
    const current = c.selectedIndex;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        if (n) next = current < 0 ? 0 : Math.min(n - 1, current + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        if (n) next = current < 0 ? n - 1 : Math.max(0, current - 1);
        break;
      case 'Home':
        if (n) next = 0;
        break;
      case 'End':
        if (n) next = n - 1;
        break;
      case 'Tab':
        // Past either end, Tab leaves the overlay: the words are not a keyboard trap.
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        if (event.shiftKey ? current > 0 : current < n - 1)
          next = event.shiftKey ? current - 1 : current + 1;
        break;
      case 'Enter':
        if (current >= 0) {
          event.preventDefault();
          props.onWordClick?.(c.model.words[current]!, event);
        }
        return;
      case 'Escape':
        if (current >= 0) {
          event.preventDefault();
          select(-1);
        }
        return;
      case '+':
      case '=':
      case '-':
      case '0': {
        if (!zoom || !c.hasStage) return;
        event.preventDefault();
        if (event.key === '0') c.fit();
        else {
          const centre = { x: c.stageWidth / 2, y: c.stageHeight / 2 };
          setView(
            zoomView(
              c.viewRef.current,
              event.key === '-' ? 1 / 1.25 : 1.25,
              centre,
              c.fitScale().scale,
            ),
          );
        }
        return;
      }
      default:
        return;
    }
    if (next === null) return;
    event.preventDefault();
    if (next !== current) select(next);
  };

  return {
    surfaceRef,
    surfaceProps: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel,
      onPointerLeave,
      onDoubleClick,
    },
    onKeyDown,
  };
}
