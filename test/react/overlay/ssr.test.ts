import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';

test('imports and server-renders in plain Node without touching the DOM', async () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  const { OcrOverlay, OcrConfidenceLegend } = await import('../../../src/react/overlay');
  const html = renderToString(createElement(OcrOverlay, { image: 'x.png' }));
  expect(html).toContain('data-state="loading"');
  expect(html).toContain('tabindex="0"');
  expect(renderToString(createElement(OcrConfidenceLegend))).toContain('linear-gradient');
});
