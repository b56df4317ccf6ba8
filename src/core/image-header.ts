/**
 * Reads what the first bytes of an image say about it, without decoding any pixels. Shared by
 * the uploader (refuse a 30,000 × 30,000 image before the browser decodes it; EXIF orientation)
 * and the server (check an upload is a whole JPEG or PNG before the engine sees it).
 * Pure and synchronous; not part of the public API.
 */

/** Image formats recognised from their first bytes. */
export type ImageFormat =
  | 'image/jpeg'
  | 'image/png'
  | 'image/gif'
  | 'image/webp'
  | 'image/bmp'
  | 'image/avif';

export interface ImageInfo {
  /** The format from the magic bytes (never from the file name or the declared MIME type). */
  format: ImageFormat;
  /**
   * Size as stored, before EXIF orientation; 0 when the header does not say (AVIF) or the
   * bytes end first.
   */
  width: number;
  height: number;
  /** EXIF orientation 1–8 (JPEG APP1, PNG eXIf); 1 when absent. */
  orientation: number;
  /**
   * Whether the pixel data looks present: a JPEG has a scan after its frame header, a PNG ends
   * with `IEND`. Only meaningful when `bytes` is the whole file; other formats are not checked.
   */
  complete: boolean;
}

const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** Format, stored size and EXIF orientation of an image; `null` for no known image format. */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  const u16 = (at: number, little = false) => (at + 2 <= n ? view.getUint16(at, little) : 0);
  const u32 = (at: number, little = false) => (at + 4 <= n ? view.getUint32(at, little) : 0);
  const info = (format: ImageFormat, width = 0, height = 0): ImageInfo => ({
    format,
    width,
    height,
    orientation: 1,
    complete: true,
  });

  if (n >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return readJpeg(bytes, view);
  }
  if (n >= 8 && ascii(bytes, 0, '\x89PNG\r\n\x1a\n')) return readPng(bytes, view);
  if (n >= 6 && ascii(bytes, 0, 'GIF8')) return info('image/gif', u16(6, true), u16(8, true));
  if (n >= 2 && ascii(bytes, 0, 'BM')) {
    // A negative height means the rows are stored top-down.
    const size = (at: number) => (n >= 26 ? Math.abs(view.getInt32(at, true)) : 0);
    return info('image/bmp', size(18), size(22));
  }
  if (n >= 12 && ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) {
    if (ascii(bytes, 12, 'VP8 ') && n >= 30) {
      return info('image/webp', u16(26, true) & 0x3fff, u16(28, true) & 0x3fff);
    }
    if (ascii(bytes, 12, 'VP8L') && n >= 25) {
      const bits = u32(21, true);
      return info('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    if (ascii(bytes, 12, 'VP8X') && n >= 30) {
      const u24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
      return info('image/webp', u24(24) + 1, u24(27) + 1);
    }
    return info('image/webp');
  }
  if (n >= 12 && ascii(bytes, 4, 'ftyp') && (ascii(bytes, 8, 'avif') || ascii(bytes, 8, 'avis'))) {
    return info('image/avif');
  }
  return null;
}

function readJpeg(bytes: Uint8Array, view: DataView): ImageInfo {
  const n = bytes.length;
  let orientation = 1;
  for (let at = 2; at + 4 <= n; ) {
    if (bytes[at] !== 0xff) break;
    const marker = bytes[at + 1]!;
    // Fill bytes and parameterless markers (RSTn, SOI, TEM) carry no length.
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    // End of image or start of scan before any frame header, or a broken segment length.
    if (marker === 0xd9 || marker === 0xda || length < 2) break;
    if (marker === 0xe1 && ascii(bytes, at + 4, 'Exif\0\0')) {
      orientation = exifOrientation(view, at + 10, Math.min(n, at + 2 + length));
    } else if (isStartOfFrame(marker)) {
      if (at + 9 > n) break;
      return {
        format: 'image/jpeg',
        width: view.getUint16(at + 7),
        height: view.getUint16(at + 5),
        orientation,
        complete: hasJpegScan(bytes, at + 2 + length),
      };
    }
    at += 2 + length;
  }
  return { format: 'image/jpeg', width: 0, height: 0, orientation, complete: false };
}

/** SOF markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but don't. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** A frame header with no scan after it is a truncated file the decoder would reject. */
function hasJpegScan(bytes: Uint8Array, from: number): boolean {
  for (let at = from; at + 1 < bytes.length; at++) {
    if (bytes[at] === 0xff && bytes[at + 1] === 0xda) return true;
  }
  return false;
}

function readPng(bytes: Uint8Array, view: DataView): ImageInfo {
  const n = bytes.length;
  let orientation = 1;
  // eXIf must precede IDAT; the chunks before it are small, so this stays in the first bytes.
  for (let at = 8; at + 8 <= n; ) {
    const length = view.getUint32(at);
    if (ascii(bytes, at + 4, 'IDAT')) break;
    if (ascii(bytes, at + 4, 'eXIf')) {
      orientation = exifOrientation(view, at + 8, Math.min(n, at + 8 + length));
    }
    at += 12 + length;
  }
  // IHDR is the first chunk: signature (8) + length (4) + "IHDR" (4) + width (4) + height (4).
  const ihdr = n >= 24 && ascii(bytes, 12, 'IHDR');
  return {
    format: 'image/png',
    width: ihdr ? view.getUint32(16) : 0,
    height: ihdr ? view.getUint32(20) : 0,
    orientation,
    complete: hasPngEnd(bytes),
  };
}

/** "IEND" is the last chunk; a little trailing junk is tolerated, as decoders do. */
function hasPngEnd(bytes: Uint8Array): boolean {
  const stop = Math.max(8, bytes.length - 1024);
  for (let at = bytes.length - 8; at >= stop; at--) if (ascii(bytes, at, 'IEND')) return true;
  return false;
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF block starting at `start`; 1 if absent. */
function exifOrientation(view: DataView, start: number, end: number): number {
  if (start + 8 > end) return 1;
  const order = view.getUint16(start);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const ifd = start + view.getUint32(start + 4, little);
  if (ifd + 2 > end) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) break;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** What the first bytes of an image file say, read without decoding it. */
export interface ImageHeader {
  /** The format from the magic bytes (never from the file name or the declared MIME type). */
  format: ImageFormat;
  /**
   * Width and height as displayed, i.e. with the EXIF orientation applied (swapped for
   * orientations 5–8). `null` when the header does not say (AVIF) or the bytes end first.
   */
  width: number | null;
  height: number | null;
  /** EXIF orientation 1–8 (JPEG APP1, PNG eXIf); 1 when absent. */
  orientation: number;
}

/**
 * Reads format, dimensions and EXIF orientation from the first bytes of an image.
 * Pure and synchronous, so a 30,000 × 30,000 image can be refused before anything decodes it.
 * Returns `null` for bytes that are no known image format.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const info = readImageInfo(bytes);
  if (!info) return null;
  const { format, width, height, orientation } = info;
  const known = width > 0 && height > 0;
  // Orientations 5–8 turn the image by a quarter, so its sides swap on screen.
  const swap = orientation >= 5;
  return {
    format,
    width: known ? (swap ? height : width) : null,
    height: known ? (swap ? width : height) : null,
    orientation,
  };
}
