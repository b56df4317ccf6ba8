import { type ImageFormat, readImageInfo } from '../../core/image-header';

export type { ImageFormat };

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
