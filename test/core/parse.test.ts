import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { OcrError, parseOcrResponse, quadArea, RESULT_CODE_MESSAGES } from '../../src/core/index';
import { interpretResponse } from '../../src/core/transport';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/nhn/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));

function catchOcrError(fn: () => unknown): OcrError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OcrError);
    return error as OcrError;
  }
  throw new Error('expected an OcrError to be thrown');
}

describe('parseOcrResponse: well-formed responses', () => {
  test.each([
    {
      name: 'docs-example.json',
      texts: ['stella', 'artois', 'belgium'],
      ids: ['0-0', '0-1', '1-0'],
      fileType: 'png',
      slices: null,
    },
    {
      name: 'console-korean.json',
      texts: ['피', 'blood', '블러드'],
      ids: ['0-0', '0-1', '1-0'],
      fileType: 'jpg',
      slices: null,
    },
    {
      name: 'cropping.json',
      texts: ['RECEIPT', 'COFFEE', '4.50', 'TOTAL', '4.50'],
      ids: ['0-0', '1-0', '1-1', '2-0', '2-1'],
      fileType: 'jpg',
      slices: 3,
    },
    {
      name: 'legacy-names.json',
      texts: ['legacy'],
      ids: ['0-0'],
      fileType: 'png',
      slices: null,
    },
  ])('$name', ({ name, texts, ids, fileType, slices }) => {
    const result = parseOcrResponse(json(name));
    expect(result.words.map((word) => word.text)).toEqual(texts);
    expect(result.words.map((word) => word.id)).toEqual(ids);
    expect(result.fileType).toBe(fileType);
    expect(result.slices).toBe(slices);
    expect(result.warnings).toEqual([]);
    // lines hold the same word objects, in order
    expect(result.lines.flatMap((line) => line.words)).toEqual(result.words);
    for (const line of result.lines) {
      for (const word of line.words) expect(word.line).toBe(line.index);
    }
  });

  test('quads keep the x1..x4 order and pair texts with boxes by position', () => {
    const result = parseOcrResponse(json('console-korean.json'));
    const blood = result.words[1]!;
    expect(blood).toMatchObject({ text: 'blood', confidence: 0.9987, line: 0, index: 1 });
    expect(blood.quad).toEqual([
      { x: 190, y: 85 },
      { x: 352, y: 80 },
      { x: 354, y: 133 },
      { x: 192, y: 138 },
    ]);
  });

  test('accepts JSON text as well as the parsed object', () => {
    expect(parseOcrResponse(fixture('docs-example.json'))).toEqual(
      parseOcrResponse(json('docs-example.json')),
    );
  });

  test('the docs example as published (duplicate key, trailing comma) is not JSON', () => {
    const error = catchOcrError(() => parseOcrResponse(fixture('docs-example.as-published.txt')));
    expect(error.code).toBe('invalid-response');
  });

  const realFixtures = readdirSync(new URL('../fixtures/real/', import.meta.url)).filter((file) =>
    file.endsWith('.nhn.json'),
  );
  test.each(realFixtures)('real photo ground truth %s', (file) => {
    const raw = JSON.parse(
      readFileSync(new URL(`../fixtures/real/${file}`, import.meta.url), 'utf8'),
    ) as {
      result: { listOfInferTexts: { inferTexts: unknown[] }[] };
    };
    const expected = raw.result.listOfInferTexts.reduce((n, line) => n + line.inferTexts.length, 0);
    const result = parseOcrResponse(raw);
    expect(result.words).toHaveLength(expected);
    expect(result.warnings).toEqual([]);
    for (const word of result.words) {
      expect(word.confidence).toBe(1);
      for (const point of word.quad) {
        expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true);
      }
    }
  });
});

