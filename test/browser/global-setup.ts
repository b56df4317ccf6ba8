import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startOcrTestServer } from './ocr-test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the scripted OCR backend (see ocr-test-server.ts), e.g. `http://127.0.0.1:41234`. */
    ocrServerUrl: string;
    /** A URL on 127.0.0.1 where nothing listens (connection refused). */
    ocrRefusedUrl: string;
  }
}

/** Starts a real HTTP backend in Node for the browser tests and hands its URL to them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startOcrTestServer();
  project.provide('ocrServerUrl', server.url);
  project.provide('ocrRefusedUrl', await refusedUrl());
  return () => server.close();
}

/** A port that was free a moment ago: listen on it, then close. */
async function refusedUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/ocr`;
}
