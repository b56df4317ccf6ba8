#!/usr/bin/env node
// `npm run bench`: builds bench/ with Vite (production React), serves it, and measures
// <OcrOverlay> the way a user mounts it — sized by its container, the image as an <img> or a
// URL — next to a naive react-konva overlay and, with OCR_BENCH_BASELINE=<rev>, that revision's
// <OcrOverlay>, in one headless Chromium run. Pointer and wheel input are real (CDP) events.
//
//   npm run bench                          # writes bench/RESULTS.md
//   OCR_BENCH_BASELINE=main npm run bench  # adds "baseline (main)" rows
//   node bench/run.mjs --quick --no-write  # fewer runs, while iterating
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumExecutable } from '../scripts/chromium.mjs';
import { baselinePlugin, prepareBaseline } from './baseline.mjs';
import { coreTable, inputTable, mountTable, summarize, targets } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.dirname(here);
const quick = process.argv.includes('--quick');
const write = !process.argv.includes('--no-write') && !quick;
const SIZES = [0, 1000, 10_000];
const REPEATS = quick
  ? { overlay: 2, naive: 1, core: 2, cold: 1 }
  : { overlay: 5, naive: 3, core: 7, cold: 3 };
/** Off the overlay (the stage is 800×450 at the top left of a 1280×900 viewport). */
const OFF = { x: 1200, y: 880 };

let executablePath;
let baseline;
try {
  executablePath = chromiumExecutable();
  baseline = prepareBaseline(projectRoot, process.env.OCR_BENCH_BASELINE?.trim() || null);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const { build, preview } = await import('vite');
const { default: react } = await import('@vitejs/plugin-react');
const { chromium } = await import('playwright-core');

const load = () =>
  `${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} (${execFileSync('uptime', { encoding: 'utf8' }).trim()})`;

/** Every row: our overlay with both image forms, the baseline's, naive; labels at 10k. */
function plan(hasBaseline) {
  const overlays = hasBaseline ? ['ours', 'baseline'] : ['ours'];
  const specs = [];
  for (const words of SIZES) {
    for (const variant of overlays) {
      for (const image of ['element', 'url']) specs.push({ variant, image, labels: 'auto', words });
    }
    specs.push({ variant: 'naive', image: 'element', labels: 'auto', words });
  }
  for (const variant of overlays) {
    specs.push({ variant, image: 'element', labels: 'always', words: 10_000 });
  }
  return specs;
}

const frame = (page) => page.evaluate(() => window.bench.frame());

/** First mounts, each in a page of its own: the path of a page's first overlay. */
function coldPlan(hasBaseline) {
  const overlays = hasBaseline ? ['ours', 'baseline'] : ['ours'];
  return [
    ...overlays.flatMap((variant) =>
      ['element', 'url'].map((image) => ({ variant, image, labels: 'auto', words: 10_000 })),
    ),
    { variant: 'naive', image: 'element', labels: 'auto', words: 10_000 },
  ].map((spec) => ({ ...spec, cold: true }));
}

/** One mount with hover, a pan of 200 px over 10 frames from a gap between words, one wheel step. */
async function runOnce(page, spec) {
  const mount = await page.evaluate((s) => window.bench.mount(s), spec);
  if (spec.variant === 'naive') {
    await page.evaluate(() => window.bench.unmount());
    return { mount };
  }
  const { points } = mount;
  let hover = Number.NaN;
  if (points.hover) {
    await page.mouse.move(OFF.x, OFF.y);
    await frame(page);
    await page.evaluate(() => window.bench.armHover());
    await page.mouse.move(points.hover.x, points.hover.y);
    hover = await page.evaluate(() => window.bench.hover());
  }
  const start = points.gap ?? points.center;
  await page.mouse.move(start.x, start.y);
  await frame(page);
  await page.evaluate(() => window.bench.beginWindow());
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(start.x - 20 * step, start.y);
    await frame(page);
  }
  await page.mouse.up();
  const pan = await page.evaluate(() => window.bench.endWindow());
  const at = points.hover ?? points.center;
  await page.mouse.move(at.x, at.y);
  await frame(page);
  await page.evaluate(() => window.bench.beginWindow());
  await page.mouse.wheel(0, -120);
  const zoom = await page.evaluate(() => window.bench.endWindow());
  await page.mouse.move(OFF.x, OFF.y);
  await page.evaluate(() => window.bench.unmount());
  return { mount, hover: { value: hover }, pan, zoom };
}

async function measure(page, spec) {
  const repeats = spec.variant === 'naive' ? REPEATS.naive : REPEATS.overlay;
  const runs = [];
  // One warm-up run (JIT, font and image caches), then the measured runs.
  for (let i = 0; i <= repeats; i++) {
    const run = await runOnce(page, spec);
    if (i > 0) runs.push(run);
  }
  const part = (key) => (runs[0][key] ? summarize(runs.map((r) => r[key])) : null);
  const noGap = runs.some((r) => r.mount.points.gap === null);
  return {
    spec,
    mount: part('mount'),
    hover: part('hover'),
    pan: part('pan'),
    zoom: part('zoom'),
    noGap,
  };
}

/**
 * One mount per fresh page (nothing compiled yet, the image in the HTTP cache only), the result
 * generated before the clock starts; `newPage` opens a page set up like the main one.
 */
