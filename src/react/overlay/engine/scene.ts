import type { Size } from '../../../core/geometry';
import {
  type DrawStyle,
  drawBoxes,
  drawHighlight,
  drawLabels,
  drawMarks,
  type LabelCache,
  LEGIBLE_FONT_PX,
  plateHeight,
  plateWidth,
  visibleGroups,
} from './draw';
import { clipTo } from './frame';
import { focusPlate, type LabelPlate, layoutLabels } from './labelLayout';
import type { OverlayModel } from './model';
import type { OcrLabelMode } from './options';

/** Hovered/selected labels are drawn at least this large on screen (CSS px). */
export const FOCUS_FONT_PX = 12;

/** What the box and highlight layers are drawn from; a new object means "redraw". */
export interface SceneInputs {
  model: OverlayModel;
  style: DrawStyle;
  labels: OcrLabelMode;
  labelCache: LabelCache;
}

/** Which words are marked on the highlight layer (indices into the model, -1 for none). */
export interface SceneMarks {
  hover: number;
  selected: number;
}

/**
 * The one rule for when every word's label is drawn: always, or in `auto` once labels are
 * legible at this scale (screen pixels per image pixel). The screen and the export share it.
 */
export function labelsShown(labels: OcrLabelMode, fontSize: number, scale: number): boolean {
  return labels === 'always' || (labels === 'auto' && fontSize * scale >= LEGIBLE_FONT_PX);
}

/** The image, filling `size` (its natural size on screen, where `ctx` is in image pixels). */
export function drawImageScene(
  ctx: CanvasRenderingContext2D,
  image: CanvasImageSource,
  size: Size,
): void {
  ctx.drawImage(image, 0, 0, size.width, size.height);
}

/**
 * Every box (and, when `labelsShown`, every label) of the words within `visible` (image pixels,
 * `null` = all). `ctx` is in image pixels; `scale` is screen (or output) pixels per image pixel.
 */
export function drawBoxScene(
  ctx: CanvasRenderingContext2D,
  scene: SceneInputs,
  natural: Size,
  scale: number,
  visible: readonly [number, number, number, number] | null,
): void {
  const { model, style, labelCache, labels } = scene;
  ctx.save();
  clipTo(ctx, natural);
  const groups = visibleGroups(model, visible);
  drawBoxes(ctx, model, groups, scale, style);
  if (labelsShown(labels, style.fontSize, scale)) {
    // By the plate's own reach: a label can stick out past its word into the drawn area.
    const plates = labelPlates(ctx, scene, natural).filter(
      (plate) =>
        !visible ||
        (plate.x - plate.height - plate.width <= visible[2] &&
          plate.x + plate.height + plate.width >= visible[0] &&
          plate.y - plate.height - plate.width <= visible[3] &&
          plate.y + plate.height + plate.width >= visible[1]),
    );
    drawLabels(ctx, model, plates, labelCache, style.fontSize, style.fontFamily);
  }
  ctx.restore();
}

const layouts = new WeakMap<SceneInputs, { natural: Size; plates: LabelPlate[] }>();

/**
 * Every label's place for this scene (computed once: widths are measured in `ctx`'s font,
 * collisions resolved in image pixels, so zoom and pan never move a label).
 */
export function labelPlates(
  ctx: CanvasRenderingContext2D,
  scene: SceneInputs,
  natural: Size,
): LabelPlate[] {
  const cached = layouts.get(scene);
  if (
    cached &&
    cached.natural.width === natural.width &&
    cached.natural.height === natural.height
  ) {
    return cached.plates;
  }
  const { model, labelCache, style } = scene;
  const plates = layoutLabels(
    model,
    (i) => plateWidth(ctx, labelCache, i, style.fontSize),
    plateHeight(style.fontSize),
    natural,
  );
  layouts.set(scene, { natural, plates });
  return plates;
}

/** The hovered and selected words' outlines and labels, drawn over the boxes. */
export function drawHighlightScene(
  ctx: CanvasRenderingContext2D,
  scene: SceneInputs,
  natural: Size,
  scale: number,
  marks: SceneMarks,
): void {
  const { model, style, labelCache, labels } = scene;
  const { hover, selected } = marks;
  if (hover < 0 && selected < 0) return;
  ctx.save();
  clipTo(ctx, natural);
  const marked: number[] = [];
  if (hover >= 0 && hover !== selected && hover < model.words.length) {
    drawHighlight(ctx, model, hover, scale, style, false);
    marked.push(hover);
  }
  if (selected >= 0) {
    drawHighlight(ctx, model, selected, scale, style, true);
    marked.push(selected);
  }
  if (labels !== 'none') {
    const size = Math.max(style.fontSize, FOCUS_FONT_PX / scale);
    const plates = marked.map((i) =>
      focusPlate(model, i, plateWidth(ctx, labelCache, i, size), plateHeight(size)),
    );
    drawLabels(ctx, model, plates, labelCache, size, style.fontFamily);
  }
  ctx.restore();
}

/** The marked words (`highlightedIds`), drawn between the boxes and the hover layer. */
export function drawMarksScene(
  ctx: CanvasRenderingContext2D,
  scene: SceneInputs,
  natural: Size,
  scale: number,
  marks: { indices: Int32Array; color: string },
): void {
  if (marks.indices.length === 0) return;
  ctx.save();
  clipTo(ctx, natural);
  drawMarks(ctx, scene.model, marks.indices, scale, marks.color);
  ctx.restore();
}
