import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalOcrHandler, type LocalOcrHandler } from '../../../src/server/index';
import {
  type Envelope,
  imageRequest,
  iou,
  launchChromium,
  type RenderedImage,
  renderText,
  resultWords,
} from '../helpers';

const KOREAN_FONT = '44px "Noto Sans CJK KR", sans-serif';
const ENGLISH_FONT = '44px "DejaVu Sans", sans-serif';

let browser: Browser;
let engine: LocalOcrHandler;
let mixed: RenderedImage;
let receipt: RenderedImage;

const RECEIPT_ITEMS = [
  'Apple',
  'Banana',
  'Cherry',
  'Grape',
  'Lemon',
  'Mango',
  'Melon',
  'Orange',
  'Peach',
  'Pear',
  'Plum',
  'Kiwi',
  'Lime',
  'Olive',
  'Bread',
  'Butter',
  'Cheese',
  'Cream',
  'Honey',
  'Jam',
  'Milk',
  'Pasta',
  'Rice',
  'Salt',
  'Sugar',
  'Tea',
  'Coffee',
  'Water',
  'Juice',
  'Soda',
  'Bacon',
  'Beef',
  'Chicken',
  'Fish',
  'Ham',
  'Lamb',
];

/** A 440 × 1800 receipt (aspect ≈ 4.1): one item per 48 px line, prices unique per line. */
function renderReceipt(chromium: Browser): Promise<RenderedImage> {
  return renderText(
    chromium,
    440,
    1800,
    RECEIPT_ITEMS.map((item, index) => ({
      text: `${item} ${(index + 1) * 100 + 7}`,
      x: 30,
      y: 60 + index * 48,
      font: '28px "DejaVu Sans", sans-serif',
    })),
  );
}

/** How many drawn words came back with the same text over the same place (IoU > 0.5). */
function matchedWords(drawn: RenderedImage['words'], found: ReturnType<typeof resultWords>) {
  return drawn.filter((word) =>
    found.some((hit) => hit.text === word.text && iou(hit, word) > 0.5),
  );
}

async function ocr(path: string, bytes: Uint8Array, type = 'image/png') {
  const response = await engine(imageRequest(path, bytes, { type }));
  return { response, envelope: (await response.json()) as Envelope };
}

beforeAll(async () => {
  browser = await launchChromium();
  engine = createLocalOcrHandler({ engine: 'tesseract' });
  receipt = await renderReceipt(browser);
  mixed = await renderText(browser, 900, 360, [
    { text: 'Invoice Total Amount', x: 40, y: 80, font: ENGLISH_FONT },
    { text: '영수증 합계 금액', x: 40, y: 180, font: KOREAN_FONT },
    { text: 'Coffee 4500', x: 40, y: 290, font: ENGLISH_FONT },
  ]);
}, 60_000);

afterAll(async () => {
  await engine?.close();
  await browser?.close();
});

describe('general route', () => {
  it('finds English and Korean words, each box over the word as drawn (IoU > 0.5)', async () => {
    const { response, envelope } = await ocr('/api/ocr/general', mixed.bytes);
    expect(response.status).toBe(200);
    expect(envelope.header).toEqual({
      isSuccessful: true,
      resultCode: 0,
      resultMessage: 'SUCCESS',
    });
    expect(envelope.result?.fileType).toBe('png');
    expect(envelope.result?.slicesImages).toBeUndefined();
    const found = resultWords(envelope);
    for (const drawn of mixed.words) {
      const hit = found.find((word) => word.text === drawn.text);
      expect(hit, `"${drawn.text}" recognised`).toBeDefined();
      expect(iou(hit!, drawn), `box of "${drawn.text}"`).toBeGreaterThan(0.5);
      expect(hit!.conf).toBeGreaterThan(0.5);
      expect(hit!.conf).toBeLessThanOrEqual(1);
    }
  });

  it('groups words by text line, boxes clockwise from the top-left', async () => {
    const { envelope } = await ocr('/general', mixed.bytes);
    const lines = envelope.result!.listOfInferTexts.map((group) =>
      group.inferTexts.map((word) => word.value),
    );
    expect(lines).toEqual([
      ['Invoice', 'Total', 'Amount'],
      ['영수증', '합계', '금액'],
      ['Coffee', '4500'],
    ]);
    for (const group of envelope.result!.listOfBoundingBoxes) {
      for (const box of group.boundingBoxes) {
        expect(box.x1).toBeLessThan(box.x2); // top edge left → right
        expect(box.y1).toBe(box.y2);
        expect(box.y2).toBeLessThan(box.y3); // right edge top → bottom
        expect(box.x3).toBe(box.x2);
        expect(box.x4).toBe(box.x1); // bottom edge back to the left
        expect(box.y4).toBe(box.y3);
      }
    }
  });

  it('reports fileType "jpg" from the bytes, whatever the client called the file', async () => {
    const jpeg = await renderText(
      browser,
      500,
      120,
      [{ text: 'Receipt 2024', x: 20, y: 80, font: ENGLISH_FONT }],
      'jpeg',
    );
    const response = await engine(
      imageRequest('/general', jpeg.bytes, { filename: 'x.png', type: 'image/png' }),
    );
    const envelope = (await response.json()) as Envelope;
    expect(envelope.result?.fileType).toBe('jpg');
    expect(matchedWords(jpeg.words, resultWords(envelope)).map((word) => word.text)).toEqual([
      'Receipt',
      '2024',
    ]);
  });
});

