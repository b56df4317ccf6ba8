import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findText, isOcrError, type OcrResult } from '../../src/core/index';
import { resultOf } from '../support/results';

/** The ids of each match, for compact expectations. */
const ids = (result: OcrResult, query: string, options?: Parameters<typeof findText>[2]) =>
  findText(result, query, options).map((match) => match.wordIds);

describe('findText: words and lines', () => {
  const receipt = resultOf([
    ['SAFEWAY', 'store'],
    ['THANK', 'YOU', 'for', 'shopping'],
    ['TOTAL:', '4,500', 'SUBTOTAL'],
  ]);

  test('a phrase spans consecutive words of one line, with the words as on the image', () => {
    expect(findText(receipt, 'thank you')).toEqual([
      { wordIds: ['1-0', '1-1'], line: 1, text: 'THANK YOU' },
    ]);
  });

  test('any run of whitespace in the query matches the gap between two words', () => {
    for (const query of ['thank  you', ' thank\tyou ', 'thank\u3000you', 'thank\u00a0you']) {
      expect(ids(receipt, query), JSON.stringify(query)).toEqual([['1-0', '1-1']]);
    }
  });

  test('words are joined by a space, so a phrase without one does not find them', () => {
    expect(findText(receipt, 'thankyou')).toEqual([]);
  });

  test('a match may start and end inside words; text holds the whole words', () => {
    expect(findText(receipt, 'ank yo')).toEqual([
      { wordIds: ['1-0', '1-1'], line: 1, text: 'THANK YOU' },
    ]);
    expect(ids(receipt, 'ou for shop')).toEqual([['1-1', '1-2', '1-3']]);
  });

  test('a match never crosses from one line to the next', () => {
    expect(findText(receipt, 'store thank')).toEqual([]);
    expect(findText(receipt, 'shopping total')).toEqual([]);
  });

  test('matches come in reading order: line by line, left to right', () => {
    expect(findText(receipt, 'o').map((m) => m.wordIds[0])).toEqual([
      '0-1',
      '1-1',
      '1-2',
      '1-3',
      '2-0',
      '2-2',
    ]);
  });

  test('no match gives an empty list', () => {
    expect(findText(receipt, 'coffee')).toEqual([]);
  });

  test('an empty or whitespace-only query finds nothing', () => {
    for (const query of ['', ' ', '\t\n', '\u3000']) expect(findText(receipt, query)).toEqual([]);
  });

  test('a word whose own text has a space is found by that text and by its parts', () => {
    const result = resultOf([['thank you', 'card']]);
    expect(ids(result, 'thank you')).toEqual([['0-0']]);
    expect(ids(result, 'you card')).toEqual([['0-0', '0-1']]);
  });

  test('a word with empty text between two others is part of a match across it', () => {
    const result = resultOf([['thank', '', 'you']]);
    expect(findText(result, 'thank you')).toEqual([
      { wordIds: ['0-0', '0-1', '0-2'], line: 0, text: 'thank you' },
    ]);
  });

  test('a result with no words finds nothing', () => {
    expect(findText(resultOf([]), 'a')).toEqual([]);
    expect(findText(resultOf([[]]), 'a')).toEqual([]);
  });
});

describe('findText: repeated and overlapping occurrences', () => {
  test('several occurrences inside the same word are one match', () => {
    expect(ids(resultOf([['banana', 'bandana']]), 'an')).toEqual([['0-0'], ['0-1']]);
  });

  test('matches do not overlap in the text: searching resumes after each match', () => {
    expect(ids(resultOf([['aaa']]), 'aa')).toEqual([['0-0']]);
    // "ab ab ab": "b a" at 1 (words 0,1) then at 4 (words 1,2); each is its own occurrence.
    expect(ids(resultOf([['ab', 'ab', 'ab']]), 'b a')).toEqual([
      ['0-0', '0-1'],
      ['0-1', '0-2'],
    ]);
  });
});

