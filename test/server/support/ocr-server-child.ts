/**
 * Run in a child process by `startChildServer`: both handlers behind `toNodeHandler` on
 * 127.0.0.1, each on its own port, reported to the parent over IPC. A process of its own, so a
 * crash shows as an exit and socket timing is that of a real server, not of the test runner.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLocalOcrHandler,
  createNhnOcrHandler,
  toNodeHandler,
} from '../../../src/server/index';

const maxBytes = Number(process.env.OCR_CHILD_MAX_BYTES) || undefined;

function listen(handler: (request: Request) => Promise<Response>): Promise<number> {
  const server = createServer(toNodeHandler(handler));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

// Port 9 (discard) is never reached: these tests are answered before any upstream call.
const nhn = await listen(
  createNhnOcrHandler({ appKey: 'k', secretKey: 's', baseUrl: 'http://127.0.0.1:9', maxBytes }),
);
const local = await listen(createLocalOcrHandler({ maxBytes }));
process.send?.({ nhn, local });
