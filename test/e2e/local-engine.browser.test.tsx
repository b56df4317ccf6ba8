/**
 * End to end, nothing mocked: the Vitest page is served by Vite with the same `/api/ocr` backend
 * as `npm start` (the local engine: the detector, since this repository installs its optional
 * packages), and a generated photo of known words goes
 * through the real uploader, the real HTTP client and the real overlay.
 */
import { render, waitFor } from '@testing-library/react';
import Konva from 'konva';
import { describe, expect, test } from 'vitest';
import { type OcrResult, OcrUploader } from '../../src/index';
import { textImage } from '../../stories/support/uploader/images';

const WORDS = ['HELLO', 'WORLD', 'TOTAL'];

async function choose(input: HTMLInputElement, file: File) {
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Max channel difference between two RGBA buffers around (x, y) in a 3×3 window. */
function differs(a: Uint8ClampedArray, b: Uint8ClampedArray, width: number, x: number, y: number) {
  let max = 0;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const i = ((y + dy) * width + (x + dx)) * 4;
      for (let c = 0; c < 3; c++) max = Math.max(max, Math.abs(a[i + c]! - b[i + c]!));
    }
  }
  return max;
}

describe('npm start backend, end to end', () => {
  test('a chosen photo is recognised by the local engine and its boxes are drawn over it', async () => {
    const { file } = await textImage(900, 400, [
      { text: WORDS.slice(0, 2).join(' '), x: 60, y: 110, size: 72 },
      { text: WORDS[2]!, x: 60, y: 260, size: 72 },
    ]);
    let received: OcrResult | null = null;
    const { container } = render(
      <div style={{ width: 900 }}>
        <OcrUploader
          endpoint="/api/ocr/general"
          onResult={(result) => {
            received = result;
          }}
          overlayProps={{ labels: 'none', strokeWidth: 3, zoom: false }}
        />
      </div>,
    );
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    await choose(input, file);

    const root = container.firstElementChild!.firstElementChild as HTMLElement;
    await waitFor(() => expect(root.dataset.state).toBe('success'), { timeout: 60_000 });
    const result = received as OcrResult | null;
    expect(result).not.toBeNull();
    const texts = result!.words.map((word) => word.text.toUpperCase());
    for (const word of WORDS) expect(texts).toContain(word);

    // The overlay is ready, and its text layer holds the words for readers and find-in-page.
    const overlay = await waitFor(
      () => {
        const found = root.querySelector<HTMLElement>('[data-ocr-overlay][data-state="ready"]');
        expect(found?.dataset.textLayer).toBe('ready');
        return found!;
      },
      { timeout: 10_000 },
    );
    for (const word of WORDS) {
      expect(overlay.textContent?.toUpperCase()).toContain(word);
    }

    // The boxes are on the canvas: each word's top edge differs from the bare photo, and a
    // point well between the words does not.
    const stage = Konva.stages.at(-1)!;
    const scale = stage.width() / 900;
    const drawn = stage.toCanvas({ pixelRatio: 1 });
    const width = drawn.width;
    const drawnPixels = drawn.getContext('2d')!.getImageData(0, 0, width, drawn.height).data;
    const bare = document.createElement('canvas');
    bare.width = width;
    bare.height = drawn.height;
    const bareContext = bare.getContext('2d')!;
    bareContext.drawImage(await createImageBitmap(file), 0, 0, width, drawn.height);
    const barePixels = bareContext.getImageData(0, 0, width, drawn.height).data;
    for (const word of result!.words.filter((w) => WORDS.includes(w.text.toUpperCase()))) {
      const [a, b] = word.quad;
      const x = Math.round(((a.x + b.x) / 2) * scale);
      const y = Math.round(((a.y + b.y) / 2) * scale);
      expect(differs(drawnPixels, barePixels, width, x, y), `edge of ${word.text}`).toBeGreaterThan(
        40,
      );
    }
    expect(
      differs(drawnPixels, barePixels, width, Math.round(850 * scale), Math.round(20 * scale)),
    ).toBeLessThan(24);
  }, 90_000);
});
