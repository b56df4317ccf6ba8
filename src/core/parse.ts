import { describeResultCode, OcrError, withDetail } from './errors';
import type { OcrLine, OcrResult, OcrWord, Point, Quad } from './types';

/** More warnings than this are summarised, so a hostile response cannot grow them unbounded. */
const MAX_WARNINGS = 50;

type Rec = Record<string, unknown>;

/** @internal */
export const isRecord = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A decimal number as JSON or people write it: no hex, binary, octal, `Infinity` or `_`. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * @internal A finite number from a number or a decimal numeric string (surrounding spaces
 * allowed), else `undefined`. `Number()` alone would also read `"0x10"`, `"0b11"` and `"0o7"`.
 */
export function toNumber(value: unknown): number | undefined {
  const number =
    typeof value === 'string' ? (DECIMAL.test(value.trim()) ? Number(value) : undefined) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/**
 * @internal The `'api'` error `body` stands for when it is an NHN error envelope: its
 * `header.isSuccessful` is `false` or the string `"false"` in any case (some gateways send
 * strings); `undefined` otherwise. The one rule the parser and the transport both follow.
 */
export function envelopeError(body: unknown, status?: number): OcrError | undefined {
  const header = isRecord(body) ? body.header : undefined;
  if (!isRecord(header)) return undefined;
  const flag = header.isSuccessful;
  if (flag !== false && !(typeof flag === 'string' && flag.trim().toLowerCase() === 'false')) {
    return undefined;
  }
  const resultCode = toNumber(header.resultCode);
  const resultMessage = typeof header.resultMessage === 'string' ? header.resultMessage : undefined;
  const message =
    resultCode === undefined
      ? withDetail('The OCR service reported a failure', resultMessage)
      : describeResultCode(resultCode, resultMessage);
  return new OcrError('api', message, { status, resultCode, resultMessage });
}

type Warn = (message: string) => void;

/**
 * Turns an NHN General OCR response (parsed object or JSON text) into an `OcrResult`.
 *
 * Throws only `OcrError`: `'api'` for an error envelope (`header.isSuccessful` false or
 * `"false"`, see `envelopeError`), `'invalid-response'` for something that is not a response at
 * all. Partial or odd data never throws: it is repaired where the meaning is clear and reported
 * in `result.warnings`.
 */
export function parseOcrResponse(body: unknown): OcrResult {
  try {
    return parse(body);
  } catch (error) {
    throw error instanceof OcrError ? error : unreadable('could not be read', error);
  }
}

const unreadable = (what: string, cause?: unknown) =>
  new OcrError('invalid-response', `The OCR response ${what}.`, { cause });

function parse(body: unknown): OcrResult {
  let data = body;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch (error) {
      throw unreadable('is not valid JSON', error);
    }
  }
  if (!isRecord(data)) throw unreadable('is not a JSON object');

  const failure = envelopeError(data);
  if (failure) throw failure;
  const { result } = data;
  if (!isRecord(result)) throw unreadable('has no result');

  const warnings: string[] = [];
  let dropped = 0;
  const warn: Warn = (message) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else dropped++;
  };

  const texts = list(
    result.listOfInferTexts ?? result.listOfInferTextList,
    'The response',
    'listOfInferTexts',
    warn,
  );
  const boxes = list(
    result.listOfBoundingBoxes ?? result.listOfBoundingBoxList,
    'The response',
    'listOfBoundingBoxes',
    warn,
  );
  const lineCount = paired(texts, boxes, 'The response', 'text lines', 'box lines', warn);
  const lines: OcrLine[] = [];
  for (let line = 0; line < lineCount; line++) {
    lines.push({ index: line, words: parseLine(line, texts[line], boxes[line], warn) });
  }

  if (dropped > 0) warnings.push(`…and ${dropped} more warnings.`);
  return {
    words: lines.flatMap((line) => line.words),
    lines,
    fileType: typeof result.fileType === 'string' ? result.fileType : null,
    slices: toNumber(result.slicesImages) ?? null,
    warnings,
  };
}

/** The array, or `[]` with a warning: a missing list is reported, never thrown. */
function list(value: unknown, where: string, name: string, warn: Warn): unknown[] {
  if (Array.isArray(value)) return value;
  warn(`${where} has no "${name}" list.`);
  return [];
}

/** How many items pair up: NHN's two parallel lists should match; when not, the shorter wins. */
function paired(
  a: unknown[],
  b: unknown[],
  where: string,
  aName: string,
  bName: string,
  warn: Warn,
): number {
  const count = Math.min(a.length, b.length);
  if (a.length !== b.length) {
    warn(
      `${where} has ${a.length} ${aName} but ${b.length} ${bName}; only the first ${count} were used.`,
    );
  }
  return count;
}

function parseLine(line: number, textGroup: unknown, boxGroup: unknown, warn: Warn): OcrWord[] {
  const where = `Line ${line}`;
  const texts = list(
    isRecord(textGroup) ? textGroup.inferTexts : undefined,
    where,
    'inferTexts',
    warn,
  );
  const boxes = list(
    isRecord(boxGroup) ? boxGroup.boundingBoxes : undefined,
    where,
    'boundingBoxes',
    warn,
  );
  const count = paired(texts, boxes, where, 'texts', 'boxes', warn);
  const words: OcrWord[] = [];
  for (let index = 0; index < count; index++) {
    const id = `${line}-${index}`;
    const quad = parseQuad(boxes[index]);
    if (!quad) {
      warn(
        `Word ${id} was dropped: its box has a missing or invalid coordinate (decimal numbers within ±${MAX_COORDINATE} only).`,
      );
      continue;
    }
    const item = isRecord(texts[index]) ? (texts[index] as Rec) : {};
    words.push({
      id,
      text: parseText(item.value, id, warn),
      confidence: parseConfidence(item.conf, id, warn),
      quad,
      line,
      index,
    });
  }
  return words;
}

/**
 * Largest coordinate magnitude taken as real: ten million pixels is far beyond any image NHN or
 * the local engine reads, and keeps areas and distances between corners finite.
 */
const MAX_COORDINATE = 1e7;

function toCoordinate(value: unknown): number | undefined {
  const number = toNumber(value);
  return number !== undefined && Math.abs(number) <= MAX_COORDINATE ? number : undefined;
}

/** The corners `x1,y1` … `x4,y4` in order, or `undefined` if any is not a sane number. */
function parseQuad(box: unknown): Quad | undefined {
  if (!isRecord(box)) return undefined;
  const points: Point[] = [];
  for (let corner = 1; corner <= 4; corner++) {
    const x = toCoordinate(box[`x${corner}`]);
    const y = toCoordinate(box[`y${corner}`]);
    if (x === undefined || y === undefined) return undefined;
    points.push({ x, y });
  }
  return points as unknown as Quad;
}

function parseText(value: unknown, id: string, warn: Warn): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  warn(`Word ${id} has no text.`);
  return '';
}

function parseConfidence(value: unknown, id: string, warn: Warn): number {
  const conf = toNumber(value);
  if (conf === undefined) {
    warn(`Word ${id} has no confidence; 0 was used.`);
    return 0;
  }
  if (conf < 0 || conf > 1) {
    warn(`Word ${id} has confidence ${conf}, outside 0..1; it was clamped.`);
    return Math.min(1, Math.max(0, conf));
  }
  return conf;
}
