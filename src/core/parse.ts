import { describeResultCode, OcrError } from './errors';
import type { OcrLine, OcrResult, OcrWord, Point, Quad } from './types';

/** More warnings than this are summarised, so a hostile response cannot grow them unbounded. */
const MAX_WARNINGS = 50;

type Rec = Record<string, unknown>;

const isRecord = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A finite number from a number or a numeric string, else `undefined`. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

class Warnings {
  readonly list: string[] = [];
  private dropped = 0;

  add(message: string): void {
    if (this.list.length < MAX_WARNINGS) this.list.push(message);
    else this.dropped++;
  }

  done(): string[] {
    if (this.dropped > 0) this.list.push(`…and ${this.dropped} more warnings.`);
    return this.list;
  }
}

/**
 * Turns an NHN General OCR response (parsed object or JSON text) into an `OcrResult`.
 *
 * Throws only `OcrError`: `'api'` for an error envelope (`header.isSuccessful === false`),
 * `'invalid-response'` for something that is not a response at all. Partial or odd data never
 * throws: it is repaired where the meaning is clear and reported in `result.warnings`.
 */
export function parseOcrResponse(body: unknown): OcrResult {
  try {
    return parse(body);
  } catch (error) {
    if (error instanceof OcrError) throw error;
    throw new OcrError('invalid-response', 'The OCR response could not be read.', {
      cause: error,
    });
  }
}

function parse(body: unknown): OcrResult {
  let data = body;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch (error) {
      throw new OcrError('invalid-response', 'The OCR response is not valid JSON.', {
        cause: error,
      });
    }
  }
  if (!isRecord(data)) {
    throw new OcrError('invalid-response', 'The OCR response is not a JSON object.');
  }

  const header = isRecord(data.header) ? data.header : undefined;
  if (header && (header.isSuccessful === false || header.isSuccessful === 'false')) {
    const resultCode = toNumber(header.resultCode);
    const resultMessage =
      typeof header.resultMessage === 'string' ? header.resultMessage : undefined;
    throw new OcrError(
      'api',
      resultCode === undefined
        ? `The OCR service reported a failure${resultMessage ? `: ${resultMessage}` : '.'}`
        : describeResultCode(resultCode, resultMessage),
      {
        ...(resultCode === undefined ? {} : { resultCode }),
        ...(resultMessage === undefined ? {} : { resultMessage }),
      },
    );
  }

  const result = data.result;
  if (!isRecord(result)) {
    throw new OcrError('invalid-response', 'The OCR response has no result.');
  }

  const warnings = new Warnings();
  const texts = listField(result, 'listOfInferTexts', 'listOfInferTextList', warnings);
  const boxes = listField(result, 'listOfBoundingBoxes', 'listOfBoundingBoxList', warnings);
  if (texts.length !== boxes.length) {
    warnings.add(
      `The response has ${texts.length} text lines but ${boxes.length} box lines; only the first ${Math.min(texts.length, boxes.length)} were used.`,
    );
  }

  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  const lineCount = Math.min(texts.length, boxes.length);
  for (let line = 0; line < lineCount; line++) {
    const lineWords = parseLine(line, texts[line], boxes[line], warnings);
    lines.push({ index: line, words: lineWords });
    for (const word of lineWords) words.push(word);
  }

  const slices = toNumber(result.slicesImages);
  return {
    words,
    lines,
    fileType: typeof result.fileType === 'string' ? result.fileType : null,
    slices: slices === undefined ? null : slices,
    warnings: warnings.done(),
  };
}

function listField(result: Rec, name: string, legacyName: string, warnings: Warnings): unknown[] {
  const value = result[name] ?? result[legacyName];
  if (Array.isArray(value)) return value;
  if (value !== undefined && value !== null) warnings.add(`"${name}" is not a list; ignored.`);
  else warnings.add(`The response has no "${name}".`);
  return [];
}

function parseLine(line: number, textGroup: unknown, boxGroup: unknown, warnings: Warnings) {
  const texts = groupItems(textGroup, 'inferTexts', line, warnings);
  const boxes = groupItems(boxGroup, 'boundingBoxes', line, warnings);
  if (texts.length !== boxes.length) {
    warnings.add(
      `Line ${line} has ${texts.length} texts but ${boxes.length} boxes; only the first ${Math.min(texts.length, boxes.length)} were used.`,
    );
  }
  const words: OcrWord[] = [];
  const count = Math.min(texts.length, boxes.length);
  for (let index = 0; index < count; index++) {
    const id = `${line}-${index}`;
    const quad = parseQuad(boxes[index]);
    if (!quad) {
      warnings.add(`Word ${id} was dropped: its box has a missing or invalid coordinate.`);
      continue;
    }
    const item = isRecord(texts[index]) ? (texts[index] as Rec) : {};
    words.push({
      id,
      text: parseText(item.value, id, warnings),
      confidence: parseConfidence(item.conf, id, warnings),
      quad,
      line,
      index,
    });
  }
  return words;
}

function groupItems(group: unknown, field: string, line: number, warnings: Warnings): unknown[] {
  const items = isRecord(group) ? group[field] : undefined;
  if (Array.isArray(items)) return items;
  warnings.add(`Line ${line} has no "${field}" list.`);
  return [];
}

const CORNERS = [
  ['x1', 'y1'],
  ['x2', 'y2'],
  ['x3', 'y3'],
  ['x4', 'y4'],
] as const;

function parseQuad(box: unknown): Quad | undefined {
  if (!isRecord(box)) return undefined;
  const points: Point[] = [];
  for (const [xKey, yKey] of CORNERS) {
    const x = toNumber(box[xKey]);
    const y = toNumber(box[yKey]);
    if (x === undefined || y === undefined) return undefined;
    points.push({ x, y });
  }
  return points as unknown as Quad;
}

function parseText(value: unknown, id: string, warnings: Warnings): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  warnings.add(`Word ${id} has no text.`);
  return '';
}

function parseConfidence(value: unknown, id: string, warnings: Warnings): number {
  const conf = toNumber(value);
  if (conf === undefined) {
    warnings.add(`Word ${id} has no confidence; 0 was used.`);
    return 0;
  }
  if (conf < 0 || conf > 1) {
    warnings.add(`Word ${id} has confidence ${conf}, outside 0..1; it was clamped.`);
    return Math.min(1, Math.max(0, conf));
  }
  return conf;
}
