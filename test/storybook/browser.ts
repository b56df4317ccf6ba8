import { readFileSync } from 'node:fs';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Frame,
  type Page,
} from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs';

/** A host name that is not localhost, mapped to 127.0.0.1: plain http there is not a secure context. */
export const LAN_HOST = 'storybook.lan';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...chromiumArgs, `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`],
  });
}

/** What a story's render reported on Storybook's channel (`storyFinished`, play exceptions). */
export interface StoryOutcome {
  status: 'success' | 'error';
  errors: string[];
}

/**
 * Records Storybook's `storyFinished` and `playFunctionThrewException` events in every page of
 * the context: the channel is caught when the preview assigns it to `window`.
 */
export async function recordStoryOutcomes(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & {
      __storyOutcomes: Array<{ storyId: string; status: string }>;
      __storyErrors: string[];
    };
    w.__storyOutcomes = [];
    w.__storyErrors = [];
    Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      set(channel: { on(event: string, fn: (payload: never) => void): void }) {
        Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
          value: channel,
          writable: true,
          configurable: true,
        });
        channel.on('storyFinished', (event: { storyId: string; status: string }) => {
          w.__storyOutcomes.push(event);
        });
        channel.on('playFunctionThrewException', (error: { message?: string }) => {
          w.__storyErrors.push(String(error?.message ?? error));
        });
      },
    });
  });
}

/** Opens one story in the preview alone and waits for Storybook to finish it (play included). */
export async function runStory(page: Page, origin: string, id: string): Promise<StoryOutcome> {
  await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story`);
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as {
        __storyOutcomes?: Array<{ status: 'success' | 'error' }>;
        __storyErrors?: string[];
      };
      const last = w.__storyOutcomes?.at(-1);
      return last ? { status: last.status, errors: w.__storyErrors ?? [] } : null;
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  return (await handle.jsonValue()) as StoryOutcome;
}

/** The preview iframe of the Storybook manager page. */
export async function previewFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('#storybook-preview-iframe');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('The Storybook preview iframe has no frame.');
  return frame;
}

/** Every `data-state` the uploader took and every value its progress bar showed. */
export interface UploaderTrace {
  states: string[];
  progress: number[];
}

/** Starts recording the uploader's `data-state` changes and progress values in `frame`. */
export async function traceUploader(frame: Frame): Promise<void> {
  await frame.waitForSelector('[role="group"][data-state="idle"]', { timeout: 30_000 });
  await frame.evaluate(() => {
    const root = document.querySelector('[role="group"][data-state]')!;
    const trace = { states: [root.getAttribute('data-state')!], progress: [] as number[] };
    (window as unknown as { __trace: typeof trace }).__trace = trace;
    new MutationObserver(() => {
      const state = root.getAttribute('data-state')!;
      if (trace.states.at(-1) !== state) trace.states.push(state);
      const value = root.querySelector('progress')?.getAttribute('value');
      if (value != null) trace.progress.push(Number(value));
    }).observe(root, { attributes: true, subtree: true, childList: true });
  });
}

export async function uploaderTrace(frame: Frame): Promise<UploaderTrace> {
  return frame.evaluate(() => (window as unknown as { __trace: UploaderTrace }).__trace);
}

/**
 * Uploads at `bytesPerSecond` (Chromium's own network emulation), so a real XHR reports
 * progress in steps a person would see, even from loopback.
 */
export async function throttleUploads(page: Page, bytesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

/** MSW's service worker script, as earlier versions of this Storybook served it. */
export const MOCK_SERVICE_WORKER = readFileSync(
  new URL('../../public/mockServiceWorker.js', import.meta.url),
  'utf8',
);
