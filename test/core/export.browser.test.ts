import { describe, expect, test } from 'vitest';
import { parseOcrResponse, toHocr } from '../../src/core/index';
import { resultOf } from '../support/results';

const XHTML = 'http://www.w3.org/1999/xhtml';
const fixtures = Object.entries(
  import.meta.glob<unknown>('../fixtures/real/*.nhn.json', { eager: true, import: 'default' }),
).map(([path, body]) => ({ file: path.split('/').pop()!, result: parseOcrResponse(body) }));

/**
 * The document as an XML parser reads it (hocr-tools' hocr-pdf and OCRmyPDF's hOCR renderer use
 * Python's ElementTree): well-formed, elements in the XHTML namespace.
 */
function parseXml(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xhtml+xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return document;
}

describe('toHocr as XML', () => {
  test('the real fixtures are well-formed XHTML with one ocrx_word per word', () => {
    expect(fixtures.length).toBeGreaterThan(0);
    for (const { file, result } of fixtures) {
      const document = parseXml(toHocr(result, { width: 1600, height: 1200 }));
      expect(document.documentElement.namespaceURI, file).toBe(XHTML);
      const words = document.querySelectorAll('span.ocrx_word');
      expect(words, file).toHaveLength(result.words.length);
      expect(
        [...words].map((w) => w.textContent),
        file,
      ).toEqual(result.words.map((w) => w.text));
    }
  });

  test('hostile text stays text for an XML parser too', () => {
    const hostile = ['<script>x</script>', '&nbsp;', '"\'', ']]>', 'a\u0001\ud800b'];
    const document = parseXml(toHocr(resultOf([hostile]), { width: 9, height: 9, title: '&<' }));
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect([...document.querySelectorAll('span.ocrx_word')].map((w) => w.textContent)).toEqual([
      '<script>x</script>',
      '&nbsp;',
      '"\'',
      ']]>',
      'a\ufffd\ufffdb',
    ]);
    expect(document.title).toBe('&<');
  });
});