describe('findText: case', () => {
  const result = resultOf([['Total', 'TOTAL', 'total', 'STRASSE', 'straße']]);

  test('case is folded by default', () => {
    expect(ids(result, 'total')).toEqual([['0-0'], ['0-1'], ['0-2']]);
    expect(ids(result, 'TOTAL')).toEqual([['0-0'], ['0-1'], ['0-2']]);
  });

  test('caseSensitive tells upper and lower case apart', () => {
    expect(ids(result, 'TOTAL', { caseSensitive: true })).toEqual([['0-1']]);
    expect(ids(result, 'Tot', { caseSensitive: true })).toEqual([['0-0']]);
  });

  test('full case folding: ß matches ss, final ς matches σ', () => {
    expect(ids(result, 'strasse')).toEqual([['0-3'], ['0-4']]);
    expect(ids(resultOf([['ΟΔΟΣ']]), 'οδοσ')).toEqual([['0-0']]);
  });

  test('caseSensitive still folds width and compatibility forms', () => {
    expect(ids(resultOf([['ＡＢＣ']]), 'ABC', { caseSensitive: true })).toEqual([['0-0']]);
    expect(ids(resultOf([['ＡＢＣ']]), 'abc', { caseSensitive: true })).toEqual([]);
  });
});

describe('findText: Unicode forms (NFKC)', () => {
  test('full-width letters and digits match as typed, both ways', () => {
    expect(ids(resultOf([['ＡＢＣ', '１２３']]), 'abc 123')).toEqual([['0-0', '0-1']]);
    expect(ids(resultOf([['abc']]), 'ＡＢＣ')).toEqual([['0-0']]);
  });

  test('a ligature matches its letters, both ways', () => {
    expect(ids(resultOf([['ﬁnal', 'oﬀer']]), 'final offer')).toEqual([['0-0', '0-1']]);
    expect(ids(resultOf([['final']]), 'ﬁ')).toEqual([['0-0']]);
  });

  test('folds that change length map back to the right words', () => {
    // "ﬁ" → "fi" and "ﬃ" → "ffi": the words after them are still found at their own index.
    const result = resultOf([['ﬁ', 'ﬁ', 'x', 'ﬃ', 'y']]);
    expect(findText(result, 'x')).toEqual([{ wordIds: ['0-2'], line: 0, text: 'x' }]);
    expect(findText(result, 'y')).toEqual([{ wordIds: ['0-4'], line: 0, text: 'y' }]);
    expect(ids(result, 'x ffi y')).toEqual([['0-2', '0-3', '0-4']]);
    expect(ids(result, 'i x')).toEqual([['0-1', '0-2']]);
  });

  test('combining marks match the precomposed letter, both ways, and keep offsets right', () => {
    const decomposed = resultOf([['cafe\u0301', 'noe\u0308l', 'menu']]);
    expect(ids(decomposed, 'café')).toEqual([['0-0']]);
    expect(ids(decomposed, 'noël menu')).toEqual([['0-1', '0-2']]);
    expect(ids(decomposed, 'menu')).toEqual([['0-2']]);
    expect(ids(resultOf([['café']]), 'cafe\u0301')).toEqual([['0-0']]);
  });

  test('Hangul compatibility and half-width jamo match conjoining jamo', () => {
    // ㄱ (U+3131), ᄀ (U+1100) and half-width ﾡ (U+FFA1) are one letter.
    const result = resultOf([['ㄱ', '하ㄴ']]);
    expect(ids(result, '\u1100')).toEqual([['0-0']]);
    expect(ids(result, '\uffa1')).toEqual([['0-0']]);
    // ㅎㅏ written as compatibility jamo is the syllable 하.
    expect(ids(resultOf([['ㅎㅏ']]), '하')).toEqual([['0-0']]);
  });
});

describe('findText: Korean', () => {
  const result = resultOf([
    ['영수증', '금액', '₩4,500'],
    ['한국', '카드', '각'],
  ]);

  test('a Korean word and phrase are found', () => {
    expect(findText(result, '영수증 금액')).toEqual([
      { wordIds: ['0-0', '0-1'], line: 0, text: '영수증 금액' },
    ]);
    expect(ids(result, '카드')).toEqual([['1-1']]);
  });

  test('a syllable still being typed matches (jamo by jamo)', () => {
    // Typing 한국 passes through 하, 한, 한ㄱ, 한구.
    for (const typing of ['하', '한', '한ㄱ', '한구', '한국']) {
      expect(ids(result, typing), typing).toEqual([['1-0']]);
    }
    expect(ids(result, '영ㅅ')).toEqual([['0-0']]);
  });

  test('wholeWord does not let a syllable match a longer one', () => {
    expect(ids(result, '가')).toEqual([['1-2']]);
    expect(ids(result, '가', { wholeWord: true })).toEqual([]);
    expect(ids(result, '각', { wholeWord: true })).toEqual([['1-2']]);
  });

  test('Korean and Latin mixed in one word', () => {
    expect(ids(resultOf([['VAT포함']]), 'vat포')).toEqual([['0-0']]);
  });
});

