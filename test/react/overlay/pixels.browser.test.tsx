import { describe, expect, test } from 'vitest';
import {
  centerOf,
  greyImageUrl,
  layerCanvas,
  makeResult,
  makeWord,
  midpoint,
  renderOverlay,
  rotatedQuad,
  sameColor,
  screenPixel,
  setDevicePixelRatio,
} from './helpers';

const W = 400;
const H = 300;
const quads = [rotatedQuad(120, 100, 140, 50, 30), rotatedQuad(280, 200, 160, 60, -20)];
const result = makeResult(quads.map((quad, i) => makeWord(`w${i}`, quad, 0.9, `word${i}`, i, 0)));

describe.each([0.5, 1, 2])('pixels at display scale %s', (scale) => {
  describe.each([1, 2])('devicePixelRatio %s', (ratio) => {
    test('quad edges differ from the bare image; well inside and outside do not', async () => {
      const restore = setDevicePixelRatio(ratio);
      try {
        const { stage } = await renderOverlay({
          image: greyImageUrl(W, H),
          result,
          width: W * scale,
          fillOpacity: 0,
          labels: 'none',
        });
        const image = layerCanvas(stage(), 'ocr-image-layer');
        expect(image.width).toBe(Math.floor(W * scale * ratio));
        const bare = (x: number, y: number) => {
          const ctx = image.getContext('2d')!;
          return [
            ...ctx.getImageData(Math.floor(x * scale * ratio), Math.floor(y * scale * ratio), 1, 1)
              .data,
          ];
        };
        const seen = (x: number, y: number) => screenPixel(stage(), x * scale, y * scale);
        for (const quad of quads) {
          for (let k = 0; k < 4; k++) {
            const edge = midpoint(quad[k]!, quad[(k + 1) % 4]!);
            expect(sameColor(seen(edge.x, edge.y), bare(edge.x, edge.y)), `edge ${k}`).toBe(false);
          }
          const inside = centerOf(quad);
          expect(sameColor(seen(inside.x, inside.y), bare(inside.x, inside.y))).toBe(true);
        }
        for (const [x, y] of [
          [10, 10],
          [390, 20],
          [20, 290],
          [200, 150],
        ] as const) {
          expect(sameColor(seen(x, y), bare(x, y)), `outside ${x},${y}`).toBe(true);
        }
      } finally {
        restore();
      }
    });
  });
});
