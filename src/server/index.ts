/**
 * `react-ocr-overlay/server`: request handlers speaking the NHN Cloud General OCR protocol.
 * Importing this module has no side effects: tesseract.js, DNS and the file system are only
 * touched when a handler runs.
 */

export { isPrivateAddress } from './ip-ranges';
export type { LocalEngineName, LocalEngineOption } from './local/detector/dispatch';
export type { LocalOcrHandler, LocalOcrHandlerOptions } from './local/engine';
export { createLocalOcrHandler } from './local/engine';
export type { NhnAccessKeyAuth, NhnAuth, NhnSecretKeyAuth } from './nhn-auth';
export { DEFAULT_TOKEN_URL } from './nhn-auth';
export type { NhnOcrHandlerOptions, OcrRequestHandler } from './nhn-proxy';
export { createNhnOcrHandler, DEFAULT_NHN_BASE_URL } from './nhn-proxy';
export type { NextFunction, NodeHandler } from './node-adapter';
export { toNodeHandler } from './node-adapter';
export type { LookupFunction, PrivateUrlPolicy, ResolvedAddress } from './ssrf';
