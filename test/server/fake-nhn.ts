import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { createNhnOcrHandler, type NhnOcrHandlerOptions } from '../../src/server/index';
import { type Envelope, json, type RecordedRequest, startServer, type TestServer } from './helpers';

export const APP_KEY = 'app-KEY-123';
export const SECRET_KEY = 'sEcReT-v10-do-not-leak';
export const ACCESS_KEY_ID = 'AKID-do-not-leak';
export const SECRET_ACCESS_KEY = 'sak-SECRET-do-not-leak';
export const SECRETS = [
  SECRET_KEY,
  ACCESS_KEY_ID,
  SECRET_ACCESS_KEY,
  btoa(`${ACCESS_KEY_ID}:${SECRET_ACCESS_KEY}`),
];

export const NHN_OK = {
  header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
  result: {
    fileType: 'png',
    listOfInferTexts: [{ inferTexts: [{ value: 'hello', conf: 0.99 }] }],
    listOfBoundingBoxes: [
      { boundingBoxes: [{ x1: 1, y1: 2, x2: 3, y2: 2, x3: 3, y3: 4, x4: 1, y4: 4 }] },
    ],
  },
};

export const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 0, 255,
]);

export const v10 = { secretKey: SECRET_KEY };

type Responder = (request: RecordedRequest, res: ServerResponse) => void | Promise<void>;
type Credentials = { secretKey: string } | { accessKeyId: string; secretAccessKey: string };

/**
 * A fake NHN Cloud (OCR API plus token endpoint) on 127.0.0.1 for one test file: hooks
 * reset it before each test and, after all, check that no key reached a response or the console.
 */
export function setupFakeNhn() {
  let upstream: TestServer;
  let responder: Responder = (_request, res) => json(res, 200, NHN_OK);
  let tokenCount = 0;
  /** Every response any test saw, checked for secrets at the end. */
  const seen: string[] = [];
  const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    vi.spyOn(console, method),
  );

  beforeAll(async () => {
    upstream = await startServer((request, res) => {
      if (request.url === '/oauth2/token/create') {
        tokenCount += 1;
        json(res, 200, {
          access_token: `tok${tokenCount}`,
          token_type: 'Bearer',
          expires_in: 86400,
        });
        return;
      }
      return responder(request, res);
    });
  });

  beforeEach(() => {
    upstream.requests.length = 0;
    tokenCount = 0;
    responder = (_request, res) => json(res, 200, NHN_OK);
  });

  afterEach(() => {
    for (const spy of consoleSpies) spy.mockClear();
  });

  afterAll(async () => {
    await upstream.close();
    const everything = seen.join('\n');
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });

  return {
    get upstream() {
      return upstream;
    },
    seen,
    /** What the fake NHN answers next (reset to `NHN_OK` before each test). */
    respond(next: Responder) {
      responder = next;
    },
    ocrCalls: () => upstream.requests.filter((request) => request.url.includes('/appkeys/')),
    tokenCalls: () => upstream.requests.filter((request) => request.url === '/oauth2/token/create'),
    v11: () => ({
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: SECRET_ACCESS_KEY,
      tokenUrl: `${upstream.origin}/oauth2/token/create`,
    }),
    /** A fresh handler pointed at the fake, called once; the response is recorded. */
    async call(
      options: Partial<NhnOcrHandlerOptions> & Credentials,
      request: Request,
    ): Promise<{ response: Response; body: string; envelope: Envelope | null }> {
      const defaults = { appKey: APP_KEY, baseUrl: upstream.origin };
      const handler = createNhnOcrHandler({ ...defaults, ...options } as NhnOcrHandlerOptions);
      const response = await handler(request);
      const body = await response.text();
      seen.push(body, JSON.stringify([...response.headers]));
      let envelope: Envelope | null = null;
      try {
        envelope = JSON.parse(body);
      } catch {
        // not JSON: some pass-through tests send text
      }
      return { response, body, envelope };
    },
    /** Console output must never carry a key. */
    expectQuietAboutSecrets() {
      const logged = consoleSpies.flatMap((spy) =>
        spy.mock.calls.map((args) => args.map(String).join(' ')),
      );
      for (const secret of SECRETS) expect(logged.join('\n')).not.toContain(secret);
    },
  };
}
