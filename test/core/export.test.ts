import { readdirSync, readFileSync } from 'node:fs';
import { type DefaultTreeAdapterTypes, type ParserError, parse } from 'parse5';
import { describe, expect, test } from 'vitest';
import {
  type OcrResult,
  parseOcrResponse,
  quadBounds,
  toHocr,
  toPlainText,
} from '../../src/core/index';
import { resultOf } from '../support/results';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const realDir = new URL('../fixtures/real/', import.meta.url);
const fixtures = readdirSync(realDir)
  .filter((file) => file.endsWith('.nhn.json'))
  .map((file) => ({
    file,
    result: parseOcrResponse(readFileSync(new URL(file, realDir), 'utf8')),
  }));
/** Natural sizes of the fixture photos (../shared/fixtures/README.md). */
const SIZES: Record<string, { width: number; height: number }> = {
  'wildreceipt-1.nhn.json': { width: 1600, height: 1200 },
  'wildreceipt-2.nhn.json': { width: 348, height: 348 },
};
const sizeOf = (file: string) => SIZES[file] ?? { width: 1280, height: 720 };

/** The document as an HTML parser (parse5, the WHATWG algorithm) reads it, with its errors. */
function parseHtml(html: string) {
  const errors: ParserError[] = [];
  const document = parse(html, { onParseError: (error) => errors.push(error) });
  return { document, errors };
}

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
  if ('content' in node) yield* elements(node.content as Node);
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** `title="bbox 1 2 3 4; x_wconf 90"` as `{ bbox: [1, 2, 3, 4], x_wconf: [90] }`, strictly. */
function properties(element: Element): Record<string, number[]> {
  const title = attr(element, 'title') ?? '';
  const out: Record<string, number[]> = {};
  for (const part of title.split('; ')) {
    const [name, ...values] = part.split(' ');
    if (!name || values.length === 0) throw new Error(`malformed hOCR title ${title}`);
    // "bbox", "poly", "x_wconf", "ppageno" carry integers only.
    out[name] = values.map((v) => {
      if (!/^\d+$/.test(v)) throw new Error(`not a non-negative integer in ${title}`);
      return Number(v);
    });
  }
  return out;
}

const byClass = (document: Node, name: string) =>
  [...elements(document)].filter((e) => attr(e, 'class') === name);

describe('toPlainText', () => {
  test('words joined by a space, lines by a newline, in reading order', () => {
    const result = resultOf([['THANK', 'YOU'], ['TOTAL', '₩4,500'], ['영수증']]);
    expect(toPlainText(result)).toBe('THANK YOU\nTOTAL ₩4,500\n영수증');
  });

  test('words with empty text and lines without text leave no doubled spaces or blank lines', () => {
    expect(toPlainText(resultOf([['a', '', 'b'], [], [''], ['c']]))).toBe('a b\nc');
    expect(toPlainText(resultOf([]))).toBe('');
  });

  test('text is copied as it is, markup included', () => {
    expect(toPlainText(resultOf([['<b>&amp;</b>', '"x"']]))).toBe('<b>&amp;</b> "x"');
  });

  test.each(fixtures)('$file: one line per text line, every word once, in order', ({ result }) => {
    const text = toPlainText(result);
    const lines = result.lines.filter((line) => line.words.some((w) => w.text !== ''));
    expect(text.split('\n')).toHaveLength(lines.length);
    // Reading the words back in order from the text finds every one of them.
    let at = 0;
    for (const word of result.words) {
      const found = text.indexOf(word.text, at);
      expect(found, word.text).toBeGreaterThanOrEqual(at);
      at = found + word.text.length;
    }
  });
});

