import type Konva from 'konva';
import type { Size, ViewTransform } from '../../../core/geometry';
import { clipToStrips, type DrawnKey, planFrame, visibleRect } from './frame';
import type { ImageLoadState } from './image';
import { LAYER_NAMES } from './layers';
import {
  drawBoxScene,
  drawHighlightScene,
  drawImageScene,
  drawMarksScene,
  type SceneInputs,
  type SceneMarks,
} from './scene';
import { capPixelRatio } from './view';

/** What the layers are drawn from, read at draw time so a batched draw never goes stale. */
export interface StageFrame {
  image: ImageLoadState;
  scene: SceneInputs;
  marks: SceneMarks;
  /** `highlightedIds` as word indices, and their colour; a new object means "redraw them". */
  highlights: { indices: Int32Array; color: string };
  view: ViewTransform;
  stage: Size;
}

type SceneFunc = (context: Konva.Context) => void;

/**
 * Draws the overlay onto a Konva stage that a view created (react-konva's `<Stage>`): four
 * layers, one shape each, whose scene functions call the pure scene functions with the
 * current frame. The image, box and mark layers keep their pixels when asked to redraw with
 * the same inputs, and the image and box layers move them for a pan (`planFrame`); hover and
 * selection redraw only the small highlight layer.
 */
export class StageRenderer {
  #stage: Konva.Stage | null = null;
  readonly #imageDrawn: { current: DrawnKey | null } = { current: null };
  readonly #boxesDrawn: { current: DrawnKey | null } = { current: null };
  readonly #marksDrawn: { current: DrawnKey | null } = { current: null };
  /** Device pixels per CSS pixel of the layer canvases. */
  #ratio = 1;
  /** Replaced whenever what the box layer shows changes, so `planFrame` redraws it. */
  #boxesKey: object = {};
  readonly #frame: () => StageFrame;

  constructor(frame: () => StageFrame) {
    this.#frame = frame;
  }

  /** Scene functions for the three shapes (stable identities). */
  readonly scenes: Readonly<Record<keyof typeof LAYER_NAMES, SceneFunc>> = {
    image: (context) => {
      const ctx = context._context;
      const { image, view } = this.#frame();
      const plan = planFrame(this.#imageDrawn, ctx, image, view, this.#ratio);
      if (plan.kind === 'keep' || image.status !== 'ready') return;
      ctx.save();
      if (plan.kind === 'shift') clipToStrips(ctx, plan.strips, view, this.#ratio);
      drawImageScene(ctx, image.source, image);
      ctx.restore();
    },
    boxes: (context) => {
      const ctx = context._context;
      const { image, scene, view, stage } = this.#frame();
      const plan = planFrame(this.#boxesDrawn, ctx, this.#boxesKey, view, this.#ratio);
      if (plan.kind === 'keep' || image.status !== 'ready' || view.scale <= 0) return;
      ctx.save();
      const visible =
        plan.kind === 'shift'
          ? clipToStrips(ctx, plan.strips, view, this.#ratio)
          : visibleRect(view, stage.width, stage.height);
      drawBoxScene(ctx, scene, image, view.scale, visible);
      ctx.restore();
    },
    marks: (context) => {
      const ctx = context._context;
      const { image, scene, view, highlights } = this.#frame();
      if (planFrame(this.#marksDrawn, ctx, highlights, view, Number.NaN).kind === 'keep') return;
      if (image.status !== 'ready' || view.scale <= 0) return;
      drawMarksScene(ctx, scene, image, view.scale, highlights);
    },
    highlight: (context) => {
      const { image, scene, view, marks } = this.#frame();
      if (image.status !== 'ready' || view.scale <= 0) return;
      drawHighlightScene(context._context, scene, image, view.scale, marks);
    },
  };

  get stage(): Konva.Stage | null {
    return this.#stage;
  }

  attach(stage: Konva.Stage | null): void {
    this.#stage = stage;
    this.#imageDrawn.current = null;
    this.#boxesDrawn.current = null;
    this.#marksDrawn.current = null;
  }

  /** The box layer's content changed (model, style, labels, image size). */
  invalidate(): void {
    this.#boxesKey = {};
  }

  /**
   * Sizes the stage and its canvases (device pixel ratio, capped to what browsers accept),
   * applies the view and draws every layer now, so pixels exist when this returns.
   */
  render(pixelRatio: number): boolean {
    const stage = this.#stage;
    if (!stage) return false;
    const { stage: size, view } = this.#frame();
    if (size.width <= 0 || size.height <= 0) return false;
    stage.size(size);
    const ratio = capPixelRatio(pixelRatio, size.width, size.height);
    this.#ratio = ratio;
    for (const layer of stage.getLayers()) {
      if (layer.getCanvas().getPixelRatio() !== ratio) layer.getCanvas().setPixelRatio(ratio);
    }
    this.#transform(stage, view);
    stage.draw();
    return true;
  }

  /** Moves the stage to `view`; the layers redraw once, on the next animation frame. */
  applyView(view: ViewTransform): void {
    const stage = this.#stage;
    if (!stage) return;
    this.#transform(stage, view);
    stage.batchDraw();
  }

  /** Redraws only the highlight layer, synchronously (hover must show within the event). */
  drawHighlight(): void {
    this.#stage?.findOne<Konva.Layer>(`.${LAYER_NAMES.highlight}`)?.draw();
  }

  /** Redraws only the marks layer (`highlightedIds` changed). */
  drawMarks(): void {
    this.#stage?.findOne<Konva.Layer>(`.${LAYER_NAMES.marks}`)?.draw();
  }

  #transform(stage: Konva.Stage, view: ViewTransform): void {
    stage.scale({ x: view.scale, y: view.scale });
    stage.position({ x: view.offsetX, y: view.offsetY });
  }
}
