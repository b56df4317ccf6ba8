import type { StorybookConfig } from '@storybook/react-vite';
import { lazyOcrBackendPlugin } from './ocr-backend-loader.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/react-vite', options: {} },
  // The fixtures are real photos used by the stories. No service worker is served: mocks run in
  // the page (see `./mock-network.ts`).
  staticDirs: [{ from: '../test/fixtures/real', to: '/fixtures' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // A component library's Storybook is read by its users: no "Get started" checklist for them.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  typescript: {
    // Props tables from the JSDoc of the props interfaces, inherited ones included (the uploader's
    // props extend `UseOcrOptions`), but not the hundreds of DOM attributes from React's types.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      // The components (and the stories' own wrappers), not the Storybook config files.
      include: ['src/**/*.tsx', 'stories/**/*.tsx'],
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  // The preview page is opened on its own too (links, tests); give it the manager's icon instead
  // of a request for a `/favicon.ico` that does not exist.
  previewHead: (head) => `${head}\n<link rel="icon" type="image/svg+xml" href="./favicon.svg" />`,
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
