/**
 * Just enough PNG to cut slices for the cropping route: decode the 8-bit greyscale PNG that
 * tesseract.js hands back (`imageGrey`), copy a rectangle, encode it again. tesseract.js's own
 * `rectangle` option is not used because Tesseract's `SetRectangle` misplaces regions with the
 * LSTM engine (tesseract-ocr/tesseract#845, naptha/tesseract.js#485 and #936): asked for the
 * top of a tall image, it reads the bottom.
 */

/** 8-bit greyscale pixels, row-major. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** zlib, injected so this module stays free of Node imports. */
export interface Zlib {
  inflateSync(data: Uint8Array): Uint8Array;
  deflateSync(data: Uint8Array, options?: { level?: number }): Uint8Array;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit grey, grey+alpha, RGB or RGBA PNG to grey. */
export function decodePngToGrey(png: Uint8Array, zlib: Zlib): GreyImage {
  if (!SIGNATURE.every((byte, index) => png[index] === byte)) throw new Error('Not a PNG.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  for (let offset = 8; offset + 8 <= png.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const [depth, colourType, , , interlace] = data.subarray(8, 13);
      channels = CHANNELS[colourType!] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(`Unsupported PNG layout (depth ${depth}, colour type ${colourType}).`);
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (!width || !height) throw new Error('PNG without IHDR.');
  const raw = zlib.inflateSync(concat(idat));
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new Error('PNG data is truncated.');
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    const source = y * (stride + 1) + 1;
    const target = y * stride;
    for (let x = 0; x < stride; x += 1) {
      const left = x >= channels ? rows[target + x - channels]! : 0;
      const up = y > 0 ? rows[target - stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? rows[target - stride + x - channels]! : 0;
      const value = raw[source + x]!;
      const predicted =
        filter === 0
          ? 0
          : filter === 1
            ? left
            : filter === 2
              ? up
              : filter === 3
                ? (left + up) >> 1
                : filter === 4
                  ? paeth(left, up, upLeft)
                  : Number.NaN;
      if (Number.isNaN(predicted)) throw new Error(`Unknown PNG filter ${filter}.`);
      rows[target + x] = (value + predicted) & 0xff;
    }
  }
  if (channels === 1) return { width, height, pixels: rows };
  const pixels = new Uint8Array(width * height);
  for (let index = 0; index < pixels.length; index += 1) {
    const at = index * channels;
    pixels[index] =
      channels <= 2
        ? rows[at]!
        : Math.round(0.299 * rows[at]! + 0.587 * rows[at + 1]! + 0.114 * rows[at + 2]!);
  }
  return { width, height, pixels };
}

/** Copies a rectangle of `image` (clamped to its bounds). */
export function cropGrey(
  image: GreyImage,
  rect: { left: number; top: number; width: number; height: number },
): GreyImage {
  const left = Math.max(0, Math.min(image.width, Math.round(rect.left)));
  const top = Math.max(0, Math.min(image.height, Math.round(rect.top)));
  const width = Math.max(0, Math.min(image.width - left, Math.round(rect.width)));
  const height = Math.max(0, Math.min(image.height - top, Math.round(rect.height)));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const from = (top + y) * image.width + left;
    pixels.set(image.pixels.subarray(from, from + width), y * width);
  }
  return { width, height, pixels };
}

/** Encodes 8-bit greyscale pixels as a PNG (filter "none"; these PNGs live for one call). */
export function encodeGreyPng(image: GreyImage, zlib: Zlib): Uint8Array {
  const { width, height, pixels } = image;
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8);
  return concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 1 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let index = 0; index < 4; index += 1) out[4 + index] = type.charCodeAt(index);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let crcTable: Uint32Array | null = null;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
