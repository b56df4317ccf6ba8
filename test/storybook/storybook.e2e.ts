/**
 * The built Storybook as its users meet it: `storybook-static/` served with the real `/api/ocr`
 * backend, driven in Chromium. Issue #12, items 1, 2, 3 and 5.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  LAN_HOST,
  launch,
  MOCK_SERVICE_WORKER,
  previewFrame,
  recordStoryOutcomes,
  runStory,
  throttleUploads,
  traceUploader,
  uploaderTrace,
} from './browser';
import { type ServedStorybook, serveStorybook } from './serve';

const PHOTO = fileURLToPath(new URL('../fixtures/real/icdar2015-img_1.jpg', import.meta.url));
const PLAYGROUND = 'playground--live-backend';
/** 46 kB at 120 kB/s: about 0.4 s of upload, long enough to show progress steps. */
const UPLOAD_BYTES_PER_SECOND = 120_000;

let storybook: ServedStorybook;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [storybook, browser] = await Promise.all([serveStorybook(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await storybook?.close();
});

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  contexts.push(context);
  await recordStoryOutcomes(context);
  return context.newPage();
}

/** Picks the photo in the Playground of `frame` and returns what the uploader went through. */
async function recognizeInPlayground(page: Page, frame = page.mainFrame()) {
  await traceUploader(frame);
  await throttleUploads(page, UPLOAD_BYTES_PER_SECOND);
  await frame.setInputFiles('input[type="file"]', PHOTO);
  await frame.waitForSelector('[role="group"][data-state="success"]', { timeout: 90_000 });
  const trace = await uploaderTrace(frame);
  const controlled = await frame.evaluate(() => Boolean(navigator.serviceWorker?.controller));
  return { ...trace, controlled };
}

function expectLiveProgress(trace: Awaited<ReturnType<typeof recognizeInPlayground>>) {
  expect(trace.controlled).toBe(false);
  expect(trace.states.slice(trace.states.indexOf('uploading'))).toEqual([
    'uploading',
    'recognizing',
    'success',
  ]);
  // The bar moved while uploading: not stuck at "Uploading… 0%".
  expect(trace.progress.some((value) => value > 0 && value < 100)).toBe(true);
}

