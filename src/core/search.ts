import { invalidInput } from './errors';
import type { OcrResult, OcrWord } from './types';

/** How `findText` compares. */
export interface FindTextOptions {
  /**
   * Tell upper and lower case apart. Width and compatibility forms (NFKC) are folded either way.
   * @default false
   */
  caseSensitive?: boolean;
  /**
   * Only matches that neither start nor end in the middle of a word: a query that begins (ends)
   * with a letter, mark or digit must not be preceded (followed) by one. `"total"` finds
   * `TOTAL:` but not `SUBTOTAL`.
   * @default false
   */
  wholeWord?: boolean;
}

/** One place where the query was found: a run of consecutive words of one line. */
export interface OcrTextMatch {
  /** The matched words, in reading order; consecutive words of one line. */
  wordIds: string[];
  /** `OcrLine.index` of that line. */
  line: number;
  /** The matched words' own text (as on the image, not folded), joined by a space. */
  text: string;
}

/**
 * Everything a search needs, built once per result and folding: the folded words of every line
 * joined by a space, lines joined by `\n`, and where each word starts and ends in that string.
 * Words are folded one by one, so a fold that changes length (`ﬁ` → `fi`) moves only the
 * offsets that follow it and a match maps back to words through `starts`, never by position.
 */
interface SearchIndex {
  haystack: string;
  words: OcrWord[];
  /** `OcrLine.index` of each word's line. */
  lines: Int32Array;
  /** Offset of each word's first folded character; a blank word starts (and ends) where the text before it ends. */
  starts: Int32Array;
  /** Whether the word has any folded text (blank words are skipped when joining). */
  blank: Uint8Array;
}

const indexes = new WeakMap<OcrResult, { folded?: SearchIndex; exact?: SearchIndex }>();

const FIRST_SYLLABLE = 0xac00;
const SYLLABLE_COUNT = 11172;
const HAS_SYLLABLE = /[\uac00-\ud7a3]/;
const HAS_SPACE = /\s/;
const SPACES = /\s+/g;
/** Printable ASCII without spaces: NFKC leaves it as it is, and lower case is all case folding does. */
const PLAIN_ASCII = /^[\x21-\x7e]*$/;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Hangul syllables as their conjoining jamo (the algorithm of Unicode §3.12), so a syllable
 * still being typed matches: `하` (ㅎㅏ) is a prefix of `한` (ㅎㅏㄴ), `한ㄱ` of `한국`.
 */
function decomposeHangul(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const s = text.charCodeAt(i) - FIRST_SYLLABLE;
    if (s < 0 || s >= SYLLABLE_COUNT) {
      out += text[i];
      continue;
    }
    out += String.fromCharCode(0x1100 + Math.floor(s / 588), 0x1161 + Math.floor((s % 588) / 28));
    if (s % 28) out += String.fromCharCode(0x11a7 + (s % 28));
  }
  return out;
}

/**
 * The form both sides are compared in: NFKC (full-width `ＡＢＣ` → `ABC`, `ﬁ` → `fi`, half-width
 * and compatibility jamo → conjoining jamo, `e` + U+0301 → `é`), then case folded (upper- then
 * lower-casing also equates `ß` with `ss`; final `ς` is `σ`), whitespace runs as one space,
 * Hangul syllables as jamo.
 */
function fold(text: string, caseSensitive: boolean): string {
  // Most OCR words are plain ASCII; this path gives the same result as the full one, faster.
  if (PLAIN_ASCII.test(text)) return caseSensitive ? text : text.toLowerCase();
  let folded = text.normalize('NFKC');
  if (!caseSensitive) {
    folded = folded.toUpperCase().toLowerCase();
    if (folded.includes('ς')) folded = folded.replaceAll('ς', 'σ');
  }
  if (HAS_SPACE.test(folded)) folded = folded.replace(SPACES, ' ').trim();
  return HAS_SYLLABLE.test(folded) ? decomposeHangul(folded) : folded;
}

