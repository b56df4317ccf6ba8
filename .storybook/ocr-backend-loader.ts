import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';

type Mount = (server: ViteDevServer | PreviewServer) => void;

/** Bundles `./ocr-backend.ts` once per process and returns the plugin's mount function. */
async function loadMount(kind: 'configureServer' | 'configurePreviewServer'): Promise<Mount> {
  const { build } = await import('esbuild');
  const cache = new URL('../node_modules/.cache/react-ocr-overlay/', import.meta.url);
  mkdirSync(cache, { recursive: true });
  const outfile = fileURLToPath(new URL(`ocr-backend-${process.pid}.mjs`, cache));
  await build({
    entryPoints: [fileURLToPath(new URL('./ocr-backend.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const module = (await import(
    `${pathToFileURL(outfile).href}?${Date.now()}`
  )) as typeof import('./ocr-backend');
  return module.ocrBackendPlugin()[kind] as Mount;
}

/**
 * `ocrBackendPlugin()` (see `./ocr-backend.ts`), bundled with esbuild and imported natively when
 * the dev or preview server starts, instead of imported by the config file. Storybook's and
 * Vitest's config loaders then never see the library's TypeScript sources, and the backend's lazy
 * imports (tesseract.js) resolve through Node as they do for users of `react-ocr-overlay/server`.
 */
export function lazyOcrBackendPlugin(): Plugin {
  return {
    name: 'react-ocr-overlay:ocr-backend-loader',
    async configureServer(server: ViteDevServer) {
      (await loadMount('configureServer'))(server);
    },
    // The built Storybook (`storybook-static`) served by `vite preview`, as its test does.
    async configurePreviewServer(server: PreviewServer) {
      (await loadMount('configurePreviewServer'))(server);
    },
  };
}
