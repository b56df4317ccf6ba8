import { render, waitFor } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import type { OcrResult } from '../../../src/core/types';
import { type OcrImage, OcrUploader } from '../../../src/react/uploader';
import { bytesOf, dropFiles, makeImage, mockBackend, ok, pixelAt } from './browser-support';
import { withExifOrientation } from './support';

const { server, use, handler } = mockBackend();

/** Renders the uploader, drops `file`, waits for success and returns what onResult got. */
async function recognizeDropped(
  file: File,
  props: Partial<Parameters<typeof OcrUploader>[0]> = {},
) {
  use(handler);
  const onResult = vi.fn<(result: OcrResult, image: OcrImage) => void>();
  const { container } = render(
    <OcrUploader endpoint="/api/ocr/general" onResult={onResult} {...props} />,
  );
  const root = container.firstElementChild!;
  await dropFiles(root, [file]);
  await waitFor(() => expect(root.getAttribute('data-state')).toBe('success'));
  const [result, image] = onResult.mock.calls[0]!;
  return { result, image, received: server.received[0]!, root };
}

/** A 24-bit bottom-up BMP with the test card's quadrant colours. */
function bmpCard(width: number, height: number): File {
  const row = Math.ceil((width * 3) / 4) * 4;
  const bytes = new Uint8Array(54 + row * height);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]);
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const top = y < height / 2;
      const left = x < width / 2;
      const [r, g, b] = top
        ? left
          ? [255, 0, 0]
          : [0, 255, 0]
        : left
          ? [0, 0, 255]
          : [255, 255, 255];
      const at = 54 + (height - 1 - y) * row + x * 3;
      bytes.set([b, g, r], at);
    }
  }
  return new File([bytes], 'card.bmp', { type: 'image/bmp' });
}

const isRed = (p: { r: number; g: number; b: number }) => p.r > 200 && p.g < 60 && p.b < 60;
const isBlue = (p: { r: number; g: number; b: number }) => p.b > 200 && p.r < 60 && p.g < 60;
const isGreen = (p: { r: number; g: number; b: number }) => p.g > 200 && p.r < 60 && p.b < 60;

describe('JPEG and PNG that need nothing are sent unchanged', () => {
  test.each(['image/jpeg', 'image/png'] as const)(
    '%s: multipart field `image` holds the exact bytes',
    async (type) => {
      const file = await makeImage(64, 32, type);
      const spy = vi.spyOn(window, 'createImageBitmap');
      const { received, image } = await recognizeDropped(file);
      expect(received.url).toBe('/api/ocr/general');
      expect(received.bytes).toEqual(await bytesOf(file));
      expect(received.file!.name).toBe(file.name);
      expect(image).toMatchObject({ width: 64, height: 32, file });
      // Header read only: nothing decoded the image before upload.
      expect(spy).not.toHaveBeenCalled();
    },
  );

  test('the real 1600 × 1200 receipt photo goes out byte for byte', async () => {
    const { default: url } = await import('../../fixtures/real/wildreceipt-1.jpeg?url');
    const blob = await (await fetch(url)).blob();
    const file = new File([blob], 'wildreceipt-1.jpeg', { type: 'image/jpeg' });
    const { received, image } = await recognizeDropped(file);
    expect(received.bytes).toEqual(await bytesOf(file));
    expect(image).toMatchObject({ width: 1600, height: 1200 });
  });
});

