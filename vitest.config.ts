import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { lazyOcrBackendPlugin } from './.storybook/ocr-backend-loader.ts';
import { chromiumArgs, chromiumExecutable } from './scripts/chromium.mjs';
import { allowClipboard, mouseDrag } from './test/browser/commands.ts';
import viteConfig from './vite.config.ts';

const browserTests = {
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
  }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
  commands: { mouseDrag, allowClipboard },
};

const chromiumProject = {
  extends: true as const,
  // Browser tests can POST to `/api/ocr/general` same-origin, like the stories.
  plugins: [lazyOcrBackendPlugin()],
  // Pre-bundled up front: discovering them mid-run reloads the page under a running test.
  optimizeDeps: {
    include: [
      'konva',
      'konva/lib/Core',
      'react-konva',
      'react-konva/lib/ReactKonvaCore',
      'react-dropzone',
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
} satisfies TestProjectInlineConfiguration;

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
        chromiumProject,
        // `npm run bench` only: timings printed as a table, never asserted.
        ...(process.env.OCR_BENCH
          ? [
              {
                ...chromiumProject,
                test: {
                  ...chromiumProject.test,
                  name: 'preprocess-bench',
                  include: ['bench/**/*.browser.test.tsx'],
                  testTimeout: 120_000,
                },
              },
            ]
          : []),
      ],
    },
  }),
);
