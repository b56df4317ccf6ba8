/**
 * Benchmark, not a test: prints how long preprocessing a 12-megapixel photo takes in this
 * Chromium, and the longest main-thread stall while it runs. Asserts nothing about time.
 *
 *   npm run bench   (or: OCR_BENCH=1 npx vitest run --project preprocess-bench)
 */
import { expect, test } from 'vitest';
import { prepareImage } from '../../src/react/uploader/preprocess';
import { bytesOf } from '../../test/react/uploader/browser-support';
import { withExifOrientation } from '../../test/react/uploader/support';

const RUNS = 5;

async function photo(type: 'image/jpeg' | 'image/webp'): Promise<Blob> {
  const { default: url } = await import('../../test/fixtures/real/wildreceipt-1.jpeg?url');
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const canvas = new OffscreenCanvas(4000, 3000);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0, 4000, 3000);
  // Sensor-like noise, so the file is the size of a real 12 MP photo rather than a smooth upscale.
  const pixels = context.getImageData(0, 0, 4000, 3000);
  const noise = new Uint8Array(65536);
  for (let i = 0; i < pixels.data.length; i += 65536) {
    crypto.getRandomValues(noise);
    const end = Math.min(65536, pixels.data.length - i);
    for (let j = 0; j < end; j++) pixels.data[i + j]! += (noise[j]! & 31) - 16;
  }
  context.putImageData(pixels, 0, 0);
  return canvas.convertToBlob({ type, quality: 0.92 });
}

/** Runs `work` while a 0 ms timer loop measures the longest gap (main-thread stall). */
async function measure(work: () => Promise<unknown>) {
  let last = performance.now();
  let stall = 0;
  let running = true;
  const beat = () => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
    if (running) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
  const start = performance.now();
  await work();
  const time = performance.now() - start;
  running = false;
  return { time, stall };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test('preprocessing a 4000 × 3000 photo (prints a table)', async () => {
  const jpeg = new File([await photo('image/jpeg')], 'photo.jpg', { type: 'image/jpeg' });
  const rotated = new File([withExifOrientation(await bytesOf(jpeg), 6)], 'rotated.jpg', {
    type: 'image/jpeg',
  });
  const webp = new File([await photo('image/webp')], 'photo.webp', { type: 'image/webp' });

  const cases: Array<[string, () => Promise<unknown>]> = [
    ['plain JPEG, sent unchanged (header read only)', () => prepareImage(jpeg)],
    ['plain JPEG, maxDimension 4096 (no effect)', () => prepareImage(jpeg, { maxDimension: 4096 })],
    ['EXIF orientation 6 → upright JPEG', () => prepareImage(rotated)],
    ['maxDimension 2048 → 2048 × 1536 JPEG', () => prepareImage(jpeg, { maxDimension: 2048 })],
    ['EXIF 6 + maxDimension 2048', () => prepareImage(rotated, { maxDimension: 2048 })],
    ['WebP → JPEG', () => prepareImage(webp)],
    [
      '(reference) decode only: createImageBitmap',
      async () => (await createImageBitmap(jpeg, { imageOrientation: 'from-image' })).close(),
    ],
  ];

  const rows: Record<
    string,
    { 'median ms': number; 'max ms': number; 'longest stall ms': number }
  > = {};
  for (const [name, work] of cases) {
    await work(); // warm-up
    const times: number[] = [];
    const stalls: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { time, stall } = await measure(work);
      times.push(time);
      stalls.push(stall);
    }
    rows[name] = {
      'median ms': Math.round(median(times)),
      'max ms': Math.round(Math.max(...times)),
      'longest stall ms': Math.round(median(stalls)),
    };
  }
  console.log(
    `4000 × 3000 JPEG ${(jpeg.size / 1e6).toFixed(1)} MB, WebP ${(webp.size / 1e6).toFixed(1)} MB, ${RUNS} runs, ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0]}`,
  );
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  console.log(
    [
      `${'case'.padEnd(48)}${pad('median ms', 11)}${pad('max ms', 9)}${pad('stall ms', 10)}`,
      ...Object.entries(rows).map(
        ([name, row]) =>
          `${name.padEnd(48)}${pad(row['median ms'], 11)}${pad(row['max ms'], 9)}${pad(row['longest stall ms'], 10)}`,
      ),
    ].join('\n'),
  );
  expect(Object.keys(rows)).toHaveLength(cases.length);
}, 120_000);
