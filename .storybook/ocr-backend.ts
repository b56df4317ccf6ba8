/**
 * Mounts an OCR backend at `/api/ocr` (`/api/ocr/general`, `/api/ocr/general/cropping`) in
 * Storybook's and Vitest's Vite server, so stories and browser tests can POST same-origin:
 *
 * - NHN Cloud, when `NHN_OCR_APPKEY` and either `NHN_OCR_SECRET_KEY` (API v1.0) or
 *   `NHN_OCR_ACCESS_KEY_ID` + `NHN_OCR_SECRET_ACCESS_KEY` (API v1.1) are set
 *   (`NHN_OCR_BASE_URL` optionally overrides the host);
 * - otherwise the local engine (the detector when its optional packages are installed, else
 *   tesseract.js; workers start on the first request).
 */
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import {
  createLocalOcrHandler,
  createNhnOcrHandler,
  type OcrRequestHandler,
  toNodeHandler,
} from '../src/server/index';

export interface OcrBackend {
  kind: 'nhn' | 'local';
  handler: OcrRequestHandler;
  /** One line for the log; never contains a key. */
  description: string;
  close(): Promise<void>;
}

/** Mount point of the backend; the handlers route by the `/general…` suffix. */
export const OCR_API_PATH = '/api/ocr';

type Env = Record<string, string | undefined>;

/** Picks the backend from the environment (see the module comment). */
export function selectOcrBackend(env: Env = process.env): OcrBackend {
  const appKey = env.NHN_OCR_APPKEY?.trim();
  const baseUrl = env.NHN_OCR_BASE_URL?.trim() || undefined;
  const secretKey = env.NHN_OCR_SECRET_KEY?.trim();
  const accessKeyId = env.NHN_OCR_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.NHN_OCR_SECRET_ACCESS_KEY?.trim();
  const closeNothing = async () => {};
  if (appKey && secretKey) {
    return {
      kind: 'nhn',
      handler: createNhnOcrHandler({ appKey, secretKey, ...(baseUrl ? { baseUrl } : {}) }),
      description: `NHN Cloud General OCR (API v1.0, secret key)${baseUrl ? ` at ${baseUrl}` : ''}`,
      close: closeNothing,
    };
  }
  if (appKey && accessKeyId && secretAccessKey) {
    return {
      kind: 'nhn',
      handler: createNhnOcrHandler({
        appKey,
        accessKeyId,
        secretAccessKey,
        ...(baseUrl ? { baseUrl } : {}),
      }),
      description: `NHN Cloud General OCR (API v1.1, user access key)${baseUrl ? ` at ${baseUrl}` : ''}`,
      close: closeNothing,
    };
  }
  const local = createLocalOcrHandler();
  const incomplete = appKey
    ? ' (NHN_OCR_APPKEY is set, but neither NHN_OCR_SECRET_KEY nor NHN_OCR_ACCESS_KEY_ID + NHN_OCR_SECRET_ACCESS_KEY)'
    : '';
  return {
    kind: 'local',
    handler: local,
    description: `${
      local.engine === 'detector'
        ? 'local detector engine (PP-OCRv4 on onnxruntime-node; Korean by tesseract.js)'
        : `local tesseract.js engine (eng + kor)${local.engineNote ? `; ${local.engineNote}` : ''}`
    }${incomplete}`,
    close: () => local.close(),
  };
}

/**
 * Vite plugin for Storybook (`viteFinal`) and the Vitest browser project: serves the backend
 * at `/api/ocr` in dev and preview servers, logs which one is live, and closes it with the
 * server.
 */
export function ocrBackendPlugin(env: Env = process.env): Plugin {
  const backends: OcrBackend[] = [];
  const closeAll = async () => {
    await Promise.all(backends.splice(0).map((backend) => backend.close()));
  };
  const mount = (server: ViteDevServer | PreviewServer) => {
    const backend = selectOcrBackend(env);
    backends.push(backend);
    server.middlewares.use(OCR_API_PATH, toNodeHandler(backend.handler));
    server.config.logger.info(`[ocr] ${OCR_API_PATH}/general → ${backend.description}`);
    server.httpServer?.once('close', () => {
      void backend.close();
    });
  };
  return {
    name: 'react-ocr-overlay:ocr-backend',
    configureServer: mount,
    configurePreviewServer: mount,
    // Runs when a dev server closes, also in middleware mode where there is no httpServer.
    closeBundle: closeAll,
  };
}
