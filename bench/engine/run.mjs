#!/usr/bin/env node
/**
 * `npm run bench:engine`: both local engines over the real fixture photos in one run, scored
 * against their ground truth (see metrics.mjs for the definitions), with cold and warm times.
 *
 *   node bench/engine/run.mjs [warm runs = 3] [engines = tesseract,detector]
 *
 * Bundles src/server with esbuild (packages external) so it needs no build step.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { score } from './metrics.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.argv[2] ?? 3);
const engines = (process.argv[3] ?? 'tesseract,detector').split(',');
const fixtures = `${root}test/fixtures/real/`;
const outdir = `${root}node_modules/.cache/react-ocr-overlay-bench-engine`;
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [`${root}src/server/index.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: `${outdir}/server.mjs`,
  logLevel: 'warning',
});
const { createLocalOcrHandler } = await import(pathToFileURL(`${outdir}/server.mjs`).href);

const images = readdirSync(fixtures)
  .filter((name) => /\.jpe?g$/.test(name))
  .sort();

async function recognise(handler, bytes) {
  const form = new FormData();
  form.append('image', new Blob([bytes], { type: 'image/jpeg' }), 'image.jpg');
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const response = await handler(
    new Request('http://bench.local/api/ocr/general', { method: 'POST', body: form }),
  );
  const body = await response.json();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (!body.header.isSuccessful) throw new Error(body.header.resultMessage);
  // CPU time of the whole process, worker threads included: less moved by other load.
  return { ms, cpu: (cpu.user + cpu.system) / 1000, result: body.result };
}

const sizeOf = (bytes) => {
  // The ground truth is in the stored pixel grid; these JPEGs carry no EXIF rotation.
  for (let at = 2; at < bytes.length; ) {
    const marker = bytes[at + 1];
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return {
        height: (bytes[at + 5] << 8) | bytes[at + 6],
        width: (bytes[at + 7] << 8) | bytes[at + 8],
      };
    }
    at += 2 + length;
  }
  throw new Error('no JPEG size');
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const loadBefore = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');
const rows = [];
const totals = {};
for (const engine of engines) {
  const total = {
    detections: 0,
    truePositives: 0,
    falsePositives: 0,
    texts: 0,
    covered: 0,
    read: 0,
    readable: 0,
  };
  totals[engine] = total;
  for (const image of images) {
    const bytes = readFileSync(`${fixtures}${image}`);
    const truth = JSON.parse(
      readFileSync(`${fixtures}${image.replace(/\.jpe?g$/, '.nhn.json')}`, 'utf8'),
    ).result;
    const handler = createLocalOcrHandler({ engine });
    try {
      const cold = await recognise(handler, bytes);
      const warm = [];
      const warmCpu = [];
      for (let run = 0; run < runs; run += 1) {
        const timed = await recognise(handler, bytes);
        warm.push(timed.ms);
        warmCpu.push(timed.cpu);
      }
      const { width, height } = sizeOf(bytes);
      const scored = score(cold.result, truth, width, height, {
        realText: image.startsWith('wildreceipt'),
      });
      for (const key of Object.keys(total)) total[key] += scored[key];
      rows.push({
        engine,
        image,
        ...scored,
        cold: cold.ms,
        warmMin: Math.min(...warm),
        warmMedian: median(warm),
        warmCpu: median(warmCpu),
      });
    } finally {
      await handler.close();
    }
  }
}
const loadAfter = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');

const precision = (s) => s.truePositives / Math.max(1, s.truePositives + s.falsePositives);
const table = [
  [
    'engine',
    'image',
    'detections',
    'precision',
    'covered',
    'read',
    'cold',
    `warm min / median of ${runs}`,
    'warm CPU',
  ],
  ...rows.map((row) => [
    row.engine,
    `\`${row.image}\``,
    String(row.detections),
    precision(row).toFixed(2),
    `${row.covered} / ${row.texts}`,
    row.readable ? `${row.read} / ${row.readable}` : '–',
    seconds(row.cold),
    `${seconds(row.warmMin)} / ${seconds(row.warmMedian)}`,
    seconds(row.warmCpu),
  ]),
  ...engines.map((engine) => {
    const t = totals[engine];
    return [
      `**${engine}**`,
      '**all six**',
      String(t.detections),
      precision(t).toFixed(2),
      `${t.covered} / ${t.texts} (${Math.round((100 * t.covered) / t.texts)}%)`,
      `${t.read} / ${t.readable}`,
      '',
      '',
      '',
    ];
  }),
];
const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
const right = new Set([2, 3, 4, 5, 6, 7, 8]);
const line = (row) =>
  `| ${row.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ')} |`;
console.log(line(table[0]));
console.log(
  `| ${widths.map((w, c) => (right.has(c) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`,
);
for (const row of table.slice(1)) console.log(line(row));
console.log(`
detections = words answered. precision = detections with ≥ 50% of their area on ground-truth text,
over detections not mostly on a "###" (ignore) region. covered = ground-truth texts (not "###")
with ≥ 50% of their area under detections. read = WildReceipt ground-truth texts (all 86, 4 of them
empty, which never count) spelled exactly, ignoring case and spaces, by the detections assigned to
them in order along the text; a detection goes to the ground-truth text containing its centre whose
midline is nearest (the ICDAR texts are placeholders). cold = first request to a new handler
(threads start, models load); warm = the same request again; warm CPU = CPU time of the whole
process (worker threads included) for the median warm request, which other load on the machine
moves less than wall time.`);
console.log(
  `\nnode ${process.version}, ${availableParallelism()} × ${cpus()[0]?.model ?? 'CPU'}; load average before ${loadBefore}, after ${loadAfter}`,
);
