import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The built Storybook (`npm run build-storybook` → `storybook-static/`), served with the same
 * `/api/ocr` backend as `npm start` and driven in Chromium. Run after the build:
 * `npx vitest run --config test/storybook/vitest.config.ts` (CI does, right after building it).
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'storybook',
    environment: 'node',
    // `OCR_SCREENSHOTS=1`: regenerate docs/screenshots/ instead (see screenshots.run.ts).
    include: process.env.OCR_SCREENSHOTS
      ? ['test/storybook/screenshots.run.ts']
      : ['test/storybook/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
