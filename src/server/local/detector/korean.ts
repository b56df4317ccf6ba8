/**
 * Korean regions. PP-OCRv4's recogniser (`ppocr_keys_v1`) has Chinese, Latin and digits but no
 * Hangul, so on a Korean line it answers Chinese characters or nothing confident. Those regions
 * are read again by tesseract.js (`kor`, with `eng` for mixed lines) on the rectified crop, and
 * tesseract's word boxes are mapped back through the crop's transform into image quads.
 */
import { encodeGreyPng } from '../png-grey';
import type { TesseractPage } from '../tesseract-worker';
import { type CropTransform, cropBoxToQuad } from './geometry';
import type { RgbImage } from './image';
import type { DetectorWord, RegionReader } from './pipeline';

/** Runs tesseract.js on a PNG (the handler's tesseract worker pool). */
export type TesseractLineReader = (png: Uint8Array, signal?: AbortSignal) => Promise<TesseractPage>;

/** CJK ideographs (the recogniser's guess for Hangul shapes) and Hangul itself. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/u;

/**
 * Whether the recogniser's reading of a region looks like Korean it cannot read. Measured on
 * rendered Korean lines, PP-OCRv4's recogniser does one of three things: reads nothing, reads
 * Chinese characters with low confidence, or reads only the digits and Latin letters in the
 * line and nothing over the Hangul (blank time steps over wide ink). So: an empty or unsure
 * reading, any CJK character, or ink at least a line height wide that yielded no character.
 */
export function looksKorean(reading: {
  text: string;
  confidence: number;
  unreadWidth: number;
}): boolean {
  return (
    reading.text === '' ||
    reading.confidence < 0.5 ||
    CJK.test(reading.text) ||
    reading.unreadWidth >= 1
  );
}

/** tesseract words less sure than this are its guesses over texture, not text. */
const MIN_TESSERACT_CONFIDENCE = 0.5;

/** Crop height tesseract reads well (its LSTM models are trained on ~30–40 px x-heights). */
const TESSERACT_HEIGHT = 64;
/** White margin around the crop: tesseract's page layout needs background around the text. */
const MARGIN = 16;

/** The crop at a height tesseract reads well, as greyscale with a white margin. */
function greyCrop(image: RgbImage, transform: CropTransform) {
  const lineHeight = Math.hypot(transform.uy.x, transform.uy.y) * transform.cropHeight;
  const scale = Math.max(1, TESSERACT_HEIGHT / Math.max(1, lineHeight));
  const cropHeight = Math.max(1, Math.round(lineHeight * scale));
  const lineWidth = Math.hypot(transform.ux.x, transform.ux.y) * transform.cropWidth;
  const cropWidth = Math.max(1, Math.round(lineWidth * scale));
  const fine: CropTransform = {
    cropWidth,
    cropHeight,
    origin: transform.origin,
    ux: {
      x: (transform.ux.x * transform.cropWidth) / cropWidth,
      y: (transform.ux.y * transform.cropWidth) / cropWidth,
    },
    uy: {
      x: (transform.uy.x * transform.cropHeight) / cropHeight,
      y: (transform.uy.y * transform.cropHeight) / cropHeight,
    },
  };
  const width = cropWidth + 2 * MARGIN;
  const height = cropHeight + 2 * MARGIN;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < cropHeight; y += 1) {
    for (let x = 0; x < cropWidth; x += 1) {
      const px = Math.min(
        image.width - 1,
        Math.max(0, Math.floor(fine.origin.x + fine.ux.x * (x + 0.5) + fine.uy.x * (y + 0.5))),
      );
      const py = Math.min(
        image.height - 1,
        Math.max(0, Math.floor(fine.origin.y + fine.ux.y * (x + 0.5) + fine.uy.y * (y + 0.5))),
      );
      const at = (py * image.width + px) * 3;
      pixels[(y + MARGIN) * width + x + MARGIN] = Math.round(
        0.299 * image.data[at]! + 0.587 * image.data[at + 1]! + 0.114 * image.data[at + 2]!,
      );
    }
  }
  return { grey: { width, height, pixels }, fine };
}

export function createKoreanReader(tesseract: TesseractLineReader): RegionReader {
  return {
    wants: looksKorean,
    async read(image, transform, signal) {
      const { grey, fine } = greyCrop(image, transform);
      const zlib = await import('node:zlib');
      const page = await tesseract(encodeGreyPng(grey, zlib), signal);
      const words: DetectorWord[] = [];
      for (const block of page.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            for (const word of line.words) {
              const text = word.text.trim();
              if (text === '' || word.bbox.x1 <= word.bbox.x0) continue;
              if (word.confidence / 100 < MIN_TESSERACT_CONFIDENCE) continue;
              const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));
              words.push({
                text,
                confidence: Math.min(100, Math.max(0, word.confidence)) / 100,
                quad: cropBoxToQuad(fine, {
                  x0: clamp(word.bbox.x0 - MARGIN, fine.cropWidth),
                  x1: clamp(word.bbox.x1 - MARGIN, fine.cropWidth),
                  y0: clamp(word.bbox.y0 - MARGIN, fine.cropHeight),
                  y1: clamp(word.bbox.y1 - MARGIN, fine.cropHeight),
                }),
              });
            }
          }
        }
      }
      return words;
    },
  };
}
