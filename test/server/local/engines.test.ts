/**
 * What both local engines promise alike (envelope, words over the drawn text, bad inputs,
 * cropping, close), run against each. Engine-specific behaviour is in engine.test.ts
 * (tesseract.js) and detector/*.test.ts.
 */
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

const ITEMS =
  'Apple Banana Cherry Grape Lemon Mango Melon Orange Peach Pear Plum Kiwi Lime Olive Bread Butter Cheese Cream Honey Jam Milk Pasta Rice Salt Sugar Tea Coffee Water Juice Soda Bacon Beef Chicken Fish Ham Lamb'.split(
    ' ',
  );

let browser: Browser;
let mixed: RenderedImage;
let receipt: RenderedImage;

beforeAll(async () => {
  browser = await launchChromium();
  mixed = await renderText(browser, 900, 360, [
    { text: 'Invoice Total Amount', x: 40, y: 80, font: ENGLISH_FONT },
    { text: '영수증 합계 금액', x: 40, y: 180, font: KOREAN_FONT },
    { text: 'Coffee 4500', x: 40, y: 290, font: ENGLISH_FONT },
  ]);
  receipt = await renderText(
    browser,
    440,
    1800,
    ITEMS.map((item, index) => ({
      text: `${item} ${(index + 1) * 100 + 7}`,
      x: 30,
      y: 60 + index * 48,
      font: '28px "DejaVu Sans", sans-serif',
    })),
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(['tesseract', 'detector'] as const)('engine: %s', (name) => {
  let engine: LocalOcrHandler;
  beforeAll(() => {
    engine = createLocalOcrHandler({ engine: name });
  });
  afterAll(() => engine.close());

  async function ocr(path: string, bytes: Uint8Array, type = 'image/png') {
    const response = await engine(imageRequest(path, bytes, { type }));
    return { response, envelope: (await response.json()) as Envelope };
  }

  it('says which engine answers', () => {
    expect(engine.engine).toBe(name);
  });

  it('reads the English and Korean words of the generated image, each box over the word (IoU > 0.5)', async () => {
    const { response, envelope } = await ocr('/api/ocr/general', mixed.bytes);
    expect(response.status).toBe(200);
    expect(envelope.header).toEqual({
      isSuccessful: true,
      resultCode: 0,
      resultMessage: 'SUCCESS',
    });
    expect(envelope.result?.fileType).toBe('png');
    const found = resultWords(envelope);
    for (const drawn of mixed.words) {
      const hit = found.find((word) => word.text === drawn.text);
      expect(hit, `"${drawn.text}" recognised`).toBeDefined();
      expect(iou(hit!, drawn), `box of "${drawn.text}"`).toBeGreaterThan(0.5);
      expect(hit!.conf).toBeGreaterThan(0.5);
      expect(hit!.conf).toBeLessThanOrEqual(1);
    }
    const lines = envelope.result!.listOfInferTexts.map((group) =>
      group.inferTexts.map((word) => word.value),
    );
    expect(lines).toEqual([
      ['Invoice', 'Total', 'Amount'],
      ['영수증', '합계', '금액'],
      ['Coffee', '4500'],
    ]);
  });

  it('cropping route: slices a tall receipt and maps words back into the full image, none twice', async () => {
    const { response, envelope } = await ocr('/api/ocr/general/cropping', receipt.bytes);
    expect(response.status).toBe(200);
    expect(envelope.result?.slicesImages).toBeGreaterThan(1);
    const found = resultWords(envelope);
    const matched = receipt.words.filter((word) =>
      found.some((hit) => hit.text === word.text && iou(hit, word) > 0.5),
    );
    expect(matched.length).toBeGreaterThanOrEqual(receipt.words.length * 0.9);
    expect(matched.some((word) => word.y0 > 1500)).toBe(true);
    const texts = found.map((word) => word.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each([
    ['empty', new Uint8Array(0), 4000004],
    ['GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), 4000003],
    ['text', new TextEncoder().encode('hello, not an image'), 4000003],
  ])('bad input (%s) → 400 / %s', async (_kind, bytes, code) => {
    const { response, envelope } = await ocr('/general', bytes);
    expect(response.status).toBe(400);
    expect(envelope.header).toMatchObject({ isSuccessful: false, resultCode: code });
  });

  it('JPEG whose data the decoder rejects → 400 / 4000002, and the engine keeps working', async () => {
    const jpeg = await renderText(
      browser,
      600,
      200,
      [{ text: 'Broken', x: 20, y: 120, font: ENGLISH_FONT }],
      'jpeg',
    );
    const broken = jpeg.bytes.subarray(0, Math.floor(jpeg.bytes.length / 2));
    const { response, envelope } = await ocr('/general', broken, 'image/jpeg');
    expect(response.status).toBe(400);
    expect(envelope.header).toMatchObject({ isSuccessful: false, resultCode: 4000002 });
    const after = await ocr('/general', jpeg.bytes, 'image/jpeg');
    expect(after.envelope.result?.fileType).toBe('jpg');
    expect(resultWords(after.envelope).map((word) => word.text)).toContain('Broken');
  });

  it('close(): later requests answer 500, and close can be called twice', async () => {
    const own = createLocalOcrHandler({ engine: name, poolSize: 1 });
    expect((await own(imageRequest('/general', mixed.bytes))).status).toBe(200);
    await own.close();
    await own.close();
    const after = await own(imageRequest('/general', mixed.bytes));
    expect(after.status).toBe(500);
    expect(((await after.json()) as Envelope).header.isSuccessful).toBe(false);
  });
});
