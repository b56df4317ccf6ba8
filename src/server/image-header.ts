/** What the first bytes of an image say about it, without decoding any pixels. */
export interface ImageHeader {
  /** NHN's `fileType` spelling. */
  fileType: 'jpg' | 'png';
  width: number;
  height: number;
}

export type ImageSniff =
  | { kind: 'empty' }
  | { kind: 'unsupported' }
  | { kind: 'undecodable'; fileType: 'jpg' | 'png' }
  | ({ kind: 'image' } & ImageHeader);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Classifies bytes as JPEG or PNG by their magic numbers (never by name or MIME type, which the
 * client controls) and reads the pixel size from the PNG `IHDR` or the JPEG `SOFn` segment.
 */
export function sniffImage(bytes: Uint8Array): ImageSniff {
  if (bytes.length === 0) return { kind: 'empty' };
  if (PNG_SIGNATURE.every((value, index) => bytes[index] === value)) return readPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return readJpeg(bytes);
  return { kind: 'unsupported' };
}

function readPng(bytes: Uint8Array): ImageSniff {
  // Signature (8) + chunk length (4) + "IHDR" (4) + width (4) + height (4).
  const isIhdr =
    bytes.length >= 24 &&
    bytes[12] === 0x49 &&
    bytes[13] === 0x48 &&
    bytes[14] === 0x44 &&
    bytes[15] === 0x52;
  if (!isIhdr) return { kind: 'undecodable', fileType: 'png' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) return { kind: 'undecodable', fileType: 'png' };
  // A PNG needs at least one IDAT chunk and an IEND; without IEND it was cut short.
  if (!hasPngEnd(bytes)) return { kind: 'undecodable', fileType: 'png' };
  return { kind: 'image', fileType: 'png', width, height };
}

function hasPngEnd(bytes: Uint8Array): boolean {
  // "IEND" is the last chunk; tolerate a little trailing junk, as decoders do.
  const stop = Math.max(8, bytes.length - 1024);
  for (let index = bytes.length - 8; index >= stop; index -= 1) {
    if (
      bytes[index] === 0x49 &&
      bytes[index + 1] === 0x45 &&
      bytes[index + 2] === 0x4e &&
      bytes[index + 3] === 0x44
    ) {
      return true;
    }
  }
  return false;
}

/** SOF markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but don't. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function readJpeg(bytes: Uint8Array): ImageSniff {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { kind: 'undecodable', fileType: 'jpg' };
    const marker = bytes[offset + 1]!;
    // Fill bytes and parameterless markers (RSTn, TEM) have no length field.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan before SOF
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2) break;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) break;
      const height = (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
      const width = (bytes[offset + 7]! << 8) | bytes[offset + 8]!;
      if (width === 0 || height === 0) break;
      if (!hasJpegScan(bytes, offset + 2 + length)) break;
      return { kind: 'image', fileType: 'jpg', width, height };
    }
    offset += 2 + length;
  }
  return { kind: 'undecodable', fileType: 'jpg' };
}

/** A frame header with no scan after it is a truncated file the decoder would reject. */
function hasJpegScan(bytes: Uint8Array, from: number): boolean {
  for (let index = from; index + 1 < bytes.length; index += 1) {
    if (bytes[index] === 0xff && bytes[index + 1] === 0xda) return true;
  }
  return false;
}
