import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from './support/child-server';

/**
 * `toNodeHandler` over real sockets against a server in its own process, as attackers and
 * ordinary clients reach it: a crash shows as the process exiting, and an upload races the
 * server's answer the way it does across a network.
 */
let server: ChildServer;

/** A fresh server process for each group, so one group's crash cannot fail the other. */
function useChildServer() {
  beforeAll(async () => {
    server = await startChildServer({ OCR_CHILD_MAX_BYTES: String(1024 * 1024) });
  });
  afterAll(async () => {
    await server?.stop();
  });
}

interface RawAnswer {
  status: number;
  body: string;
}

/** The payload of a `Transfer-Encoding: chunked` body. */
function dechunk(body: string): string {
  let payload = '';
  for (let offset = 0; ; ) {
    const lineEnd = body.indexOf('\r\n', offset);
    const size = Number.parseInt(body.slice(offset, lineEnd), 16);
    if (!(size > 0)) return payload;
    payload += body.slice(lineEnd + 2, lineEnd + 2 + size);
    offset = lineEnd + 2 + size + 2;
  }
}

/** Sends `head` as-is over TCP and reads the answer until the server closes. */
function rawRequest(origin: string, head: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('latin1');
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const split = text.indexOf('\r\n\r\n');
      const body = text.slice(split + 4);
      const chunked = /\r\ntransfer-encoding: chunked\r\n/i.test(text.slice(0, split + 2));
      resolve({ status, body: chunked ? dechunk(body) : body });
    });
    socket.write(head);
  });
}

describe('regression #10.1: a bad request line must not kill the process', () => {
  useChildServer();
  const targets = [
    'http://%/',
    'http://a:99999/general',
    'http://[/general',
    'http://1.2.3.4.5.0x100/general',
  ];

  it.each(['nhn', 'local'] as const)(
    '%s handler: answers 400 / 4000001 in the envelope for each and stays up',
    async (which) => {
      const origin = server.origins[which];
      for (const target of targets) {
        const answer = await rawRequest(
          origin,
          `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        );
        expect(answer.status, target).toBe(400);
        expect(JSON.parse(answer.body).header, target).toMatchObject({
          isSuccessful: false,
          resultCode: 4000001,
        });
      }
      expect(server.alive()).toBe(true);
      const after = await fetch(`${origin}/api/ocr/general`);
      expect(after.status).toBe(405);
    },
  );
});

interface UploadOutcome {
  status?: number;
  body?: string;
  /** A socket error: before the answer it loses the answer; after it, a reset cut the upload. */
  error?: string;
  answeredBeforeError?: boolean;
}

/**
 * One fast client: the whole upload handed to the socket at once, as `curl --data-binary` does.
 * Settles once the answer is read and the upload has finished or failed.
 */
function uploadFast(origin: string, body: Buffer, chunked: boolean): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const outcome: UploadOutcome = {};
    let answered = false;
    let uploadDone = false;
    const settle = () => {
      if (answered && uploadDone) resolve(outcome);
    };
    const request = httpRequest(`${origin}/api/ocr/general`, {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': body.length }),
      },
    });
    request.setTimeout(30_000, () => request.destroy(new Error('no answer within 30 s')));
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => {
        Object.assign(outcome, { status: response.statusCode, body: text });
        answered = true;
        settle();
      });
      response.on('error', () => {});
    });
    request.on('finish', () => {
      uploadDone = true;
      settle();
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      outcome.error ??= error.code ?? String(error);
      outcome.answeredBeforeError ??= answered;
      answered = true;
      uploadDone = true;
      settle();
    });
    request.end(body);
  });
}

describe('regression #10.2: an early 413 must reach every fast uploader', () => {
  useChildServer();

  it('20 clients uploading 25 MB each at once all receive the 413 / 4131000 envelope, with no reset', async () => {
    const body = Buffer.alloc(25 * 1024 * 1024, 7);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        uploadFast(server.origins.nhn, body, index % 2 === 1),
      ),
    );
    // A reset while the client is still sending can destroy the answer before it is read; the
    // server must read and discard the rest of the upload instead (lingering close).
    expect(outcomes.filter((outcome) => outcome.error !== undefined)).toEqual([]);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe(413);
      expect(JSON.parse(outcome.body!).header).toMatchObject({
        isSuccessful: false,
        resultCode: 4131000,
      });
    }
    expect(server.alive()).toBe(true);
  }, 60_000);
});