describe('parseOcrResponse: partial and odd data never throws', () => {
  test('unequal list lengths pair up to the shorter and warn', () => {
    const result = parseOcrResponse(json('mismatched.json'));
    expect(result.words.map((word) => word.text)).toEqual(['a', 'b', 'd']);
    expect(result.words.map((word) => word.id)).toEqual(['0-0', '0-1', '1-0']);
    expect(result.lines).toHaveLength(2);
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings.join('\n')).toMatch(/3 text lines but 2 box lines/);
    expect(result.warnings.join('\n')).toMatch(/Line 0 has 3 texts but 2 boxes/);
    expect(result.warnings.join('\n')).toMatch(/Line 1 has 1 texts but 2 boxes/);
  });

  test('hostile values are repaired or dropped, each with a warning', () => {
    const result = parseOcrResponse(json('hostile.json'));
    const byId = Object.fromEntries(result.words.map((word) => [word.id, word]));
    expect(Object.keys(byId)).toEqual(['0-0', '0-1', '0-2', '0-5', '0-6', '0-7']);
    // HTML stays literal text
    expect(byId['0-0']).toMatchObject({ text: '<img src=x onerror=alert(1)>', confidence: 0.75 });
    // numbers become their decimal string; conf clamped
    expect(byId['0-1']).toMatchObject({ text: '12345', confidence: 1 });
    expect(byId['0-2']).toMatchObject({ text: '', confidence: 0 });
    expect(byId['0-5']).toMatchObject({ text: '', confidence: 0.5 });
    expect(byId['0-6']).toMatchObject({ text: 'no conf', confidence: 0 });
    // numeric strings are numbers
    expect(byId['0-7']!.quad[0]).toEqual({ x: 5, y: 6 });
    expect(byId['0-7']!.quad[1]).toEqual({ x: 15.5, y: 6 });
    expect(byId['0-7']!.confidence).toBe(0);
    expect(result.fileType).toBeNull();
    expect(result.slices).toBe(2);
    const warnings = result.warnings.join('\n');
    expect(warnings).toMatch(/0-3 was dropped/);
    expect(warnings).toMatch(/0-4 was dropped/);
    expect(warnings).toMatch(/0-1 has confidence 1.7/);
    expect(warnings).toMatch(/0-6 has no confidence/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a result without lists is an empty result with a warning', () => {
    const result = parseOcrResponse({ result: {} });
    expect(result.words).toEqual([]);
    expect(result.warnings.length).toBeGreaterThan(0);
  });

  test('warnings are capped so a hostile response cannot grow them without bound', () => {
    const boxes = Array.from({ length: 5000 }, () => ({ x1: 'x' }));
    const texts = Array.from({ length: 5000 }, () => ({ value: 'w', conf: 1 }));
    const result = parseOcrResponse({
      result: {
        listOfInferTexts: [{ inferTexts: texts }],
        listOfBoundingBoxes: [{ boundingBoxes: boxes }],
      },
    });
    expect(result.words).toEqual([]);
    expect(result.warnings.length).toBeLessThanOrEqual(51);
    expect(result.warnings.at(-1)).toMatch(/and 4950 more warnings/);
  });
});