describe('#12 item 1: the live Playground is never behind a service worker', () => {
  test('after a mocked story in the same preview: uploading → recognizing → success, with progress', async () => {
    const page = await newPage();
    await page.goto(`${storybook.origin}/?path=/story/uploader-ocruploader--real-photo`);
    const frame = await previewFrame(page);
    await frame.waitForFunction(
      () => (window as unknown as { __storyOutcomes?: unknown[] }).__storyOutcomes?.length,
      undefined,
      { timeout: 60_000 },
    );
    await frame.evaluate(() => {
      (window as unknown as { __samePreview: boolean }).__samePreview = true;
    });
    // The manager's own navigation (as a click in the sidebar): the preview document stays.
    await page.evaluate((id) => {
      history.pushState({}, '', `/?path=/story/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, PLAYGROUND);
    await frame.waitForSelector('[role="group"][data-state="idle"]', { timeout: 30_000 });
    expect(
      await frame.evaluate(() => (window as unknown as { __samePreview?: boolean }).__samePreview),
    ).toBe(true);
    expectLiveProgress(await recognizeInPlayground(page, frame));
  });

  test('with service workers blocked', async () => {
    const page = await newPage({ serviceWorkers: 'block' });
    await page.goto(`${storybook.origin}/iframe.html?id=${PLAYGROUND}&viewMode=story`);
    expectLiveProgress(await recognizeInPlayground(page));
  });

  test('over plain http on a LAN name (not a secure context: no service workers at all)', async () => {
    const page = await newPage();
    await page.goto(`http://${LAN_HOST}:${storybook.port}/iframe.html?id=${PLAYGROUND}`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    expectLiveProgress(await recognizeInPlayground(page));
    // Mocked stories work there too: their mocks live in the page, not in a worker.
    expect(
      await runStory(
        page,
        `http://${LAN_HOST}:${storybook.port}`,
        'uploader-ocruploader--api-error',
      ),
    ).toEqual({
      status: 'success',
      errors: [],
    });
  });

  test("a browser that kept an earlier version's mock service worker is freed of it", async () => {
    const page = await newPage();
    await page
      .context()
      .route('**/mockServiceWorker.js', (route) =>
        route.fulfill({ body: MOCK_SERVICE_WORKER, contentType: 'text/javascript' }),
      );
    const url = `${storybook.origin}/iframe.html?id=${PLAYGROUND}&viewMode=story`;
    await page.goto(url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.register('/mockServiceWorker.js');
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller === null, undefined, {
      timeout: 30_000,
    });
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
    ).toBe(0);
    expectLiveProgress(await recognizeInPlayground(page));
  });
});

/** Every story in the built Storybook, from its index (docs pages excluded). */
async function storyIds(): Promise<string[]> {
  const response = await fetch(`${storybook.origin}/index.json`);
  const index = (await response.json()) as { entries: Record<string, { type: string }> };
  return Object.entries(index.entries)
    .filter(([, entry]) => entry.type === 'story')
    .map(([id]) => id);
}

describe('#12 item 3: stories play in Storybook as they do under `npm test`', () => {
  test('every story renders and its play function passes', async () => {
    const page = await newPage();
    const failed: Array<[string, unknown]> = [];
    for (const id of await storyIds()) {
      const outcome = await runStory(page, storybook.origin, id);
      if (outcome.status !== 'success' || outcome.errors.length > 0)
        failed.push([id, outcome.errors]);
    }
    expect(failed).toEqual([]);
  });

  test('UrlInput passes run after run (it used to fail 2 runs in 3)', async () => {
    const page = await newPage();
    for (let run = 0; run < 5; run++) {
      expect(await runStory(page, storybook.origin, 'uploader-ocruploader--url-input')).toEqual({
        status: 'success',
        errors: [],
      });
    }
  });
});

describe('#12 item 2: Docs pages with props tables from the JSDoc and a usage text', () => {
  test.each([
    ['components-ocroverlay--docs', 'minConfidence', /Words below this confidence/, /<OcrOverlay/],
    ['uploader-ocruploader--docs', 'allowUrl', /Shows a field for an image URL/, /<OcrUploader/],
    // An inherited prop (from useOcr's options, two interfaces up) is documented too.
    ['uploader-ocruploader--docs', 'retries', /How many times to retry/, /styles\.css/],
    [
      'components-ocrconfidencelegend--docs',
      'ticks',
      /Confidences to label under the bar/,
      /<OcrConfidenceLegend/,
    ],
  ])('%s documents %s', async (id, prop, description, usage) => {
    const page = await newPage();
    const rows = await propsTable(page, id);
    expect(rows[prop], `${prop} row`).toMatch(description);
    // The usage text's code block is highlighted (and so filled in) a moment after the table.
    await page
      .waitForFunction(
        (source) =>
          new RegExp(source).test(document.querySelector('.sbdocs-content')?.textContent ?? ''),
        usage.source,
        { timeout: 10_000 },
      )
      .catch(() => {});
    expect(await page.textContent('.sbdocs-content')).toMatch(usage);
    expect(await page.textContent('body')).not.toMatch(/NoStoryMatchError|Couldn't find story/);
  });

  test('the DOM attributes of React are not listed (only our props)', async () => {
    const rows = await propsTable(await newPage(), 'uploader-ocruploader--docs');
    expect(rows).toHaveProperty('endpoint');
    expect(rows).not.toHaveProperty('onMouseEnter');
  });
});

/** The docs page's props table as name → description. */
async function propsTable(page: Page, id: string): Promise<Record<string, string>> {
  await page.goto(`${storybook.origin}/iframe.html?id=${id}&viewMode=docs`);
  await page.waitForSelector('.docblock-argstable tbody tr', { timeout: 30_000 });
  return page.$$eval('.docblock-argstable tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const [name, description] = [...row.querySelectorAll('td')].map(
          (td) => td.textContent ?? '',
        );
        return [name!.replace(/\*$/, '').trim(), description ?? ''];
      }),
    ),
  );
}

describe('#12 item 5: no noise for the users of a component library', () => {
  test('the preview opened on its own makes no failing request (no favicon 404)', async () => {
    const page = await newPage();
    const failures: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    await runStory(page, storybook.origin, 'uploader-ocruploader--idle');
    await page.waitForLoadState('networkidle');
    expect(failures).toEqual([]);
  });

  test('the "Get started" onboarding checklist is off in the sidebar and the menu', async () => {
    const page = await newPage();
    await page.goto(`${storybook.origin}/?path=/story/uploader-ocruploader--idle`);
    const features = await page.evaluate(
      () => (window as unknown as { FEATURES: Record<string, unknown> }).FEATURES,
    );
    expect(features).toMatchObject({
      sidebarOnboardingChecklist: false,
      menuOnboardingChecklist: false,
    });
  });
});
