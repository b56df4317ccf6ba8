/**
 * Regenerates docs/screenshots/ (README): the uploader with `react-ocr-overlay/styles.css` in
 * each state, light and dark, from the built Storybook. Not part of CI; run after
 * `npm run build-storybook` with
 *
 *   OCR_SCREENSHOTS=1 npx vitest run --config test/storybook/vitest.config.ts
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { launch, recordStoryOutcomes } from './browser';
import { type ServedStorybook, serveStorybook } from './serve';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const ROOT = '[data-ocr-uploader]';

/** Each state: the story that shows it, and how to bring it about once the story is open. */
const STATES: Record<string, { story: string; reach: (page: Page) => Promise<void> }> = {
  idle: { story: 'idle', reach: async () => {} },
  dragging: {
    story: 'idle',
    reach: async (page) => {
      await page.evaluate((selector) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(8)], 'receipt.jpg', { type: 'image/jpeg' }));
        document
          .querySelector(selector)!
          .dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: data }));
      }, ROOT);
      await page.waitForSelector(`${ROOT}[data-drag-active]`);
    },
  },
  uploading: {
    story: 'slow-upload',
    reach: async (page) => {
      await page.waitForFunction(
        () => Number(document.querySelector('progress')?.getAttribute('value')) >= 45,
        undefined,
        { polling: 50, timeout: 30_000 },
      );
    },
  },
  error: {
    story: 'url-refused-by-server',
    reach: async (page) => {
      await page.waitForSelector(`${ROOT} [role="alert"]`, { timeout: 30_000 });
    },
  },
  result: {
    story: 'real-photo',
    reach: async (page) => {
      await page.waitForSelector(
        `${ROOT}[data-state="success"] [data-ocr-overlay][data-state="ready"]`,
        {
          timeout: 30_000,
        },
      );
    },
  },
};

let storybook: ServedStorybook;
let browser: Browser;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [storybook, browser] = await Promise.all([serveStorybook(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await storybook?.close();
});

describe.each(['light', 'dark'] as const)('%s', (colorScheme) => {
  test.each(Object.entries(STATES))('%s', async (state, { story, reach }) => {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 760, height: 900 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    await recordStoryOutcomes(context);
    const page = await context.newPage();
    await page.goto(
      `${storybook.origin}/iframe.html?id=uploader-ocruploader--${story}&viewMode=story`,
    );
    await page.waitForSelector(ROOT);
    await reach(page);
    // The last button clicked keeps its focus ring; that is not part of the state shown.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const box = (await page.locator(ROOT).boundingBox())!;
    const margin = 16;
    await page.screenshot({
      path: `${OUT}uploader-${state}-${colorScheme}.png`,
      fullPage: true,
      clip: {
        x: box.x - margin,
        y: box.y - margin,
        width: box.width + 2 * margin,
        height: box.height + 2 * margin,
      },
    });
    await context.close();
  });
});