describe('other formats are transcoded', () => {
  test('WebP → JPEG of the same size and pixels, renamed .jpg', async () => {
    const { received, image } = await recognizeDropped(await makeImage(64, 32, 'image/webp'));
    expect([...received.bytes!.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(received.file!.name).toBe('card.jpg');
    const pixel = await pixelAt(received.file!, 8, 8);
    expect(pixel).toMatchObject({ width: 64, height: 32 });
    expect(isRed(pixel)).toBe(true);
    expect(image).toMatchObject({ width: 64, height: 32 });
  });

  test('GIF → PNG of its first frame', async () => {
    // A 1 × 1 white GIF.
    const gif = Uint8Array.from(atob('R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs='), (c) =>
      c.charCodeAt(0),
    );
    const { received, image } = await recognizeDropped(
      new File([gif], 'dot.gif', { type: 'image/gif' }),
    );
    expect(received.file!.name).toBe('dot.png');
    expect(await pixelAt(received.file!, 0, 0)).toMatchObject({ width: 1, height: 1, r: 255 });
    expect(image).toMatchObject({ width: 1, height: 1 });
  });

  test('BMP (lossless) → PNG', async () => {
    const { received } = await recognizeDropped(bmpCard(40, 20));
    expect([...received.bytes!.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const pixel = await pixelAt(received.file!, 30, 15);
    expect(pixel).toMatchObject({ width: 40, height: 20, r: 255, g: 255, b: 255 });
  });
});

describe('EXIF orientation', () => {
  async function rotatedJpeg(width: number, height: number) {
    const jpeg = await bytesOf(await makeImage(width, height, 'image/jpeg'));
    return new File([withExifOrientation(jpeg, 6)], 'rotated.jpg', { type: 'image/jpeg' });
  }

  /** The displayed image, drawn as the browser shows `src`. */
  async function displayed(src: string) {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    return {
      width: img.naturalWidth,
      height: img.naturalHeight,
      at(x: number, y: number) {
        const [r, g, b] = context.getImageData(x, y, 1, 1).data;
        return { r: r!, g: g!, b: b! };
      },
    };
  }

  test('orientation 6: the backend receives upright pixels and the boxes line up', async () => {
    const file = await rotatedJpeg(64, 32);
    use(handler);
    // Orientation 6 turns the card 90° clockwise: red (top-left) ends at the top-right.
    server.respond = () => ok([{ text: 'red', box: [16, 0, 32, 0, 32, 32, 16, 32] }]);
    const { received, image, result } = await recognizeDropped(file);
    const sent = await pixelAt(received.file!, 24, 8);
    expect(sent).toMatchObject({ width: 32, height: 64 });
    expect(isRed(sent)).toBe(true);
    expect(isBlue(await pixelAt(received.file!, 8, 8))).toBe(true);
    expect(isGreen(await pixelAt(received.file!, 24, 56))).toBe(true);

    expect(image).toMatchObject({ width: 32, height: 64 });
    expect(result.words[0]!.quad).toEqual([
      { x: 16, y: 0 },
      { x: 32, y: 0 },
      { x: 32, y: 32 },
      { x: 16, y: 32 },
    ]);
    const shown = await displayed(image.src);
    expect(shown).toMatchObject({ width: 32, height: 64 });
    expect(isRed(shown.at(24, 16))).toBe(true);
  });

  test('orientation 6 with maxDimension: downsized upright upload, boxes on the original', async () => {
    const file = await rotatedJpeg(640, 320);
    server.respond = () => ok([{ text: 'red', box: [40, 0, 80, 0, 80, 80, 40, 80] }]);
    const { received, image, result } = await recognizeDropped(file, {
      preprocess: { maxDimension: 160 },
    });
    const sent = await pixelAt(received.file!, 60, 20);
    expect(sent).toMatchObject({ width: 80, height: 160 });
    expect(isRed(sent)).toBe(true);
    expect(image).toMatchObject({ width: 320, height: 640 });
    expect(result.words[0]!.quad).toEqual([
      { x: 160, y: 0 },
      { x: 320, y: 0 },
      { x: 320, y: 320 },
      { x: 160, y: 320 },
    ]);
    const shown = await displayed(image.src);
    expect(shown).toMatchObject({ width: 320, height: 640 });
    expect(isRed(shown.at(240, 160))).toBe(true);
  });
});

describe('maxDimension', () => {
  test('downsizes the longest side and scales the quads back exactly', async () => {
    server.respond = () => ok([{ text: 'all', box: [0, 0, 100, 0, 100, 50, 0, 50] }]);
    const file = await makeImage(400, 200, 'image/png');
    const { received, image, result } = await recognizeDropped(file, {
      preprocess: { maxDimension: 100 },
    });
    expect(await pixelAt(received.file!, 0, 0)).toMatchObject({ width: 100, height: 50 });
    expect(received.file!.type).toBe('image/png');
    expect(image).toMatchObject({ width: 400, height: 200 });
    expect(result.words[0]!.quad).toEqual([
      { x: 0, y: 0 },
      { x: 400, y: 0 },
      { x: 400, y: 200 },
      { x: 0, y: 200 },
    ]);
    // The original is what is shown, so the boxes are in its pixels.
    expect(await bytesOf(await (await fetch(image.src)).blob())).toEqual(await bytesOf(file));
  });

  test('an odd ratio maps the sent corners onto the original corners', async () => {
    server.respond = () => ok([{ text: 'all', box: [0, 0, 100, 0, 100, 30, 0, 30] }]);
    const { received, result } = await recognizeDropped(await makeImage(333, 100, 'image/jpeg'), {
      preprocess: { maxDimension: 100 },
    });
    expect(await pixelAt(received.file!, 0, 0)).toMatchObject({ width: 100, height: 30 });
    const corner = result.words[0]!.quad[2];
    expect(corner.x).toBeCloseTo(333, 9);
    expect(corner.y).toBeCloseTo(100, 9);
  });

  test('no effect when the image already fits', async () => {
    const file = await makeImage(300, 200, 'image/jpeg');
    const { received } = await recognizeDropped(file, { preprocess: { maxDimension: 4096 } });
    expect(received.bytes).toEqual(await bytesOf(file));
  });
});

describe('mode', () => {
  test("'auto' sends an image longer than 1 : 2.5 to the cropping endpoint", async () => {
    const { received } = await recognizeDropped(await makeImage(100, 300, 'image/png'), {
      croppingEndpoint: '/api/ocr/cropping',
    });
    expect(received.url).toBe('/api/ocr/cropping');
  });

  test("'auto' sends an image of exactly 1 : 2.5 to general", async () => {
    const file = await makeImage(100, 250, 'image/png');
    expect((await recognizeDropped(file)).received.url).toBe('/api/ocr/general');
  });

  test("'cropping' uses the endpoint + /cropping by default", async () => {
    const file = await makeImage(100, 100, 'image/png');
    const { received } = await recognizeDropped(file, { mode: 'cropping' });
    expect(received.url).toBe('/api/ocr/general/cropping');
  });
});
