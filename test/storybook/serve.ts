import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { lazyOcrBackendPlugin } from '../../.storybook/ocr-backend-loader';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = fileURLToPath(new URL('../../storybook-static', import.meta.url));

export interface ServedStorybook {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `storybook-static/` with the `/api/ocr` backend of `npm start` (the local engine unless
 * NHN keys are in the environment), on a free loopback port.
 */
export async function serveStorybook(): Promise<ServedStorybook> {
  if (!existsSync(`${outDir}/iframe.html`)) {
    throw new Error('No storybook-static/iframe.html: run `npm run build-storybook` first.');
  }
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    // Any Host header: the test also opens it under a non-localhost name (a "LAN" address).
    preview: { host: '127.0.0.1', port: 0, strictPort: true, allowedHosts: true, open: false },
    plugins: [lazyOcrBackendPlugin()],
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () => server.close(),
  };
}
