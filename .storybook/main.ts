import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: [],
  framework: { name: '@storybook/react-vite', options: {} },
  // `public/` holds MSW's service worker; the fixtures are real photos used by the stories.
  staticDirs: ['../public', { from: '../test/fixtures/real', to: '/fixtures' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // vite.config.ts builds the library; Storybook builds an app from the same plugins.
    if (viteConfig.build) viteConfig.build.lib = false;
    return viteConfig;
  },
};

export default config;