describe('parseOcrResponse: error envelopes', () => {
  const codes = Object.keys(RESULT_CODE_MESSAGES)
    .map(Number)
    .filter((code) => code !== 0);

  test.each(codes)('resultCode %i → OcrError api with a readable message', (resultCode) => {
    const resultMessage = `raw message ${resultCode}`;
    const error = catchOcrError(() =>
      parseOcrResponse({ header: { isSuccessful: false, resultCode, resultMessage } }),
    );
    expect(error.code).toBe('api');
    expect(error.resultCode).toBe(resultCode);
    expect(error.resultMessage).toBe(resultMessage);
    expect(error.message).toBe(RESULT_CODE_MESSAGES[resultCode]);
    expect(error.message).not.toContain('raw message');
  });

  test('retryable result codes are marked retryable', () => {
    const retryable = (resultCode: number) =>
      catchOcrError(() =>
        parseOcrResponse({ header: { isSuccessful: false, resultCode, resultMessage: '' } }),
      ).retryable;
    expect(retryable(5000503)).toBe(true);
    expect(retryable(4000006)).toBe(true);
    expect(retryable(5000001)).toBe(true);
    expect(retryable(4000003)).toBe(false);
    expect(retryable(4010001)).toBe(false);
  });

  test('an unknown code keeps the server message', () => {
    const error = catchOcrError(() =>
      parseOcrResponse({
        header: { isSuccessful: false, resultCode: 4999999, resultMessage: 'Something new.' },
      }),
    );
    expect(error.message).toBe('The OCR service answered with error 4999999: Something new.');
  });

  test.each([
    ['not JSON', 'nope{', 'not valid JSON'],
    ['an array', [], 'not a JSON object'],
    ['null', null, 'not a JSON object'],
    ['a number', 42, 'not a JSON object'],
    ['no result', { header: { isSuccessful: true } }, 'has no result'],
    ['a result that is a string', { result: 'x' }, 'has no result'],
  ])('%s → invalid-response', (_name, body, message) => {
    const error = catchOcrError(() => parseOcrResponse(body));
    expect(error.code).toBe('invalid-response');
    expect(error.message).toContain(message);
  });
});

