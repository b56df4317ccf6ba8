/**
 * The detector engine: quads that follow rotated text, abort, and the geometry of its answer.
 * (What it shares with tesseract.js is in ../engines.test.ts.)
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalOcrHandler, type LocalOcrHandler } from '../../../../src/server/index';
import { type Envelope, imageRequest, launchChromium } from '../../helpers';

interface RotatedSpec {
  text: string;
  /** Centre of the word. */
  x: number;
  y: number;
  /** Clockwise, degrees (canvas y points down). */
  angle: number;
}

/** Black words on white, each rotated about its centre; PNG bytes. */
async function renderRotated(
  browser: Browser,
  width: number,
  height: number,
  words: RotatedSpec[],
) {
  const page = await browser.newPage();
  try {
    const dataUrl = await page.evaluate(
      ({ width, height, words }) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#fff';
        context.fillRect(0, 0, width, height);
        context.fillStyle = '#000';
        context.font = '40px "DejaVu Sans", sans-serif';
        context.textAlign = 'center';
        context.textBaseline = 'middle';
        for (const word of words) {
          context.save();
          context.translate(word.x, word.y);
          context.rotate((word.angle * Math.PI) / 180);
          context.fillText(word.text, 0, 0);
          context.restore();
        }
        return canvas.toDataURL('image/png');
      },
      { width, height, words },
    );
    return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  } finally {
    await page.close();
  }
}

type Box = Record<'x1' | 'y1' | 'x2' | 'y2' | 'x3' | 'y3' | 'x4' | 'y4', number>;

function words(envelope: Envelope) {
  const result = envelope.result!;
  return result.listOfInferTexts.flatMap((group, line) =>
    group.inferTexts.map((word, index) => ({
      text: word.value,
      box: result.listOfBoundingBoxes[line]!.boundingBoxes[index]! as Box,
    })),
  );
}

/** Angle of the quad's top edge (corner 1 → 2), degrees clockwise. */
const topEdgeAngle = (box: Box) => (Math.atan2(box.y2 - box.y1, box.x2 - box.x1) * 180) / Math.PI;
const centreOf = (box: Box) => ({
  x: (box.x1 + box.x2 + box.x3 + box.x4) / 4,
  y: (box.y1 + box.y2 + box.y3 + box.y4) / 4,
});

let browser: Browser;
let engine: LocalOcrHandler;

beforeAll(async () => {
  browser = await launchChromium();
  engine = createLocalOcrHandler({ engine: 'detector' });
}, 60_000);

afterAll(async () => {
  await engine?.close();
  await browser?.close();
});

describe('rotated text (issue #11)', () => {
  const drawn: RotatedSpec[] = [
    { text: 'Rotated', x: 200, y: 140, angle: -30 },
    { text: 'quads', x: 560, y: 130, angle: 15 },
    { text: 'follow', x: 880, y: 170, angle: 40 },
    { text: 'every', x: 220, y: 420, angle: -12 },
    { text: 'word', x: 520, y: 420, angle: 0 },
    { text: 'angle', x: 830, y: 430, angle: -45 },
    // Two words on one row at different angles, a small gap apart.
    { text: 'tilted', x: 380, y: 640, angle: -18 },
    { text: 'apart', x: 560, y: 640, angle: 18 },
  ];

  it("answers one quad per word whose top edge is within 5° of the word's angle", async () => {
    const png = await renderRotated(browser, 1060, 760, drawn);
    const response = await engine(imageRequest('/general', png));
    expect(response.status).toBe(200);
    const found = words((await response.json()) as Envelope);
    for (const word of drawn) {
      const hit = found.find(
        (candidate) => candidate.text.toLowerCase() === word.text.toLowerCase(),
      );
      expect(hit, `"${word.text}" read`).toBeDefined();
      const centre = centreOf(hit!.box);
      expect(
        Math.hypot(centre.x - word.x, centre.y - word.y),
        `"${word.text}" in place`,
      ).toBeLessThan(20);
      expect(Math.abs(topEdgeAngle(hit!.box) - word.angle), `angle of "${word.text}"`).toBeLessThan(
        5,
      );
    }
    // Nothing else was found, so every quad answered follows its word.
    expect(found).toHaveLength(drawn.length);
  });
});

describe('abort', () => {
  it('a request aborted mid-recognition settles at once, and the engine answers the next one', async () => {
    const png = await renderRotated(browser, 1060, 760, [
      { text: 'Abort', x: 300, y: 300, angle: 0 },
    ]);
    const own = createLocalOcrHandler({ engine: 'detector' });
    try {
      const controller = new AbortController();
      const request = new Request(imageRequest('/general', png), { signal: controller.signal });
      const pending = own(request);
      setTimeout(() => controller.abort(), 50);
      const started = performance.now();
      const response = await pending;
      expect(performance.now() - started).toBeLessThan(1000);
      expect(response.ok).toBe(false);
      const next = await own(imageRequest('/general', png));
      expect(words((await next.json()) as Envelope).map((word) => word.text)).toEqual(['Abort']);
    } finally {
      await own.close();
    }
  });
});

describe('recognizeTimeoutMs', () => {
  it('answers 504 when recognition runs too long', async () => {
    const png = await renderRotated(browser, 400, 200, [
      { text: 'Slow', x: 200, y: 100, angle: 0 },
    ]);
    const impatient = createLocalOcrHandler({ engine: 'detector', recognizeTimeoutMs: 1 });
    try {
      const response = await impatient(imageRequest('/general', png));
      expect(response.status).toBe(504);
      expect(((await response.json()) as Envelope).header).toMatchObject({ resultCode: 5041000 });
    } finally {
      await impatient.close();
    }
  });
});
