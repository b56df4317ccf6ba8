import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readImageHeader } from '../../src/core/image-header';
import { jpegHead, pngHead, withExifOrientation } from '../react/uploader/support';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/real/${name}`, import.meta.url)));

describe('readImageHeader', () => {
  test.each([
    ['icdar2015-img_1.jpg', 1280, 720],
    ['wildreceipt-1.jpeg', 1600, 1200],
    ['wildreceipt-2.jpeg', 348, 348],
  ])('reads the size of the real photo %s', (name, width, height) => {
    expect(readImageHeader(fixture(name))).toEqual({
      format: 'image/jpeg',
      width,
      height,
      orientation: 1,
    });
  });

  test('reads the size from the first 1 kB only, without the rest of the file', () => {
    expect(readImageHeader(fixture('wildreceipt-1.jpeg').subarray(0, 1024))).toMatchObject({
      width: 1600,
      height: 1200,
    });
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8])('EXIF orientation %i (both byte orders)', (orientation) => {
    const swapped = orientation >= 5;
    for (const little of [false, true]) {
      const bytes = withExifOrientation(jpegHead(300, 200), orientation, little);
      expect(readImageHeader(bytes)).toEqual({
        format: 'image/jpeg',
        width: swapped ? 200 : 300,
        height: swapped ? 300 : 200,
        orientation,
      });
    }
  });

  test('a 30,000 × 30,000 JPEG or PNG is measured from its header', () => {
    expect(readImageHeader(jpegHead(30_000, 30_000))).toMatchObject({ width: 30_000 });
    expect(readImageHeader(pngHead(30_000, 30_000))).toMatchObject({
      format: 'image/png',
      width: 30_000,
      height: 30_000,
    });
  });

  test('a JPEG cut before its frame header has no size', () => {
    expect(readImageHeader(jpegHead(10, 10).subarray(0, 12))).toEqual({
      format: 'image/jpeg',
      width: null,
      height: null,
      orientation: 1,
    });
  });

  test('GIF, BMP and the three WebP flavours', () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x2c, 0x01, 0xc8, 0x00]);
    expect(readImageHeader(gif)).toMatchObject({ format: 'image/gif', width: 300, height: 200 });

    const bmp = new Uint8Array(54);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 640, true);
    new DataView(bmp.buffer).setInt32(22, -480, true); // top-down
    expect(readImageHeader(bmp)).toMatchObject({ format: 'image/bmp', width: 640, height: 480 });

    const riff = (chunk: string, fill: (view: DataView) => void) => {
      const bytes = new Uint8Array(40);
      bytes.set([...'RIFF'].map((c) => c.charCodeAt(0)));
      bytes.set(
        [...`WEBP${chunk}`].map((c) => c.charCodeAt(0)),
        8,
      );
      fill(new DataView(bytes.buffer));
      return bytes;
    };
    const lossy = riff('VP8 ', (v) => {
      v.setUint16(26, 400, true);
      v.setUint16(28, 300, true);
    });
    const lossless = riff('VP8L', (v) => v.setUint32(21, (400 - 1) | ((300 - 1) << 14), true));
    const extended = riff('VP8X', (v) => {
      v.setUint16(24, 4000 - 1, true);
      v.setUint16(27, 3000 - 1, true);
    });
    expect(readImageHeader(lossy)).toMatchObject({ format: 'image/webp', width: 400, height: 300 });
    expect(readImageHeader(lossless)).toMatchObject({ width: 400, height: 300 });
    expect(readImageHeader(extended)).toMatchObject({ width: 4000, height: 3000 });
  });

  test('AVIF is recognised without a size; text is not an image', () => {
    const avif = new Uint8Array([0, 0, 0, 28, ...[...'ftypavif'].map((c) => c.charCodeAt(0))]);
    expect(readImageHeader(avif)).toEqual({
      format: 'image/avif',
      width: null,
      height: null,
      orientation: 1,
    });
    expect(readImageHeader(new TextEncoder().encode('hello, world'))).toBeNull();
    expect(readImageHeader(new Uint8Array())).toBeNull();
  });

  test('property: never throws on arbitrary bytes, even after a valid signature', () => {
    const prefixes = [[], [0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 300 }), (p, rest) => {
        readImageHeader(new Uint8Array([...p, ...rest]));
      }),
      { numRuns: 2000 },
    );
  });

  test('property: any JPEG size and orientation round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 65535 }),
        fc.integer({ min: 1, max: 65535 }),
        fc.integer({ min: 1, max: 8 }),
        (width, height, orientation) => {
          const header = readImageHeader(withExifOrientation(jpegHead(width, height), orientation));
          const swap = orientation >= 5;
          expect(header).toEqual({
            format: 'image/jpeg',
            width: swap ? height : width,
            height: swap ? width : height,
            orientation,
          });
        },
      ),
    );
  });
});