function buildIndex(result: OcrResult, caseSensitive: boolean): SearchIndex {
  const words: OcrWord[] = [];
  const lineNumbers: number[] = [];
  const starts: number[] = [];
  const blank: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const line of result.lines) {
    if (parts.length > 0) {
      parts.push('\n');
      length += 1;
    }
    let first = true;
    for (const word of line.words) {
      const folded = fold(word.text, caseSensitive);
      words.push(word);
      lineNumbers.push(line.index);
      if (folded === '') {
        starts.push(length);
        blank.push(1);
        continue;
      }
      if (!first) {
        parts.push(' ');
        length += 1;
      }
      first = false;
      starts.push(length);
      blank.push(0);
      parts.push(folded);
      length += folded.length;
    }
  }
  return {
    haystack: parts.join(''),
    words,
    lines: Int32Array.from(lineNumbers),
    starts: Int32Array.from(starts),
    blank: Uint8Array.from(blank),
  };
}

function indexOf(result: OcrResult, caseSensitive: boolean): SearchIndex {
  let entry = indexes.get(result);
  if (!entry) {
    entry = {};
    indexes.set(result, entry);
  }
  const key = caseSensitive ? 'exact' : 'folded';
  let index = entry[key];
  if (!index) {
    index = buildIndex(result, caseSensitive);
    entry[key] = index;
  }
  return index;
}

/** The last word whose folded text starts at or before `offset`. */
function wordAt(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char);

function charBefore(text: string, offset: number): string | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && offset >= 2;
  return text.slice(pair ? offset - 2 : offset - 1, offset);
}

function charAt(text: string, offset: number): string | undefined {
  if (offset >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(offset)!);
}

function isWholeWord(haystack: string, query: string, start: number): boolean {
  const end = start + query.length;
  const startsWithWord = isWordChar(charAt(query, 0));
  const endsWithWord = isWordChar(charBefore(query, query.length));
  return (
    !(startsWithWord && isWordChar(charBefore(haystack, start))) &&
    !(endsWithWord && isWordChar(charAt(haystack, end)))
  );
}

/**
 * Every place the query occurs in the result's text, in reading order (the order of
 * `result.lines`, words as listed in each line).
 *
 * - Both sides are folded: NFKC (full-width and compatibility forms, ligatures, composed
 *   accents), case unless `caseSensitive`, and Hangul syllables compared by jamo so a
 *   syllable still being typed matches (`하` finds `한국`).
 * - Words of a line are joined by one space; any run of whitespace in the query matches that
 *   space (a word boundary) or whitespace inside a word, so `"thank you"` finds `THANK` +
 *   `YOU` and the single word `thank you`. A match never crosses from one line to the next.
 * - A match may start and end inside a word (`"ank yo"` finds `THANK YOU`) unless `wholeWord`.
 * - Matches never overlap in the text: searching resumes after each match, as find-in-page
 *   does. Occurrences that fall in the same run of words are one match, since a match is a run
 *   of words.
 * - An empty or whitespace-only query finds nothing (`[]`).
 *
 * The folded text is built once per result (a `WeakMap`; results are treated as immutable) so
 * searching again as the user types scans one string.
 */
export function findText(
  result: OcrResult,
  query: string,
  options: FindTextOptions = {},
): OcrTextMatch[] {
  if (typeof query !== 'string') throw invalidInput('findText: the query must be a string.');
  if (!result || !Array.isArray(result.lines)) {
    throw invalidInput('findText: the result must be an OcrResult (parseOcrResponse output).');
  }
  const { caseSensitive = false, wholeWord = false } = options;
  const needle = fold(query, caseSensitive);
  if (needle === '') return [];
  const index = indexOf(result, caseSensitive);
  const { haystack, starts } = index;
  const matches: OcrTextMatch[] = [];
  let lastFirst = -1;
  let lastEnd = -1;
  for (let at = haystack.indexOf(needle); at !== -1; ) {
    if (wholeWord && !isWholeWord(haystack, needle, at)) {
      at = haystack.indexOf(needle, at + 1);
      continue;
    }
    const first = wordAt(starts, at);
    const last = wordAt(starts, at + needle.length - 1);
    if (first !== lastFirst || last !== lastEnd) {
      matches.push(toMatch(index, first, last));
      lastFirst = first;
      lastEnd = last;
    }
    at = haystack.indexOf(needle, at + needle.length);
  }
  return matches;
}

function toMatch(index: SearchIndex, first: number, last: number): OcrTextMatch {
  const wordIds: string[] = [];
  const texts: string[] = [];
  for (let i = first; i <= last; i++) {
    const word = index.words[i]!;
    wordIds.push(word.id);
    if (!index.blank[i]) texts.push(word.text);
  }
  return { wordIds, line: index.lines[first]!, text: texts.join(' ') };
}
