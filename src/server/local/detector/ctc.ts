/**
 * CTC greedy decoding that keeps where each character was read, so a line can be cut into
 * words in crop pixels (and from there into image quads).
 */

/** One decoded character: its text, the time steps it spans and its probability. */
export interface CtcCharacter {
  text: string;
  first: number;
  last: number;
  probability: number;
}

/**
 * Collapses repeats and drops blanks (class 0). Class `i` is `dictionary[i − 1]`; the class
 * after the dictionary is a space (PaddleOCR's `use_space_char`).
 */
export function decodeCtc(
  best: ArrayLike<number>,
  probability: ArrayLike<number>,
  offset: number,
  steps: number,
  dictionary: readonly string[],
): CtcCharacter[] {
  const characters: CtcCharacter[] = [];
  let previous = 0;
  for (let step = 0; step < steps; step += 1) {
    const index = best[offset + step]!;
    const p = probability[offset + step]!;
    if (index !== 0 && index === previous) {
      const current = characters.at(-1)!;
      current.last = step;
      current.probability = Math.max(current.probability, p);
    } else if (index !== 0) {
      const text = index - 1 < dictionary.length ? dictionary[index - 1]!.normalize('NFKC') : ' ';
      characters.push({ text, first: step, last: step, probability: p });
    }
    previous = index;
  }
  return characters;
}

/** A word in crop pixels along x (it spans the crop's full height). */
export interface CropWord {
  text: string;
  /** Mean probability of its characters, 0..1. */
  confidence: number;
  x0: number;
  x1: number;
}

/** Stretches of a crop's columns with ink, from `inkColumns`, left to right. */
export interface InkSpan {
  x0: number;
  x1: number;
}

/**
 * Groups ink columns into spans, joining gaps narrower than `minGap` pixels (the gaps between
 * letters); what separates two spans is a gap as wide as a space.
 */
export function inkSpans(ink: ArrayLike<number>, width: number, minGap: number): InkSpan[] {
  const spans: InkSpan[] = [];
  for (let x = 0; x < width; x += 1) {
    if (!ink[x]) continue;
    const last = spans.at(-1);
    if (last && x - last.x1 < minGap) last.x1 = x + 1;
    else spans.push({ x0: x, x1: x + 1 });
  }
  return spans;
}

/**
 * Character pitch across a word gap, relative to the line's median pitch: monospaced print
 * gives 2, proportional fonts ~1.25–1.5 (measured with DejaVu Sans; CTC positions come in
 * steps of 8 crop pixels), a letter broken by faint print ~1.
 */
const PITCH_FACTOR = 1.15;

/** A character that is a letter, digit or mark, not a space the recogniser read. */
const isRead = (character: CtcCharacter) => character.text.trim() !== '';

/**
 * The ink band misses the tops and bottoms of round capitals, so a large O, D or C shows as two
 * arcs, one of which no character's centre falls in. Such a span, narrower than half the
 * character pitch, joins the neighbouring span holding the nearest character within a pitch: it
 * is part of that letter, not ink nothing was read from (which would call the fallback reader).
 */
function absorbLetterPieces(
  whole: InkSpan[],
  perSpan: CtcCharacter[][],
  pitch: number,
  centre: (character: CtcCharacter) => number,
): void {
  const read = (group: CtcCharacter[] | undefined) => group?.filter(isRead) ?? [];
  for (let index = whole.length - 1; index >= 0 && pitch > 0; index -= 1) {
    const span = whole[index]!;
    if (read(perSpan[index]).length > 0 || span.x1 - span.x0 > pitch / 2) continue;
    const middle = (span.x0 + span.x1) / 2;
    const reach = (neighbour: number) =>
      Math.min(
        ...read(perSpan[neighbour]).map((character) => Math.abs(centre(character) - middle)),
      );
    const left = reach(index - 1);
    const right = reach(index + 1);
    if (Math.min(left, right) > pitch) continue;
    const into = left <= right ? index - 1 : index + 1;
    const target = whole[into]!;
    whole[into] = { x0: Math.min(target.x0, span.x0), x1: Math.max(target.x1, span.x1) };
    perSpan[into] =
      into < index
        ? [...perSpan[into]!, ...perSpan[index]!]
        : [...perSpan[index]!, ...perSpan[into]!];
    whole.splice(index, 1);
    perSpan.splice(index, 1);
  }
}

