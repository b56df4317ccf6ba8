import { readImageInfo } from '../../core/image-header';

/** What the first bytes of an image say about it, without decoding any pixels. */
export interface SniffedImage {
  /** NHN's `fileType` spelling. */
  fileType: 'jpg' | 'png';
  width: number;
  height: number;
}

export type ImageSniff =
  | { kind: 'empty' }
  | { kind: 'unsupported' }
  | { kind: 'undecodable'; fileType: 'jpg' | 'png' }
  | ({ kind: 'image' } & SniffedImage);

/**
 * Classifies bytes as JPEG or PNG by their magic numbers (never by name or MIME type, which the
 * client controls) and reads the pixel size from the PNG `IHDR` or the JPEG `SOFn` segment.
 * A file without a size or cut short (no JPEG scan, no PNG `IEND`) is undecodable.
 */
export function sniffImage(bytes: Uint8Array): ImageSniff {
  if (bytes.length === 0) return { kind: 'empty' };
  const info = readImageInfo(bytes);
  // Only the formats NHN General OCR accepts; the stored size, since EXIF is not applied here.
  if (info?.format !== 'image/jpeg' && info?.format !== 'image/png') return { kind: 'unsupported' };
  const fileType = info.format === 'image/png' ? 'png' : 'jpg';
  const { width, height, complete } = info;
  return width > 0 && height > 0 && complete
    ? { kind: 'image', fileType, width, height }
    : { kind: 'undecodable', fileType };
}
