#!/usr/bin/env node
// `npm run bench`: builds bench/ with Vite (production React), serves it, and measures
// <OcrOverlay>, a naive react-konva overlay and raw canvas 2D in one headless Chromium run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumExecutable } from '../scripts/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const write = !process.argv.includes('--no-write');

let executablePath;
try {
  executablePath = chromiumExecutable();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const { build, preview } = await import('vite');
const { default: react } = await import('@vitejs/plugin-react');
const { chromium } = await import('playwright-core');

/** A Markdown table with padded columns (as Biome formats it): first column left, the rest right. */
function table(header, rows) {
  const widths = header.map((_, i) =>
    Math.max(3, ...[header, ...rows].map((row) => row[i].length)),
  );
  const line = (row) =>
    `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)];
}

const loadBefore = os
  .loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'ocr-bench-'));
let server;
let browser;
try {
  await build({
    root: here,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      reportCompressedSize: false,
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
    // --expose-gc lets the page collect garbage between runs (see settle() in main.tsx).
    args: [...chromiumArgs, '--js-flags=--expose-gc'],
  });
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'bench ready');
  const options = quick
    ? { sizes: [0, 1000, 10000], repeats: 2, naiveRepeats: 1 }
    : { sizes: [0, 1000, 10000], repeats: 7, naiveRepeats: 3 };
  const samples = await page.evaluate((o) => window.runBench(o), options);
  const chromeVersion = browser.version();

  const fmt = (n) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : 'n/a');
  const names = {
    ours: '`<OcrOverlay>`',
    naive: 'naive react-konva (Line+Text per word)',
    raw: 'raw canvas 2D (path per quad)',
    'raw-batched': 'raw canvas 2D (batched like ours)',
  };
  const get = (variant, words) => samples.find((s) => s.variant === variant && s.words === words);
  const delta = (variant, key) => get(variant, 10000)[key] - get(variant, 0)[key];
  const mainTable = table(
    [
      'variant',
      'words',
      'first paint (ms)',
      'sync mount+draw (ms)',
      'hover (ms)',
      'zoom redraw (ms)',
      'wheel → drawn (ms)',
    ],
    samples.map((s) => [
      names[s.variant],
      s.words.toLocaleString('en'),
      fmt(s.firstPaint),
      fmt(s.mountSync),
      fmt(s.hover),
      fmt(s.zoomRedraw),
      fmt(s.zoomLatency),
    ]),
  );
  const deltaTable = table(
    ['variant', 'first paint Δ (ms)', 'sync Δ (ms)'],
    ['ours', 'naive', 'raw', 'raw-batched'].map((v) => [
      names[v],
      fmt(delta(v, 'firstPaint')),
      fmt(delta(v, 'mountSync')),
    ]),
  );
  const ours = get('ours', 10000);
  const naive = get('naive', 10000);
  const rawBest = Math.min(get('raw', 10000).firstPaint, get('raw-batched', 10000).firstPaint);
  const rawBestSync = Math.min(get('raw', 10000).mountSync, get('raw-batched', 10000).mountSync);
  const check = (ok) => (ok ? 'met' : 'NOT met');
  const targets = [
    `- 10k first paint ≤ 100 ms: ${fmt(ours.firstPaint)} ms — ${check(ours.firstPaint <= 100)}`,
    `- ≥ 10× faster than naive (10k first paint): ${fmt(naive.firstPaint / ours.firstPaint)}× — ${check(naive.firstPaint / ours.firstPaint >= 10)}`,
    `- within 2× of raw canvas (10k first paint, best raw variant): ${fmt(ours.firstPaint / rawBest)}× (sync work: ${fmt(ours.mountSync / rawBestSync)}×) — ${check(ours.firstPaint <= 2 * rawBest)}`,
    `- hover ≤ 4 ms (10k): ${fmt(ours.hover)} ms — ${check(ours.hover <= 4)}`,
    `- zoom redraw ≤ 16 ms (10k): ${fmt(ours.zoomRedraw)} ms — ${check(ours.zoomRedraw <= 16)}`,
  ];
  const cpus = os.cpus();
  const machine = [
    `- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (${os.arch()})`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; OS: ${os.type()} ${os.release()}`,
    `- Browser: headless Chromium ${chromeVersion} (${executablePath}), --disable-gpu (software rendering), viewport 1280×900, DPR 1`,
    `- Node ${process.version}; React production build via Vite`,
    `- Load average before / after the run: ${loadBefore} / ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} (other processes on a 2-core machine move every row, raw canvas included)`,
  ];
  const text = [
    `Command: \`npm run bench\`${quick ? ' -- --quick' : ''} (${new Date().toISOString()})`,
    '',
    `Image 1600×1200 shown at 800×600; generated words (tilted quads, skewed confidences); stroke width 2 CSS px; median of ${options.repeats} runs (naive: ${options.naiveRepeats}) after one warm-up.`,
    'First paint = mount → the next animation frame has run (pixels on screen); sync = mount → React commit and canvas drawing done. Hover = pointer event → highlight drawn on the canvas. Zoom redraw = canvas work for one wheel step; wheel → drawn includes the wait for the animation frame.',
    '',
    ...mainTable,
    '',
    '10,000 words minus 0 words (the cost of the words themselves, without frame waits and image drawing):',
    '',
    ...deltaTable,
    '',
    'Targets:',
    '',
    ...targets,
    '',
    'Machine:',
    '',
    ...machine,
    '',
  ].join('\n');
  console.log(text);
  if (write && !quick)
    writeFileSync(path.join(here, 'RESULTS.md'), `# Benchmark results\n\n${text}`);
} finally {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
}