export interface SplitLine {
  words: CropWord[];
  /** Width of ink spans no character was read from (text in an alphabet the model lacks). */
  unreadWidth: number;
}

/**
 * Cuts a line into words: characters are grouped by the ink span their centre falls in (a gap
 * as wide as a space separates words even where the recogniser emitted no space), and spans
 * are cut again at the spaces it did emit. A word spans its ink horizontally; words split at
 * a space inside one span meet in the middle of the space.
 */
export function splitWords(
  characters: readonly CtcCharacter[],
  spans: readonly InkSpan[],
  { stepWidth, cropWidth }: { stepWidth: number; cropWidth: number },
): SplitLine {
  const centre = (character: CtcCharacter) =>
    ((character.first + character.last + 1) / 2) * stepWidth;
  const whole: InkSpan[] = spans.length > 0 ? [...spans] : [{ x0: 0, x1: cropWidth }];
  const spanOf = (x: number) => {
    let best = 0;
    let bestDistance = Infinity;
    whole.forEach((span, index) => {
      const distance = x < span.x0 ? span.x0 - x : x > span.x1 ? x - span.x1 : 0;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    });
    return best;
  };
  const perSpan: CtcCharacter[][] = whole.map(() => []);
  for (const character of characters) perSpan[spanOf(centre(character))]!.push(character);
  // Faint print breaks letters into pieces with gaps as wide as a space; the recogniser's
  // character pitch tells them apart: across a real space it is well above the line's median.
  const visible = characters.filter(isRead);
  const pitches = visible
    .slice(1)
    .map((character, index) => centre(character) - centre(visible[index]!));
  const pitch = [...pitches].sort((a, b) => a - b)[Math.floor(pitches.length / 2)] ?? 0;
  absorbLetterPieces(whole, perSpan, pitch, centre);
  for (let index = whole.length - 1; index > 0; index -= 1) {
    const left = perSpan.slice(0, index).findLast((group) => group.some(isRead));
    const right = perSpan[index]!;
    const first = right.find(isRead);
    const last = left?.findLast(isRead);
    const pitchAcross = first && last ? centre(first) - centre(last) : Infinity;
    if (pitch === 0 || pitchAcross > PITCH_FACTOR * pitch) continue;
    const target = perSpan.lastIndexOf(left!);
    perSpan[target] = [...left!, ...right];
    whole[target] = { x0: whole[target]!.x0, x1: whole[index]!.x1 };
    perSpan.splice(target + 1, index - target);
    whole.splice(target + 1, index - target);
    index = target + 1;
  }
  const words: CropWord[] = [];
  let unreadWidth = 0;
  perSpan.forEach((group, index) => {
    const span = whole[index]!;
    if (!group.some(isRead)) {
      unreadWidth += span.x1 - span.x0;
      return;
    }
    let current: CtcCharacter[] = [];
    let start = span.x0;
    const flush = (end: number) => {
      if (current.length === 0) return;
      words.push({
        text: current.map((character) => character.text).join(''),
        confidence:
          current.reduce((sum, character) => sum + character.probability, 0) / current.length,
        x0: start,
        x1: end,
      });
      current = [];
    };
    for (const character of group) {
      if (!isRead(character)) {
        const x = centre(character);
        flush(Math.min(span.x1, x));
        start = Math.max(span.x0, x);
      } else {
        current.push(character);
      }
    }
    flush(span.x1);
  });
  return { words, unreadWidth };
}