describe('findText: wholeWord', () => {
  const result = resultOf([['TOTAL:', 'SUBTOTAL', 'totals', '(total)', 'e-total']]);

  test('only matches that neither start nor end inside a word', () => {
    expect(ids(result, 'total', { wholeWord: true })).toEqual([['0-0'], ['0-3'], ['0-4']]);
    expect(ids(result, 'tot', { wholeWord: true })).toEqual([]);
    expect(ids(result, 'total')).toEqual([['0-0'], ['0-1'], ['0-2'], ['0-3'], ['0-4']]);
  });

  test('punctuation at the edge of the query needs no boundary', () => {
    expect(ids(result, 'total:', { wholeWord: true })).toEqual([['0-0']]);
    expect(ids(result, '(total', { wholeWord: true })).toEqual([['0-3']]);
  });

  test('a whole-word phrase across words', () => {
    const phrase = resultOf([['THANK', 'YOU', 'YOUR']]);
    expect(ids(phrase, 'thank you', { wholeWord: true })).toEqual([['0-0', '0-1']]);
    expect(ids(phrase, 'ank you', { wholeWord: true })).toEqual([]);
  });

  test('a rejected position does not hide a later whole-word one that overlaps it', () => {
    // "ba a a": "a a" at 1 is rejected (after "b"); the whole-word one at 3 overlaps it.
    expect(ids(resultOf([['ba', 'a', 'a']]), 'a a', { wholeWord: true })).toEqual([['0-1', '0-2']]);
  });
});

describe('findText: bad input', () => {
  test('a query that is not a string is an invalid-input OcrError', () => {
    const error = (() => {
      try {
        findText(resultOf([['a']]), undefined as unknown as string);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isOcrError(error) && error.code).toBe('invalid-input');
  });

  test('a result that is not an OcrResult is an invalid-input OcrError', () => {
    expect(() => findText(null as unknown as OcrResult, 'a')).toThrow(
      expect.objectContaining({ name: 'OcrError', code: 'invalid-input' }),
    );
  });
});

/** Lines of words with text from a mix of scripts, spaces, ligatures and full-width forms. */
const arbitraryLines = fc.array(
  fc.array(
    fc.stringMatching(/^(?:[a-zA-Z0-9 ,.:\-ﬁﬂＡＢｃ１éèㄱㅏ가각한국영수증ßΣς]|e\u0301){0,8}$/),
    {
      maxLength: 6,
    },
  ),
  { maxLength: 5 },
);

describe('findText: properties', () => {
  test('every word is found by its own text, with and without wholeWord or caseSensitive', () => {
    fc.assert(
      fc.property(arbitraryLines, (lines) => {
        const result = resultOf(lines);
        for (const word of result.words) {
          if (word.text.trim() === '') continue;
          for (const options of [{}, { wholeWord: true }, { caseSensitive: true }]) {
            const found = findText(result, word.text, options).some((m) =>
              m.wordIds.includes(word.id),
            );
            expect(found, `${JSON.stringify(word.text)} ${JSON.stringify(options)}`).toBe(true);
          }
        }
      }),
    );
  });

  test("a match's words are consecutive words of its line, and matches are in reading order", () => {
    fc.assert(
      fc.property(
        arbitraryLines,
        fc.stringMatching(/^[a-z ﬁＡ가ㄱ]{1,4}$/),
        fc.boolean(),
        (lines, query, wholeWord) => {
          const result = resultOf(lines);
          let previous = [-1, -1];
          for (const match of findText(result, query, { wholeWord })) {
            const line = result.lines.find((l) => l.index === match.line)!;
            const first = line.words.findIndex((w) => w.id === match.wordIds[0]);
            expect(first).toBeGreaterThanOrEqual(0);
            expect(match.wordIds).toEqual(
              line.words.slice(first, first + match.wordIds.length).map((w) => w.id),
            );
            const position = [result.lines.indexOf(line), first];
            const [row, column] = position as [number, number];
            const [lastRow, lastColumn] = previous as [number, number];
            expect(row > lastRow || (row === lastRow && column >= lastColumn)).toBe(true);
            previous = position;
          }
        },
      ),
    );
  });

  test('a query finds the same in upper and in lower case', () => {
    fc.assert(
      fc.property(arbitraryLines, fc.stringMatching(/^[a-cA-Cßσς ]{1,3}$/), (lines, query) => {
        const result = resultOf(lines);
        expect(findText(result, query.toUpperCase())).toEqual(
          findText(result, query.toLowerCase()),
        );
      }),
    );
  });
});
