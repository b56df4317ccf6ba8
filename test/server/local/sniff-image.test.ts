import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cropGrey,
  decodePngToGrey,
  encodeGreyPng,
  type GreyImage,
} from '../../../src/server/local/png-grey';
import { sniffImage } from '../../../src/server/local/sniff-image';

const zlib = { inflateSync, deflateSync };
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/real/${name}`, import.meta.url)));

function greyImage(width: number, height: number, seed = 1): GreyImage {
  const pixels = new Uint8Array(width * height).map((_, index) => (index * 31 + seed * 7) % 256);
  return { width, height, pixels };
}

describe('sniffImage', () => {
  it.each([
    ['icdar2015-img_1.jpg', 1280, 720],
    ['wildreceipt-1.jpeg', 1600, 1200],
  ])('reads the JPEG frame size of %s', (name, width, height) => {
    expect(sniffImage(fixture(name))).toEqual({ kind: 'image', fileType: 'jpg', width, height });
  });

  it('reads the PNG IHDR size', () => {
    const png = encodeGreyPng(greyImage(37, 11), zlib);
    expect(sniffImage(png)).toEqual({ kind: 'image', fileType: 'png', width: 37, height: 11 });
  });

  it('tells empty, unsupported and undecodable apart', () => {
    const png = encodeGreyPng(greyImage(4, 4), zlib);
    const jpeg = fixture('icdar2015-img_1.jpg');
    expect(sniffImage(new Uint8Array(0))).toEqual({ kind: 'empty' });
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toEqual({ kind: 'unsupported' });
    expect(sniffImage(new TextEncoder().encode('%PDF-1.7'))).toEqual({ kind: 'unsupported' });
    expect(sniffImage(png.subarray(0, 20))).toMatchObject({ kind: 'undecodable', fileType: 'png' });
    expect(sniffImage(png.subarray(0, png.length - 12))).toMatchObject({ kind: 'undecodable' }); // no IEND
    expect(sniffImage(jpeg.subarray(0, 40))).toMatchObject({
      kind: 'undecodable',
      fileType: 'jpg',
    });
    expect(sniffImage(Uint8Array.of(0xff, 0xd8, 0xff))).toMatchObject({ kind: 'undecodable' });
  });

  it('never throws on arbitrary bytes, with or without an image signature', () => {
    const prefixes = [[], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff]];
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 300 }),
        (prefix, tail) => {
          const result = sniffImage(Uint8Array.from([...prefix, ...tail]));
          expect(['empty', 'unsupported', 'undecodable', 'image']).toContain(result.kind);
        },
      ),
    );
  });
});

describe('png-grey', () => {
  it('round-trips: encode, decode, crop', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 255 }),
        (width, height, seed) => {
          const image = greyImage(width, height, seed);
          const decoded = decodePngToGrey(encodeGreyPng(image, zlib), zlib);
          expect(decoded).toEqual(image);
          const top = Math.floor(height / 3);
          const crop = cropGrey(image, { left: 0, top, width, height: height - top });
          expect(crop.pixels).toEqual(image.pixels.subarray(top * width));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('decodes every PNG row filter (Chromium-style RGBA PNG written with filters 0–4)', () => {
    // Build an RGBA PNG by hand, one filter per row, and check the grey conversion.
    const width = 3;
    const rgba = [
      [255, 255, 255, 255],
      [0, 0, 0, 255],
      [255, 0, 0, 255],
    ];
    const rows: number[] = [];
    for (let filter = 0; filter <= 4; filter += 1) {
      const row = rgba.flat();
      // Filtering against a previous identical row and left neighbour, computed like an encoder.
      const previous = filter === 0 ? null : rgba.flat();
      const encoded = row.map((value, x) => {
        const left = x >= 4 ? row[x - 4]! : 0;
        const up = previous && rows.length > 0 ? previous[x]! : 0;
        const upLeft = previous && rows.length > 0 && x >= 4 ? previous[x - 4]! : 0;
        const p = left + up - upLeft;
        const paeth =
          Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
            ? left
            : Math.abs(p - up) <= Math.abs(p - upLeft)
              ? up
              : upLeft;
        const predicted = [0, left, up, (left + up) >> 1, paeth][filter]!;
        return (value - predicted) & 0xff;
      });
      rows.push(filter, ...encoded);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(5, 4);
    header.set([8, 6, 0, 0, 0], 8);
    const chunk = (type: string, data: Uint8Array) => {
      const out = Buffer.alloc(12 + data.length);
      out.writeUInt32BE(data.length, 0);
      out.write(type, 4, 'latin1');
      out.set(data, 8);
      return out; // CRC is not checked by the decoder
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Uint8Array.from(rows))),
      chunk('IEND', new Uint8Array(0)),
    ]);
    const decoded = decodePngToGrey(png, zlib);
    expect(decoded.width).toBe(3);
    expect(decoded.height).toBe(5);
    for (let y = 0; y < 5; y += 1) {
      expect([...decoded.pixels.subarray(y * 3, y * 3 + 3)]).toEqual([255, 0, 76]);
    }
  });
});
