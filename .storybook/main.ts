import type { StorybookConfig } from '@storybook/react-vite';
import { lazyOcrBackendPlugin } from './ocr-backend-loader.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  // `public/` holds MSW's service worker; the fixtures are real photos used by the stories.
  staticDirs: ['../public', { from: '../test/fixtures/real', to: '/fixtures' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // vite.config.ts builds the library; Storybook builds an app from the same plugins.
    if (viteConfig.build) viteConfig.build.lib = false;
    // `/api/ocr/general(/cropping)`: the NHN proxy when keys are in the environment, else the
    // local tesseract.js engine, so `npm start` does real OCR with no keys and no network.
    viteConfig.plugins = [...(viteConfig.plugins ?? []), lazyOcrBackendPlugin()];
    return viteConfig;
  },
};

export default config;
