import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import type { Plugin, ViteDevServer } from 'vite';

/**
 * Mounts `/api/ocr/general(/cropping)`: the NHN proxy when keys are in the environment, else the
 * local tesseract.js engine, so `npm start` does real OCR with no keys and no network.
 * The backend is loaded through Vite's SSR loader rather than imported here, so Storybook's own
 * config loader never has to resolve the library's TypeScript sources.
 */
function ocrBackend(): Plugin {
  return {
    name: 'react-ocr-overlay:ocr-backend-loader',
    async configureServer(server: ViteDevServer) {
      const path = fileURLToPath(new URL('./ocr-backend.ts', import.meta.url));
      const { ocrBackendPlugin } = (await server.ssrLoadModule(
        path,
      )) as typeof import('./ocr-backend');
      const mount = ocrBackendPlugin().configureServer as (server: ViteDevServer) => void;
      mount(server);
    },
  };
}

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
    viteConfig.plugins = [...(viteConfig.plugins ?? []), ocrBackend()];
    return viteConfig;
  },
};

export default config;