describe('toHocr', () => {
  test.each(fixtures)(
    '$file: parses as HTML with one ocrx_word per word and its bbox',
    ({ file, result }) => {
      const { width, height } = sizeOf(file);
      const { document, errors } = parseHtml(toHocr(result, { width, height }));
      expect(errors).toEqual([]);

      const [page, ...otherPages] = byClass(document, 'ocr_page');
      expect(otherPages).toEqual([]);
      expect(properties(page!)).toEqual({ bbox: [0, 0, width, height], ppageno: [0] });

      const words = byClass(document, 'ocrx_word');
      expect(words).toHaveLength(result.words.length);
      words.forEach((element, i) => {
        const word = result.words[i]!;
        expect(textOf(element)).toBe(word.text);
        const { bbox, poly, x_wconf } = properties(element);
        const r = quadBounds(word.quad);
        const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
        expect(bbox).toEqual([
          clamp(Math.floor(r.x), width),
          clamp(Math.floor(r.y), height),
          clamp(Math.ceil(r.x + r.width), width),
          clamp(Math.ceil(r.y + r.height), height),
        ]);
        expect(poly).toEqual(
          word.quad.flatMap((p) => [clamp(Math.round(p.x), width), clamp(Math.round(p.y), height)]),
        );
        expect(x_wconf).toEqual([Math.round(word.confidence * 100)]);
      });
    },
  );

  test.each(fixtures)(
    "$file: each ocr_line's bbox is the union of its words'",
    ({ file, result }) => {
      const { document } = parseHtml(toHocr(result, sizeOf(file)));
      const lines = byClass(document, 'ocr_line');
      expect(lines).toHaveLength(result.lines.filter((line) => line.words.length > 0).length);
      for (const line of lines) {
        const boxes = [...elements(line)]
          .filter((e) => attr(e, 'class') === 'ocrx_word')
          .map((e) => properties(e).bbox!);
        expect(boxes.length).toBeGreaterThan(0);
        expect(properties(line).bbox).toEqual([
          Math.min(...boxes.map((b) => b[0]!)),
          Math.min(...boxes.map((b) => b[1]!)),
          Math.max(...boxes.map((b) => b[2]!)),
          Math.max(...boxes.map((b) => b[3]!)),
        ]);
      }
    },
  );

  test('the structure hOCR readers look for: page > carea > par > line > word, unique ids', () => {
    const { document } = parseHtml(
      toHocr(resultOf([['a', 'b'], ['c']]), { width: 200, height: 100 }),
    );
    const [line] = byClass(document, 'ocr_line');
    const chain: string[] = [];
    for (let node: Node | null = line!; node && 'tagName' in node; node = node.parentNode) {
      chain.push(`${node.tagName}.${attr(node, 'class') ?? ''}`);
    }
    expect(chain).toEqual([
      'span.ocr_line',
      'p.ocr_par',
      'div.ocr_carea',
      'div.ocr_page',
      'body.',
      'html.',
    ]);
    const ids = [...elements(document)].map((e) => attr(e, 'id')).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    // Words are separated by whitespace, so a line's text reads as words.
    expect(textOf(line!)).toBe('a b');
  });

  test('the meta tags hOCR requires, with every capability the document uses', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const { document } = parseHtml(toHocr(resultOf([['a']]), { width: 10, height: 10 }));
    const meta = Object.fromEntries(
      [...elements(document)]
        .filter((e) => e.tagName === 'meta' && attr(e, 'name'))
        .map((e) => [attr(e, 'name'), attr(e, 'content')]),
    );
    expect(meta['ocr-system']).toBe(`react-ocr-overlay ${pkg.version}`);
    const capabilities = meta['ocr-capabilities']!.split(' ');
    const used = new Set(
      [...elements(document)].map((e) => attr(e, 'class')).filter((c) => c?.startsWith('ocr')),
    );
    for (const name of used) expect(capabilities).toContain(name);
    expect(capabilities).toEqual(expect.arrayContaining(['ocrp_wconf', 'ocrp_poly']));
  });

  test('text is escaped, never interpreted: markup, ampersands and quotes come back as text', () => {
    const hostile = ['<script>alert(1)</script>', '&amp;', 'a"b', "it's", '</span><b>x</b>'];
    const html = toHocr(resultOf([hostile]), {
      width: 300,
      height: 100,
      title: '<img src=x onerror=alert(1)> & "title"',
    });
    const { document, errors } = parseHtml(html);
    expect(errors).toEqual([]);
    const all = [...elements(document)];
    expect(all.filter((e) => ['script', 'img', 'b'].includes(e.tagName))).toEqual([]);
    expect(byClass(document, 'ocrx_word').map(textOf)).toEqual(hostile);
    expect(textOf(all.find((e) => e.tagName === 'title')!)).toBe(
      '<img src=x onerror=alert(1)> & "title"',
    );
  });

  test('characters XML cannot carry become U+FFFD; other text is kept exactly', () => {
    const { document } = parseHtml(
      toHocr(resultOf([['a\u0000b\u001fc', 'x\ud800y', '영수증 ﬁ 😀']]), { width: 9, height: 9 }),
    );
    expect(byClass(document, 'ocrx_word').map(textOf)).toEqual([
      'a\ufffdb\ufffdc',
      'x\ufffdy',
      '영수증 ﬁ 😀',
    ]);
  });

  test('boxes outside the page are clamped to it; no negative or fractional coordinate', () => {
    const result = resultOf([
      [{ text: 'off', conf: 0.456, box: [-20.5, -5, 130.2, -5, 130.2, 30.7, -20.5, 30.7] }],
    ]);
    const { document } = parseHtml(toHocr(result, { width: 100, height: 20 }));
    const [word] = byClass(document, 'ocrx_word');
    expect(properties(word!)).toEqual({
      bbox: [0, 0, 100, 20],
      poly: [0, 0, 100, 0, 100, 20, 0, 20],
      x_wconf: [46],
    });
  });

  test('a result without words is a page with no lines', () => {
    const { document, errors } = parseHtml(toHocr(resultOf([[]]), { width: 5, height: 5 }));
    expect(errors).toEqual([]);
    expect(byClass(document, 'ocr_page')).toHaveLength(1);
    expect(byClass(document, 'ocr_line')).toEqual([]);
  });

  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, undefined])(
    'a page size of %s is an invalid-input OcrError',
    (size) => {
      const result: OcrResult = resultOf([['a']]);
      for (const options of [
        { width: size as number, height: 10 },
        { width: 10, height: size as number },
      ]) {
        expect(() => toHocr(result, options)).toThrow(
          expect.objectContaining({ name: 'OcrError', code: 'invalid-input' }),
        );
      }
    },
  );
});