describe('cropping route', () => {
  it('slices a tall receipt, maps words back to the full image and drops overlap duplicates', async () => {
    const { response, envelope } = await ocr('/api/ocr/general/cropping', receipt.bytes);
    expect(response.status).toBe(200);
    expect(envelope.result?.slicesImages).toBeGreaterThan(1);
    const found = resultWords(envelope);
    // Full-image coordinates: words far below the first slice sit where they were drawn.
    const matched = matchedWords(receipt.words, found);
    expect(matched.length).toBeGreaterThanOrEqual(receipt.words.length * 0.9);
    expect(matched.some((word) => word.y0 > 1500)).toBe(true);
    expect(Math.max(...found.map((word) => word.y1))).toBeGreaterThan(1500);
    // No word twice: no two results overlap each other.
    for (const [index, word] of found.entries()) {
      for (const other of found.slice(index + 1)) {
        expect(iou(word, other), `"${word.text}" vs "${other.text}"`).toBeLessThan(0.3);
      }
    }
    const texts = found.map((word) => word.text);
    expect(new Set(texts).size).toBe(texts.length); // every drawn word is unique
    // Lines stay in reading order.
    const tops = envelope.result!.listOfBoundingBoxes.map((group) => group.boundingBoxes[0]!.y1);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });

  it('recognises an ordinary image in one slice', async () => {
    const { envelope } = await ocr('/general/cropping', mixed.bytes);
    expect(envelope.result?.slicesImages).toBe(1);
    expect(matchedWords(mixed.words, resultWords(envelope))).toHaveLength(mixed.words.length);
  });

  it('slices a very wide image sideways that the general route refuses', async () => {
    const wide = await renderText(browser, 2400, 200, [
      { text: 'Left', x: 60, y: 120, font: ENGLISH_FONT },
      { text: 'Middle', x: 1100, y: 120, font: ENGLISH_FONT },
      { text: 'Right', x: 2200, y: 120, font: ENGLISH_FONT },
    ]);
    const general = await ocr('/general', wide.bytes);
    expect(general.response.status).toBe(400);
    expect(general.envelope.header).toMatchObject({ isSuccessful: false, resultCode: 4000505 });
    const cropping = await ocr('/general/cropping', wide.bytes);
    expect(cropping.envelope.result?.slicesImages).toBeGreaterThan(1);
    expect(
      matchedWords(wide.words, resultWords(cropping.envelope)).map((word) => word.text),
    ).toEqual(['Left', 'Middle', 'Right']);
  });
});

describe('bad input mirrors NHN codes', () => {
  it('empty file → 400 / 4000004', async () => {
    const { response, envelope } = await ocr('/general', new Uint8Array(0));
    expect(response.status).toBe(400);
    expect(envelope.header).toMatchObject({ isSuccessful: false, resultCode: 4000004 });
  });

  it.each([
    ['GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00')],
    ['text', new TextEncoder().encode('hello, not an image')],
    ['WebP', new TextEncoder().encode('RIFF\x00\x00\x00\x00WEBPVP8 ')],
  ])('%s → 400 / 4000003', async (_name, bytes) => {
    const { response, envelope } = await ocr('/general', bytes);
    expect(response.status).toBe(400);
    expect(envelope.header).toMatchObject({ isSuccessful: false, resultCode: 4000003 });
  });

  it('PNG cut short → 400 / 4000002', async () => {
    const { envelope } = await ocr('/general', mixed.bytes.subarray(0, 200));
    expect(envelope.header).toMatchObject({ isSuccessful: false, resultCode: 4000002 });
  });

  it('general route, aspect > 10 → 400 / 4000505 (tested above with a real image); 10 exactly passes', async () => {
    const narrow = await renderText(browser, 1000, 100, [
      { text: 'Ten', x: 20, y: 70, font: ENGLISH_FONT },
    ]);
    const { response } = await ocr('/general', narrow.bytes);
    expect(response.status).toBe(200);
  });
});

describe('real photos', () => {
  it.each([
    ['icdar2015-img_1.jpg', '/general', 'Carpark'],
    ['wildreceipt-1.jpeg', '/general/cropping', undefined],
  ])(
    '%s through %s gives a response the core parser accepts',
    async (file, path, expected) => {
      const bytes = readFileSync(new URL(`../../fixtures/real/${file}`, import.meta.url));
      const { response, envelope } = await ocr(path, bytes, 'image/jpeg');
      expect(response.status).toBe(200);
      expect(envelope.result?.fileType).toBe('jpg');
      const { parseOcrResponse } = await import('../../../src/core/parse');
      const parsed = parseOcrResponse(envelope);
      expect(parsed.fileType).toBe('jpg');
      expect(parsed.words.length).toBeGreaterThan(0);
      expect(parsed.warnings).toEqual([]);
      for (const word of parsed.words) {
        expect(word.confidence).toBeGreaterThanOrEqual(0);
        expect(word.confidence).toBeLessThanOrEqual(1);
      }
      if (expected) expect(parsed.words.map((word) => word.text)).toContain(expected);
    },
    60_000,
  );
});

describe('recognizeTimeoutMs', () => {
  it('answers 504 when recognition runs too long, and replaces the worker', async () => {
    const impatient = createLocalOcrHandler({
      engine: 'tesseract',
      poolSize: 1,
      recognizeTimeoutMs: 1,
    });
    try {
      const response = await impatient(imageRequest('/general', mixed.bytes));
      expect(response.status).toBe(504);
      expect(((await response.json()) as Envelope).header).toMatchObject({
        isSuccessful: false,
        resultCode: 5041000,
      });
    } finally {
      await impatient.close();
    }
  });
});
