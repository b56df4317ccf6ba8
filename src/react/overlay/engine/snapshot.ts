import type { OcrError } from '../../../core/errors';
import type { Size } from '../../../core/geometry';
import type { ImageLoadState } from './image';
import type { OverlayModel } from './model';

/** `data-state` of the overlay: `ready` = image and boxes drawn. */
export type OverlayStatus = 'loading' | 'ready' | 'error';

/** What a view renders from; a new object whenever any of it changes. */
export interface OverlaySnapshot {
  status: OverlayStatus;
  /** Why `status` is `error`: the image failed, or the overlay's deferred code did not load. */
  error: OcrError | null;
  image: ImageLoadState;
  /** Stage size in CSS pixels (height 0 until the image's aspect is known). */
  stage: Size;
  /** Whether the stage can be shown: image loaded and a non-empty size. */
  hasStage: boolean;
  model: OverlayModel;
  selectedId: string | null;
  /** Index of the selected word in `model.words`, or -1. */
  selectedIndex: number;
  zoom: boolean;
}

/** The facts a snapshot is derived from. */
export interface SnapshotFacts {
  image: ImageLoadState;
  /** The container's content size. */
  container: Size;
  /** The most height the stage may take, CSS px (`Infinity` = no limit). */
  maxHeight: number;
  /** `width` / `height` options, when given. */
  width: number | undefined;
  height: number | undefined;
  model: OverlayModel;
  selectedId: string | null;
  zoom: boolean;
  /** The image the stage was last fully drawn for (`null` = not drawn, or no stage). */
  paintedImage: ImageLoadState | null;
  /** The deferred parts' load error, if their load failed. */
  failure: OcrError | null;
}

/**
 * The snapshot for `facts`, or `previous` itself when nothing in it changed (so a view that
 * re-renders on identity renders only on real changes). The stage is `width` (default: the
 * container's) wide and as tall as the image's aspect makes it, up to `maxHeight` (the image is
 * then fitted inside and can be zoomed and panned), unless `height` is given.
 */
export function nextSnapshot(
  previous: OverlaySnapshot | null,
  facts: SnapshotFacts,
): OverlaySnapshot {
  const { image, model, selectedId } = facts;
  const natural = image.status === 'ready' ? image : null;
  const width = Math.round(facts.width ?? facts.container.width);
  const height = Math.round(
    facts.height ??
      (natural ? Math.min((width * natural.height) / natural.width, facts.maxHeight) : 0),
  );
  const stage =
    previous && previous.stage.width === width && previous.stage.height === height
      ? previous.stage
      : { width, height };
  const hasStage = natural !== null && width > 0 && height > 0;
  const error = image.status === 'error' ? image.error : facts.failure;
  const status: OverlayStatus = error
    ? 'error'
    : hasStage && facts.paintedImage === image
      ? 'ready'
      : 'loading';
  const next: OverlaySnapshot = {
    status,
    error,
    image,
    stage,
    hasStage,
    model,
    selectedId,
    selectedIndex: selectedId === null ? -1 : (model.byId.get(selectedId) ?? -1),
    zoom: facts.zoom,
  };
  const keys = Object.keys(next) as (keyof OverlaySnapshot)[];
  return previous && keys.every((key) => previous[key] === next[key]) ? previous : next;
}
