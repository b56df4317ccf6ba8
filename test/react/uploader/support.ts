/** Byte builders shared by the Node and browser tests of the uploader. */

/** An APP1 Exif segment (big-endian TIFF) holding only the Orientation tag. */
export function exifSegment(orientation: number, little = false): Uint8Array<ArrayBuffer> {
  const tiff = new DataView(new ArrayBuffer(26));
  tiff.setUint16(0, little ? 0x4949 : 0x4d4d);
  tiff.setUint16(2, 42, little);
  tiff.setUint32(4, 8, little);
  tiff.setUint16(8, 1, little); // one entry
  tiff.setUint16(10, 0x0112, little); // Orientation
  tiff.setUint16(12, 3, little); // SHORT
  tiff.setUint32(14, 1, little);
  tiff.setUint16(18, orientation, little);
  tiff.setUint32(22, 0, little); // no next IFD
  const segment = new Uint8Array(4 + 6 + 26);
  segment.set([0xff, 0xe1, 0, 2 + 6 + 26]);
  segment.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4);
  segment.set(new Uint8Array(tiff.buffer), 10);
  return segment;
}

/** A JPEG with an Exif orientation spliced in right after SOI. */
export function withExifOrientation(
  jpeg: Uint8Array,
  orientation: number,
  little = false,
): Uint8Array<ArrayBuffer> {
  const segment = exifSegment(orientation, little);
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2));
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}

/** The first bytes of a baseline JPEG: SOI, an APP0 and a SOF0 declaring the size. */
export function jpegHead(width: number, height: number): Uint8Array<ArrayBuffer> {
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
}

/** The first bytes of a PNG: signature and IHDR. */
export function pngHead(width: number, height: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}
