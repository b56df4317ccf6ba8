#!/usr/bin/env node
/**
 * Local-engine latency, cold (new handler: worker start + language data + recognition) and
 * warm (same handler again), for the real fixtures.
 *
 *   node scripts/measure-local-engine.mjs [runs=3] [languages=eng,kor]
 *
 * Bundles src/server with esbuild (dependencies external) into node_modules/.cache, so it
 * needs no build and no TypeScript loader.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 3);
const languages = (process.argv[3] ?? 'eng,kor').split(',');
const outdir = `${root}node_modules/.cache/react-ocr-overlay-measure`;
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

const cases = [
  ['icdar2015-img_1.jpg', '/api/ocr/general'],
  ['wildreceipt-1.jpeg', '/api/ocr/general'],
  ['wildreceipt-1.jpeg', '/api/ocr/general/cropping'],
];

async function time(handler, path, bytes) {
  const form = new FormData();
  form.append('image', new Blob([bytes], { type: 'image/jpeg' }), 'image.jpg');
  const started = performance.now();
  const response = await handler(
    new Request(`http://localhost${path}`, { method: 'POST', body: form }),
  );
  const body = await response.json();
  const ms = performance.now() - started;
  if (!body.header.isSuccessful) throw new Error(`${path}: ${body.header.resultMessage}`);
  const words = body.result.listOfInferTexts.reduce((n, line) => n + line.inferTexts.length, 0);
  return { ms, words };
}

console.log(
  `node ${process.version}, ${availableParallelism()} cores, runs=${runs}, languages=${languages.join('+')}`,
);
for (const [file, path] of cases) {
  const bytes = readFileSync(`${root}test/fixtures/real/${file}`);
  const handler = createLocalOcrHandler({ languages });
  try {
    const cold = await time(handler, path, bytes);
    const warm = [];
    for (let run = 0; run < runs; run += 1) warm.push((await time(handler, path, bytes)).ms);
    warm.sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)];
    console.log(
      `${file.padEnd(22)} ${path.padEnd(26)} cold ${cold.ms.toFixed(0).padStart(6)} ms   warm median ${median.toFixed(0).padStart(6)} ms (min ${warm[0].toFixed(0)}, max ${warm.at(-1).toFixed(0)})   ${cold.words} words`,
    );
  } finally {
    await handler.close();
  }
}
