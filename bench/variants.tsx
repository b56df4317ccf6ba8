import type Konva from 'konva';
import { Fragment, useState } from 'react';
import { Image as KonvaImage, Layer, Line, Stage, Text } from 'react-konva';
import type { OcrResult, OcrWord } from '../src/core/types';
import { defaultColorScale, defaultFormatLabel } from '../src/react/overlay';

export const STROKE = 2;

/**
 * The naive overlay the issue compares against: one `<Line>` and one `<Text>` per word, Konva
 * hit graph for hover, React state for the hovered word, zoom via the stage transform.
 */
export function NaiveOverlay({
  image,
  result,
  width,
  height,
  stageRef,
}: {
  image: CanvasImageSource;
  result: OcrResult;
  width: number;
  height: number;
  stageRef: (stage: Konva.Stage | null) => void;
}) {
  const [hover, setHover] = useState<string | null>(null);
  const natural = image as { width: number; height: number };
  const scale = width / natural.width;
  return (
    <Stage ref={stageRef} width={width} height={height} scaleX={scale} scaleY={scale}>
      <Layer>
        <KonvaImage image={image} />
        {result.words.map((word: OcrWord) => (
          <Fragment key={word.id}>
            <Line
              points={word.quad.flatMap((p) => [p.x, p.y])}
              closed
              stroke={hover === word.id ? '#ffffff' : defaultColorScale(word.confidence)}
              strokeWidth={STROKE / scale}
              onMouseEnter={() => setHover(word.id)}
            />
            <Text
              x={word.quad[0].x}
              y={word.quad[0].y - 8}
              text={defaultFormatLabel(word)}
              fontSize={7}
              fill="#111"
              listening={false}
            />
          </Fragment>
        ))}
      </Layer>
    </Stage>
  );
}

/**
 * Raw canvas 2D: the same image and quads at the same stroke width, no framework. `batched`
 * groups quads by colour in paths of 32 (what `<OcrOverlay>` does); otherwise one path per quad.
 */
export class RawCanvas {
  readonly canvas: HTMLCanvasElement;
  readonly overlay: HTMLCanvasElement;
  scale: number;
  offsetX = 0;
  offsetY = 0;

  constructor(
    parent: HTMLElement,
    readonly image: CanvasImageSource & { width: number; height: number },
    readonly result: OcrResult,
    width: number,
    height: number,
    readonly batched: boolean,
  ) {
    this.scale = width / image.width;
    const make = () => {
      const c = document.createElement('canvas');
      c.width = width;
      c.height = height;
      c.style.position = 'absolute';
      c.style.left = '0';
      c.style.top = '0';
      return c;
    };
    const wrap = document.createElement('div');
    wrap.style.position = 'relative';
    wrap.style.height = `${height}px`;
    this.canvas = make();
    this.overlay = make();
    wrap.append(this.canvas, this.overlay);
    parent.append(wrap);
  }

  draw(): void {
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(this.scale, 0, 0, this.scale, this.offsetX, this.offsetY);
    ctx.drawImage(this.image, 0, 0);
    ctx.lineWidth = STROKE / this.scale;
    if (this.batched) {
      const groups = new Map<string, OcrWord[]>();
      for (const word of this.result.words) {
        const color = defaultColorScale(word.confidence);
        let group = groups.get(color);
        if (!group) {
          group = [];
          groups.set(color, group);
        }
        group.push(word);
      }
      for (const [color, words] of groups) {
        ctx.strokeStyle = color;
        for (let start = 0; start < words.length; start += 32) {
          ctx.beginPath();
          for (const word of words.slice(start, start + 32)) {
            const q = word.quad;
            ctx.moveTo(q[0].x, q[0].y);
            ctx.lineTo(q[1].x, q[1].y);
            ctx.lineTo(q[2].x, q[2].y);
            ctx.lineTo(q[3].x, q[3].y);
            ctx.closePath();
          }
          ctx.stroke();
        }
      }
      return;
    }
    for (const word of this.result.words) {
      const q = word.quad;
      ctx.strokeStyle = defaultColorScale(word.confidence);
      ctx.beginPath();
      ctx.moveTo(q[0].x, q[0].y);
      ctx.lineTo(q[1].x, q[1].y);
      ctx.lineTo(q[2].x, q[2].y);
      ctx.lineTo(q[3].x, q[3].y);
      ctx.closePath();
      ctx.stroke();
    }
  }

  /** Linear scan hit test, then one highlighted quad on the overlay canvas. */
  hover(x: number, y: number): OcrWord | null {
    const ix = (x - this.offsetX) / this.scale;
    const iy = (y - this.offsetY) / this.scale;
    let hit: OcrWord | null = null;
    for (const word of this.result.words) {
      const q = word.quad;
      let inside = false;
      for (let i = 0, j = 3; i < 4; j = i++) {
        const a = q[i]!;
        const b = q[j]!;
        if (a.y > iy !== b.y > iy && ix < a.x + ((iy - a.y) * (b.x - a.x)) / (b.y - a.y))
          inside = !inside;
      }
      if (inside) hit = word;
    }
    const ctx = this.overlay.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.overlay.width, this.overlay.height);
    if (hit) {
      ctx.setTransform(this.scale, 0, 0, this.scale, this.offsetX, this.offsetY);
      ctx.lineWidth = (STROKE + 2) / this.scale;
      ctx.strokeStyle = '#fff';
      ctx.beginPath();
      for (const p of hit.quad) ctx.lineTo(p.x, p.y);
      ctx.closePath();
      ctx.stroke();
    }
    return hit;
  }
}
