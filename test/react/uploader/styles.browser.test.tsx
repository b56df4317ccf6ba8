/**
 * `react-ocr-overlay/styles.css` (#12 item 13): light and dark from `prefers-color-scheme`, a
 * forced theme, custom properties, stable class names and `data-part`s, and `unstyled`.
 */
import '../../../src/styles.css';
import { render } from '@testing-library/react';
import type { CSSProperties } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import { OcrUploader, type OcrUploaderProps } from '../../../src/react/uploader';

const WHITE = 'rgb(255, 255, 255)';
const DARK_SURFACE = 'rgb(28, 30, 33)';

async function prefersColorScheme(value: 'light' | 'dark') {
  await cdp().send('Emulation.setEmulatedMedia', {
    features: [{ name: 'prefers-color-scheme', value }],
  });
}
afterEach(() => prefersColorScheme('light'));

function renderUploader(
  props: Partial<OcrUploaderProps> = {},
  wrapper: Record<string, string> = {},
) {
  const { container } = render(
    <div {...wrapper}>
      <OcrUploader endpoint="/api/ocr/general" {...props} />
    </div>,
  );
  const root = container.querySelector<HTMLElement>('[data-ocr-uploader]')!;
  const style = (selector?: string) =>
    getComputedStyle(selector ? root.querySelector(selector)! : root);
  return { root, style };
}

describe('light and dark', () => {
  test('light by default: a white card with dark text', async () => {
    await prefersColorScheme('light');
    const { style } = renderUploader();
    expect(style().backgroundColor).toBe(WHITE);
    expect(style().color).toBe('rgb(31, 35, 40)');
    expect(style().colorScheme).toBe('light');
  });

  test('dark when the system prefers it', async () => {
    await prefersColorScheme('dark');
    const { style } = renderUploader();
    expect(style().backgroundColor).toBe(DARK_SURFACE);
    expect(style().colorScheme).toBe('dark');
    expect(style('[data-part="browse"]').color).toBe('rgb(124, 172, 248)');
  });

  test.each([
    ['light', 'dark', WHITE],
    ['dark', 'light', DARK_SURFACE],
  ] as const)(
    'data-ocr-theme="%s" on an ancestor wins over a %s system',
    async (theme, system, bg) => {
      await prefersColorScheme(system);
      const { style } = renderUploader({}, { 'data-ocr-theme': theme });
      expect(style().backgroundColor).toBe(bg);
    },
  );

  test('data-ocr-theme on the uploader itself', async () => {
    const { style } = renderUploader({ 'data-ocr-theme': 'dark' } as Partial<OcrUploaderProps>);
    expect(style().backgroundColor).toBe(DARK_SURFACE);
  });
});

describe('themable through custom properties', () => {
  test('--ocr-accent, --ocr-radius and --ocr-font reach the parts', () => {
    const { style } = renderUploader({
      style: {
        '--ocr-accent': '#ff0000',
        '--ocr-radius': '2px',
        '--ocr-font': 'monospace',
      } as CSSProperties,
    });
    expect(style('[data-part="browse"]').color).toBe('rgb(255, 0, 0)');
    expect(style('[data-part="prompt"]').borderTopLeftRadius).toBe('2px');
    expect(style().fontFamily).toBe('monospace');
  });

  test('a rule of the app wins without !important (every selector is :where())', () => {
    const sheet = document.createElement('style');
    sheet.textContent = "[data-part='prompt'] { padding: 3px; }";
    document.head.append(sheet);
    try {
      const { style } = renderUploader();
      expect(style('[data-part="prompt"]').paddingTop).toBe('3px');
    } finally {
      sheet.remove();
    }
  });
});

describe('stable hooks and unstyled', () => {
  const PARTS = ['dropzone', 'prompt', 'browse', 'url', 'activity', 'status'];

  test('the root has the class, the parts their data-part', () => {
    const { root } = renderUploader();
    expect(root.className).toBe('ocr-uploader');
    for (const part of PARTS)
      expect(root.querySelector(`[data-part="${part}"]`), part).not.toBeNull();
    expect(root.querySelector('[data-part="url"] label')!.textContent).toBe('Image URL');
  });

  test('unstyled: no class, no look, the data-parts stay', () => {
    const { root, style } = renderUploader({ unstyled: true, className: 'mine' });
    expect(root.className).toBe('mine');
    for (const part of PARTS)
      expect(root.querySelector(`[data-part="${part}"]`), part).not.toBeNull();
    expect(style().paddingTop).toBe('0px');
    expect(style('[data-part="prompt"]').borderTopStyle).toBe('none');
  });
});

describe('the overlay under the stylesheet', () => {
  test("its image error takes the theme's danger colour, readable in dark", async () => {
    const { OcrOverlay } = await import('../../../src/react/overlay');
    await prefersColorScheme('dark');
    const { container } = render(
      <OcrOverlay
        className="ocr-overlay"
        image="data:image/png;base64,bm90IGFuIGltYWdl"
        onImageError={() => {}}
        width={200}
      />,
    );
    const alert = await vi.waitFor(() => {
      const found = container.querySelector<HTMLElement>('[role="alert"]');
      if (!found) throw new Error('no error yet');
      return found;
    });
    // Dark --ocr-danger (#ffb4ab) instead of the built-in #b00020, on the dark danger background.
    expect(getComputedStyle(alert).color).toBe('rgb(255, 180, 171)');
    expect(getComputedStyle(alert).backgroundColor).not.toBe('rgb(254, 241, 240)');
  });
});
