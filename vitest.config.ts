import { existsSync } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import { lazyOcrBackendPlugin } from './.storybook/ocr-backend-loader.ts';
import viteConfig from './vite.config.ts';

/**
 * The Chromium used by the browser tests: `CHROME_PATH`, else Debian's `/usr/bin/chromium`.
 * Resolved only when Vitest runs, so `vite build` and Storybook work without a browser.
 */
function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the browser tests.',
      process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist.` : '',
      'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium fonts-noto-cjk`)',
      'or point CHROME_PATH at a Chrome/Chromium executable.',
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** Flags that keep a headless Chromium quiet on a machine without network or GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

const browserTests = {
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
};

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['test/**/*.test.ts'],
            exclude: ['test/**/*.browser.test.{ts,tsx}'],
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          // Browser tests can POST to `/api/ocr/general` same-origin, like the stories.
          plugins: [lazyOcrBackendPlugin()],
          // Pre-bundled up front: discovering them mid-run reloads the page under a running test.
          optimizeDeps: {
            include: [
              'konva',
              'react-konva',
              'react-dropzone',
              'flatbush',
              'react-dom/client',
              'msw',
              'msw/browser',
              'storybook/test',
              '@storybook/react-vite',
              '@testing-library/react',
            ],
          },
          test: {
            name: 'chromium',
            include: ['test/**/*.browser.test.{ts,tsx}'],
            setupFiles: ['test/browser/setup.ts'],
            globalSetup: ['test/browser/global-setup.ts'],
            browser: browserTests,
            testTimeout: 30_000,
          },
        },
      ],
    },
  }),
);
