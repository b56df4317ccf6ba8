import type { Size } from '../../../core/geometry';
import type { OverlayModel } from './model';
import { type TextBox, textBoxOf } from './textGeometry';

/** A label's plate: a `width`×`height` rectangle whose top-left corner is `(x, y)`, turned by `angle`. */
export interface LabelPlate {
  index: number;
  x: number;
  y: number;
  angle: number;
  width: number;
  height: number;
}

/** Rectangles as their corners and the two axes of their sides, for overlap tests. */
interface Shape {
  corners: Float64Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A plate for word box `box`: along its top edge, above it (`side` -1) or below it (`side` 1). */
function plateAt(
  box: TextBox,
  index: number,
  width: number,
  height: number,
  side: -1 | 1,
): LabelPlate {
  const offset = side < 0 ? -height : box.height;
  const sin = Math.sin(box.angle);
  const cos = Math.cos(box.angle);
  return {
    index,
    x: box.x - sin * offset,
    y: box.y + cos * offset,
    angle: box.angle,
    width,
    height,
  };
}

function shapeOf(plate: Pick<LabelPlate, 'x' | 'y' | 'angle' | 'width' | 'height'>): Shape {
  const cos = Math.cos(plate.angle);
  const sin = Math.sin(plate.angle);
  const { x, y, width: w, height: h } = plate;
  const corners = Float64Array.of(
    x,
    y,
    x + cos * w,
    y + sin * w,
    x + cos * w - sin * h,
    y + sin * w + cos * h,
    x - sin * h,
    y + cos * h,
  );
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let k = 0; k < 8; k += 2) {
    minX = Math.min(minX, corners[k]!);
    maxX = Math.max(maxX, corners[k]!);
    minY = Math.min(minY, corners[k + 1]!);
    maxY = Math.max(maxY, corners[k + 1]!);
  }
  return { corners, minX, minY, maxX, maxY };
}

/** Whether two convex quads overlap by more than `slack` (separating axis test). */
function overlap(a: Shape, b: Shape, slack: number): boolean {
  if (a.maxX <= b.minX + slack || b.maxX <= a.minX + slack) return false;
  if (a.maxY <= b.minY + slack || b.maxY <= a.minY + slack) return false;
  for (const shape of [a, b]) {
    const c = shape.corners;
    for (let e = 0; e < 2; e++) {
      const nx = -(c[e * 2 + 3]! - c[e * 2 + 1]!);
      const ny = c[e * 2 + 2]! - c[e * 2]!;
      const length = Math.sqrt(nx * nx + ny * ny) || 1;
      let aMin = Infinity;
      let aMax = -Infinity;
      let bMin = Infinity;
      let bMax = -Infinity;
      for (let k = 0; k < 8; k += 2) {
        const pa = (a.corners[k]! * nx + a.corners[k + 1]! * ny) / length;
        const pb = (b.corners[k]! * nx + b.corners[k + 1]! * ny) / length;
        aMin = Math.min(aMin, pa);
        aMax = Math.max(aMax, pa);
        bMin = Math.min(bMin, pb);
        bMax = Math.max(bMax, pb);
      }
      if (aMax <= bMin + slack || bMax <= aMin + slack) return false;
    }
  }
  return true;
}

/** A uniform grid of shapes by their bounds: finding what may overlap a rectangle is local. */
class Grid {
  readonly #cell: number;
  readonly #cells = new Map<number, Shape[]>();

  constructor(cell: number) {
    this.#cell = Math.max(1, cell);
  }

  /** Visits the keys of the cells `shape`'s bounds cover until `visit` returns true. */
  #some(shape: Shape, visit: (key: number) => boolean): boolean {
    const c = this.#cell;
    for (let gx = Math.floor(shape.minX / c); gx <= Math.floor(shape.maxX / c); gx++) {
      for (let gy = Math.floor(shape.minY / c); gy <= Math.floor(shape.maxY / c); gy++) {
        if (visit(gx * 1_000_003 + gy)) return true;
      }
    }
    return false;
  }

  add(shape: Shape): void {
    this.#some(shape, (key) => {
      const list = this.#cells.get(key);
      if (list) list.push(shape);
      else this.#cells.set(key, [shape]);
      return false;
    });
  }

  hits(shape: Shape, slack: number, except?: Shape): boolean {
    return this.#some(shape, (key) =>
      (this.#cells.get(key) ?? []).some(
        (other) => other !== except && overlap(shape, other, slack),
      ),
    );
  }
}

/**
 * Where each label goes so none covers another label or another word: on the outside of its
 * word's top edge, turned with the word, or below the word when above is taken or off the
 * image; a label with no free place is left out. Lower confidence is placed first (those are
 * the words a reader checks), then reading order. `widthOf(i)` is label `i`'s plate width,
 * `height` every plate's height (image pixels). Returns the plates in word order.
 */
export function layoutLabels(
  model: OverlayModel,
  widthOf: (index: number) => number,
  height: number,
  image: Size,
): LabelPlate[] {
  const n = model.words.length;
  const boxes = model.words.map((word) => textBoxOf(word.quad));
  const words = boxes.map((box) => shapeOf(box));
  const grid = new Grid(height * 4);
  for (const shape of words) grid.add(shape);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => model.words[a]!.confidence - model.words[b]!.confidence || a - b,
  );
  // Touching is fine: a plate sits on its word's edge, and neighbours may share an edge.
  const slack = height * 0.05;
  const placed: LabelPlate[] = [];
  for (const i of order) {
    const width = widthOf(i);
    for (const side of [-1, 1] as const) {
      const plate = plateAt(boxes[i]!, i, width, height, side);
      const shape = shapeOf(plate);
      // Off the top or bottom edge: the other side. Past the right edge: clipped, still useful.
      const inside =
        shape.minY >= -slack && shape.maxY <= image.height + slack && shape.minX < image.width;
      if (!inside || grid.hits(shape, slack, words[i])) continue;
      grid.add(shape);
      placed.push(plate);
      break;
    }
  }
  return placed.sort((a, b) => a.index - b.index);
}

/**
 * The plate for a label that is always shown (the hovered or selected word): above its word,
 * or below when above leaves the image, whatever it covers.
 */
export function focusPlate(
  model: OverlayModel,
  index: number,
  width: number,
  height: number,
): LabelPlate {
  const box = textBoxOf(model.words[index]!.quad);
  const above = plateAt(box, index, width, height, -1);
  return shapeOf(above).minY < 0 ? plateAt(box, index, width, height, 1) : above;
}
