import { invalidInput } from './errors';
import { quadBounds } from './geometry';
import type { OcrResult, OcrWord, Quad } from './types';

/** The page an hOCR document describes. */
export interface HocrOptions {
  /** The image's natural width in pixels (the page's `bbox`). */
  width: number;
  /** The image's natural height in pixels. */
  height: number;
  /** The document's `<title>`. @default '' */
  title?: string;
}

/** `ocr-system` of the documents `toHocr` writes: "name version", as hOCR asks. */
const HOCR_SYSTEM = 'react-ocr-overlay 0.1.0';

/** Every element and property `toHocr` can write; hOCR forbids the ones not listed. */
const CAPABILITIES = 'ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf ocrp_poly';

/**
 * The text in reading order: the words of each line joined by a space, lines joined by `\n`
 * (what copying the overlay's text gives). Words with empty text and lines without text are
 * left out, so there are no doubled spaces or blank lines.
 */
export function toPlainText(result: OcrResult): string {
  const lines: string[] = [];
  for (const line of result.lines) {
    const text = line.words
      .map((word) => word.text)
      .filter((word) => word !== '')
      .join(' ');
    if (text !== '') lines.push(text);
  }
  return lines.join('\n');
}

type Box = [x0: number, y0: number, x1: number, y1: number];

// Characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR, lone surrogates,
// U+FFFE/U+FFFF) become U+FFFD, so the document stays well-formed for XML-based readers.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as character data for both HTML and XML parsers: never markup. */
function escapeText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '\ufffd')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(SPECIAL, (char) => ENTITIES[char]!);
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

/** The quad's bounds as integers that contain it, clamped to the page. */
function wordBox(quad: Quad, width: number, height: number): Box {
  const r = quadBounds(quad);
  return [
    clamp(Math.floor(r.x), width),
    clamp(Math.floor(r.y), height),
    clamp(Math.ceil(r.x + r.width), width),
    clamp(Math.ceil(r.y + r.height), height),
  ];
}

function union(boxes: readonly Box[]): Box {
  const box: Box = [...boxes[0]!];
  for (const b of boxes) {
    box[0] = Math.min(box[0], b[0]);
    box[1] = Math.min(box[1], b[1]);
    box[2] = Math.max(box[2], b[2]);
    box[3] = Math.max(box[3], b[3]);
  }
  return box;
}

const bbox = (box: Box) => `bbox ${box.join(' ')}`;

function poly(quad: Quad, width: number, height: number): string {
  const points = quad.map(
    (p) => `${clamp(Math.round(p.x), width)} ${clamp(Math.round(p.y), height)}`,
  );
  return `poly ${points.join(' ')}`;
}

function wconf(word: OcrWord): number {
  const value = Math.round(word.confidence * 100);
  return Number.isFinite(value) ? clamp(value, 100) : 0;
}

function pageSize(value: number, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalidInput(`toHocr: ${name} must be a positive number of pixels, got ${value}.`);
  }
  return Math.round(value) || 1;
}

/**
 * An hOCR 1.2 document (polyglot HTML5/XHTML, so HTML parsers and XML-based tools such as
 * hocr-tools and OCRmyPDF's renderer both read it): one `ocr_page`, one `ocr_carea` and
 * `ocr_par` holding every line (the protocol has no blocks or paragraphs), an `ocr_line` per
 * line with words and an `ocrx_word` per word, in reading order. Words carry `bbox` (integers
 * that contain the quad, clamped to the page), `poly` (the quad's four corners) and `x_wconf`
 * (0..100); a line's `bbox` is the union of its words'. Text is escaped, never interpreted.
 */
export function toHocr(result: OcrResult, options: HocrOptions): string {
  const width = pageSize(options?.width, 'width');
  const height = pageSize(options?.height, 'height');
  const lines: string[] = [];
  const lineBoxes: Box[] = [];
  let wordCount = 0;
  for (const line of result.lines) {
    if (line.words.length === 0) continue;
    const boxes: Box[] = [];
    const words = line.words.map((word) => {
      const box = wordBox(word.quad, width, height);
      boxes.push(box);
      wordCount++;
      const title = `${bbox(box)}; ${poly(word.quad, width, height)}; x_wconf ${wconf(word)}`;
      return `<span class="ocrx_word" id="word_1_${wordCount}" title="${title}">${escapeText(word.text)}</span>`;
    });
    const box = union(boxes);
    lineBoxes.push(box);
    lines.push(
      `<span class="ocr_line" id="line_1_${lines.length + 1}" title="${bbox(box)}">${words.join(' ')}</span>`,
    );
  }
  const area =
    lines.length === 0
      ? []
      : [
          `<div class="ocr_carea" id="block_1_1" title="${bbox(union(lineBoxes))}">`,
          `<p class="ocr_par" id="par_1_1" title="${bbox(union(lineBoxes))}">`,
          ...lines,
          '</p>',
          '</div>',
        ];
  return [
    '<!DOCTYPE html>',
    '<html xmlns="http://www.w3.org/1999/xhtml">',
    '<head>',
    '<meta charset="utf-8" />',
    `<title>${escapeText(options.title ?? '')}</title>`,
    `<meta name="ocr-system" content="${escapeText(HOCR_SYSTEM)}" />`,
    `<meta name="ocr-capabilities" content="${CAPABILITIES}" />`,
    '<meta name="ocr-number-of-pages" content="1" />',
    '</head>',
    '<body>',
    `<div class="ocr_page" id="page_1" title="bbox 0 0 ${width} ${height}; ppageno 0">`,
    ...area,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