async function measureCold(newPage, spec) {
  const runs = [];
  for (let i = 0; i < REPEATS.cold; i++) {
    const page = await newPage();
    await page.evaluate((words) => window.bench.prepare(words), spec.words);
    runs.push(await page.evaluate((s) => window.bench.mount(s), spec));
    await page.close();
  }
  return { spec, mount: summarize(runs) };
}

const loadBefore = load();
const outDir = mkdtempSync(path.join(os.tmpdir(), 'ocr-bench-'));
let server;
let browser;
try {
  await build({
    root: here,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react(), baselinePlugin(baseline)],
    // The baseline's files live under node_modules/.cache; they must share our React and Konva.
    resolve: { dedupe: ['react', 'react-dom', 'konva', 'react-konva', 'flatbush'] },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      reportCompressedSize: false,
      // One page with React, Konva and every variant: its size is not what is measured.
      chunkSizeWarningLimit: 4096,
    },
  });
  server = await preview({
    root: here,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The Vite preview server did not report a URL.');

  browser = await chromium.launch({
    executablePath,
    headless: true,
    // --expose-gc lets the page collect garbage between runs (settle() in main.tsx).
    args: [...chromiumArgs, '--js-flags=--expose-gc'],
  });
  const openPage = async () => {
    const opened = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    });
    opened.on('pageerror', (error) => console.error('page error:', error));
    opened.on('console', (message) => {
      if (message.type() === 'error') console.error('page console.error:', message.text());
    });
    await opened.goto(url);
    await opened.waitForFunction(() => document.title === 'bench ready');
    return opened;
  };
  const coldRows = [];
  for (const spec of coldPlan(Boolean(baseline))) {
    process.stderr.write(`measuring ${JSON.stringify(spec)}\n`);
    coldRows.push(
      await measureCold(async () => {
        const fresh = await openPage();
        await fresh.evaluate(() => window.bench.setup());
        return fresh;
      }, spec),
    );
  }
  const page = await openPage();
  const {
    baseline: baselineLabel,
    longTask,
    tailMs,
  } = await page.evaluate(() => window.bench.setup());

  const rows = [];
  for (const spec of plan(Boolean(baselineLabel))) {
    process.stderr.write(`measuring ${JSON.stringify(spec)}\n`);
    rows.push(await measure(page, spec));
  }
  const core = await page.evaluate((n) => window.bench.core(n), REPEATS.core);
  const chromeVersion = browser.version();
  const cpus = os.cpus();
  const text = [
    `Command: \`${baseline ? `OCR_BENCH_BASELINE=${baseline.rev} ` : ''}npm run bench\`${quick ? ' -- --quick' : ''} (${new Date().toISOString()})${baseline ? `; baseline = ${baseline.sha.slice(0, 10)}` : ''}`,
    '',
    `The default path: no \`width\` prop (the overlay takes its 800 px container's width), the 1280×720 photo \`icdar2015-img_1.jpg\` given as a loaded \`<img>\` or as its URL, generated words (tilted quads) over it. Median of ${REPEATS.overlay} runs (naive: ${REPEATS.naive}) after one warm-up; "median / worst" for long tasks.`,
    '',
    'Mount: from `root.render()` to `data-state="ready"`, to `data-text-layer="ready"` (n/a: the overlay never said so), and to the first frame after ready (naive: its first frame). "vs naive" = naive first frame ÷ ready. Longest task = longest `longtask` entry (tasks over 50 ms) from mount until the text layer is ready (or ready); longest frame = longest gap between two animation frames in the same span. Quiet = mount → the first of 10 animation frames in a row that each came within 40 ms (work deferred past ready shows here); the input below is measured after it.',
    '',
    ...mountTable(rows, baselineLabel),
    '',
    `First mount, the path of a page's first overlay: each run in a page of its own (no JavaScript compiled yet; the photo in the HTTP cache), the result generated before the clock starts. Median / worst of ${REPEATS.cold} runs; no warm-up.`,
    '',
    ...mountTable(coldRows, baselineLabel),
    '',
    `Input, with real pointer and wheel events: hover = \`pointermove\` → hover callback and highlight drawn; pan = a 200 px drag over 10 frames from a gap between words, at fit; zoom = one wheel step (deltaY −120). Each window runs until ${tailMs} ms after the input, so deferred work counts; "canvas" = time spent drawing Konva layers in it, "redraws" = layer draws.`,
    '',
    ...inputTable(rows, baselineLabel),
    ...(rows.some((r) => r.noGap)
      ? ['', 'Some pans started on a word: no gap between words was found.']
      : []),
    '',
    'Search and export in the same page:',
    '',
    ...coreTable(core),
    '',
    'Targets (met or missed; the bench never fails on them):',
    '',
    ...targets(rows),
    longTask ? '' : 'This Chromium reports no `longtask` entries; use the longest frame instead.\n',
    'Machine:',
    '',
    `- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (${os.arch()})`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; OS: ${os.type()} ${os.release()}`,
    `- Browser: headless Chromium ${chromeVersion} (${executablePath}), --disable-gpu (software rendering), viewport 1280×900, DPR 1`,
    `- Node ${process.version}; React production build via Vite`,
    `- Load before: ${loadBefore}`,
    `- Load after: ${load()}`,
    '',
  ].join('\n');
  console.log(text);
  if (write) writeFileSync(path.join(here, 'RESULTS.md'), `# Benchmark results\n\n${text}`);
} finally {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
}
