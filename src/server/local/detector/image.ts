/**
 * Pixels for the detector: sharp decodes JPEG/PNG (EXIF orientation applied, as tesseract.js
 * does) on libuv's thread pool, so decoding never blocks the request thread either.
 */
import type { Region } from '../slicing';
import type { Sharp } from './packages';

/** 8-bit RGB pixels, row-major, 3 bytes per pixel. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decodes an image to upright RGB; throws on bytes the decoder rejects. */
export async function decodeRgb(sharp: Sharp, bytes: Uint8Array): Promise<RgbImage> {
  const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: false })
    .rotate()
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`Decoded ${info.channels} channels, expected 3.`);
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

/** A region of the image resized for the detector, and the scale back to image pixels. */
export interface DetectorInput {
  rgb: Uint8Array;
  width: number;
  height: number;
  /** Image pixels per input pixel. */
  scaleX: number;
  scaleY: number;
}

/**
 * PaddleOCR's detector resize, the longer side scaled to `maxSide` and both sides rounded to a
 * multiple of 32 (the network's stride), never below 32. Unlike PaddleOCR, small images are
 * enlarged too (at most 3×): on the 348 × 348 receipt that reads 3 more of 26 texts, because
 * the detector otherwise merges neighbouring small words.
 */
export function detectorSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const ratio = Math.min(3, maxSide / Math.max(width, height));
  const round = (side: number) => Math.max(32, Math.round((side * ratio) / 32) * 32);
  return { width: round(width), height: round(height) };
}

export async function detectorInput(
  sharp: Sharp,
  image: RgbImage,
  region: Region,
  maxSide: number,
): Promise<DetectorInput> {
  const size = detectorSize(region.width, region.height, maxSide);
  const { data } = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .extract(region)
    .resize(size.width, size.height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // A fresh copy: the worker takes ownership of the buffer it is sent.
  const rgb = new Uint8Array(data.byteLength);
  rgb.set(data);
  return { rgb, ...size, scaleX: region.width / size.width, scaleY: region.height / size.height };
}