describe('parseOcrResponse: properties', () => {
  test('any JSON value gives an OcrResult or an OcrError, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.json()), (value) => {
        try {
          const result = parseOcrResponse(value);
          expect(Array.isArray(result.words)).toBe(true);
          expect(Array.isArray(result.warnings)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(OcrError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('response-shaped values with arbitrary leaves never escape as other errors', () => {
    const leaf = fc.oneof(fc.jsonValue(), fc.double(), fc.string());
    const box = fc.dictionary(
      fc.constantFrom('x1', 'y1', 'x2', 'y2', 'x3', 'y3', 'x4', 'y4'),
      leaf,
    );
    const text = fc.record({ value: leaf, conf: leaf }, { requiredKeys: [] });
    const body = fc.record({
      header: fc.record({ isSuccessful: fc.oneof(fc.boolean(), leaf), resultCode: leaf }),
      result: fc.record({
        listOfInferTexts: fc.array(fc.oneof(fc.record({ inferTexts: fc.array(text) }), leaf)),
        listOfBoundingBoxes: fc.array(fc.oneof(fc.record({ boundingBoxes: fc.array(box) }), leaf)),
      }),
    });
    fc.assert(
      fc.property(body, (value) => {
        try {
          const result = parseOcrResponse(value);
          for (const word of result.words) {
            expect(typeof word.text).toBe('string');
            expect(word.confidence).toBeGreaterThanOrEqual(0);
            expect(word.confidence).toBeLessThanOrEqual(1);
            for (const point of word.quad) expect(Number.isFinite(point.x + point.y)).toBe(true);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(OcrError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('valid generated responses: word count = Σ min(len(texts), len(boxes))', () => {
    const coordinate = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: 0, max: 10000 }).map(String),
    );
    const box = fc.record({
      x1: coordinate,
      y1: coordinate,
      x2: coordinate,
      y2: coordinate,
      x3: coordinate,
      y3: coordinate,
      x4: coordinate,
      y4: coordinate,
    });
    const text = fc.record({
      value: fc.oneof(fc.string(), fc.integer()),
      conf: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const line = fc.tuple(fc.array(text, { maxLength: 8 }), fc.array(box, { maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const result = parseOcrResponse({
          header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
          result: {
            fileType: 'png',
            listOfInferTexts: lines.map(([inferTexts]) => ({ inferTexts })),
            listOfBoundingBoxes: lines.map(([, boundingBoxes]) => ({ boundingBoxes })),
          },
        });
        const expected = lines.reduce(
          (sum, [texts, boxes]) => sum + Math.min(texts.length, boxes.length),
          0,
        );
        expect(result.words).toHaveLength(expected);
        expect(new Set(result.words.map((word) => word.id)).size).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('regression #10.11: coordinates are decimal numbers of sane size', () => {
  const box = (x1: unknown) => ({ x1, y1: 0, x2: 10, y2: 0, x3: 10, y3: 10, x4: 0, y4: 10 });
  const oneWord = (x1: unknown) =>
    parseOcrResponse({
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
      result: {
        listOfInferTexts: [{ inferTexts: [{ value: 'w', conf: 1 }] }],
        listOfBoundingBoxes: [{ boundingBoxes: [box(x1)] }],
      },
    });

  test.each(['0x10', '0X10', '0b11', '0o7', '1e308', '-1e308', 'Infinity', '1_000', '', ' '])(
    'the string %j is not a coordinate: the word is dropped with a warning',
    (x1) => {
      const result = oneWord(x1);
      expect(result.words).toEqual([]);
      expect(result.warnings.join('\n')).toMatch(/Word 0-0 was dropped/);
    },
  );

  test.each([1e308, -1e308, 1e7 + 1, Number.MAX_VALUE])(
    'the number %d is out of range: the word is dropped with a warning',
    (x1) => {
      const result = oneWord(x1);
      expect(result.words).toEqual([]);
      expect(result.warnings.join('\n')).toMatch(/Word 0-0 was dropped/);
    },
  );

  test.each([
    ['12', 12],
    [' 12 ', 12],
    ['-3.5', -3.5],
    ['+4', 4],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    [1e7, 1e7],
    [-250, -250],
  ])('%j is the coordinate %d', (x1, expected) => {
    const result = oneWord(x1);
    expect(result.warnings).toEqual([]);
    expect(result.words[0]!.quad[0].x).toBe(expected);
  });

  test('quadArea of a parsed word is always finite', () => {
    const leaf = fc.oneof(
      fc.double(),
      fc.constantFrom(1e308, -1e308, '1e308', '0x7fffffff', 'Infinity'),
      fc.double().map(String),
    );
    const anyBox = fc.record({
      x1: leaf,
      y1: leaf,
      x2: leaf,
      y2: leaf,
      x3: leaf,
      y3: leaf,
      x4: leaf,
      y4: leaf,
    });
    fc.assert(
      fc.property(fc.array(anyBox, { maxLength: 6 }), (boxes) => {
        const result = parseOcrResponse({
          result: {
            listOfInferTexts: [{ inferTexts: boxes.map(() => ({ value: 'w', conf: 1 })) }],
            listOfBoundingBoxes: [{ boundingBoxes: boxes }],
          },
        });
        for (const word of result.words) expect(Number.isFinite(quadArea(word.quad))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('regression #10.11: one rule for isSuccessful, in the parser and the transport', () => {
  const failure = (isSuccessful: unknown) => ({
    header: { isSuccessful, resultCode: 5000001, resultMessage: 'engine down' },
    result: null,
  });
  const asResponse = (status: number, body: unknown) => ({
    status,
    statusText: '',
    header: () => null,
    text: JSON.stringify(body),
  });

  test.each([false, 'false', 'FALSE', 'False', ' false '])(
    'isSuccessful %j is a failure: the parser throws the api error with its resultCode',
    (isSuccessful) => {
      const error = catchOcrError(() => parseOcrResponse(failure(isSuccessful)));
      expect(error).toMatchObject({ code: 'api', resultCode: 5000001 });
    },
  );

  test.each([200, 500, 503])(
    'HTTP %i with isSuccessful "false" keeps its resultCode through the transport',
    (status) => {
      const outcome = interpretResponse(asResponse(status, failure('false')));
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error).toMatchObject({ code: 'api', resultCode: 5000001, status });
    },
  );

  test.each([true, 'true', 'TRUE', ' True ', undefined, 0, 1, 'no', null])(
    'isSuccessful %j is not a failure; parser and transport agree',
    (isSuccessful) => {
      const body = { ...(json('docs-example.json') as object), header: { isSuccessful } };
      const parsed = parseOcrResponse(body);
      const outcome = interpretResponse(asResponse(200, body));
      expect(outcome).toEqual({ ok: true, result: parsed });
    },
  );
});
