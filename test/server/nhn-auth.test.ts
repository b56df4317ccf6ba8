import { describe, expect, it } from 'vitest';
import { createNhnOcrHandler } from '../../src/server/index';
import {
  ACCESS_KEY_ID,
  APP_KEY,
  NHN_OK,
  PNG_BYTES,
  SECRET_ACCESS_KEY,
  setupFakeNhn,
} from './fake-nhn';
import { imageRequest, json, startServer } from './helpers';

const nhn = setupFakeNhn();

describe('API v1.1 (access key pair)', () => {
  it('gets a token with HTTP Basic and client_credentials, then sends X-NHN-Authorization: Bearer', async () => {
    const { response } = await nhn.call(nhn.v11(), imageRequest('/api/ocr/general', PNG_BYTES));
    expect(response.status).toBe(200);
    const [token] = nhn.tokenCalls();
    expect(token?.method).toBe('POST');
    expect(token?.headers.authorization).toBe(
      `Basic ${btoa(`${ACCESS_KEY_ID}:${SECRET_ACCESS_KEY}`)}`,
    );
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(token?.body.toString()).toBe('grant_type=client_credentials');
    const [forwarded] = nhn.ocrCalls();
    expect(forwarded?.url).toBe(`/v1.1/appkeys/${APP_KEY}/general`);
    expect(forwarded?.headers['x-nhn-authorization']).toBe('Bearer tok1');
    expect(forwarded?.headers.authorization).toBeUndefined();
    nhn.expectQuietAboutSecrets();
  });

  it('reuses the cached token across requests', async () => {
    const handler = createNhnOcrHandler({
      appKey: APP_KEY,
      baseUrl: nhn.upstream.origin,
      ...nhn.v11(),
    });
    for (let index = 0; index < 3; index += 1) {
      const response = await handler(imageRequest('/api/ocr/general/cropping', PNG_BYTES));
      nhn.seen.push(await response.text());
    }
    expect(nhn.tokenCalls()).toHaveLength(1);
    expect(nhn.ocrCalls().map((request) => request.headers['x-nhn-authorization'])).toEqual([
      'Bearer tok1',
      'Bearer tok1',
      'Bearer tok1',
    ]);
  });

  it('shares one token request between concurrent requests', async () => {
    const handler = createNhnOcrHandler({
      appKey: APP_KEY,
      baseUrl: nhn.upstream.origin,
      ...nhn.v11(),
    });
    const responses = await Promise.all(
      [1, 2, 3].map(() => handler(imageRequest('/api/ocr/general', PNG_BYTES))),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(nhn.tokenCalls()).toHaveLength(1);
  });

  it('on a 401 refreshes the token once and retries the request', async () => {
    nhn.respond((request, res) =>
      request.headers['x-nhn-authorization'] === 'Bearer tok1'
        ? json(res, 401, {
            header: { isSuccessful: false, resultCode: 4010001, resultMessage: 'expired' },
          })
        : json(res, 200, NHN_OK),
    );
    const { response, envelope } = await nhn.call(
      nhn.v11(),
      imageRequest('/api/ocr/general', PNG_BYTES),
    );
    expect(response.status).toBe(200);
    expect(envelope).toEqual(NHN_OK);
    expect(nhn.tokenCalls()).toHaveLength(2);
    expect(nhn.ocrCalls().map((request) => request.headers['x-nhn-authorization'])).toEqual([
      'Bearer tok1',
      'Bearer tok2',
    ]);
  });

  it('retries only once: a second 401 reaches the client unchanged', async () => {
    const rejected = { header: { isSuccessful: false, resultCode: 4010002, resultMessage: 'no' } };
    nhn.respond((_request, res) => json(res, 401, rejected));
    const { response, envelope } = await nhn.call(
      nhn.v11(),
      imageRequest('/api/ocr/general', PNG_BYTES),
    );
    expect(response.status).toBe(401);
    expect(envelope).toEqual(rejected);
    expect(nhn.ocrCalls()).toHaveLength(2);
    expect(nhn.tokenCalls()).toHaveLength(2);
  });

  it('refreshes the token shortly before expires_in runs out', async () => {
    const short = await startServer((request, res) => {
      if (request.url.startsWith('/token')) {
        json(res, 200, { access_token: `short${short.requests.length}`, expires_in: 1 });
      } else json(res, 200, NHN_OK);
    });
    try {
      const handler = createNhnOcrHandler({
        appKey: APP_KEY,
        baseUrl: short.origin,
        accessKeyId: ACCESS_KEY_ID,
        secretAccessKey: SECRET_ACCESS_KEY,
        tokenUrl: `${short.origin}/token`,
      });
      await handler(imageRequest('/general', PNG_BYTES));
      await handler(imageRequest('/general', PNG_BYTES));
      expect(short.requests.filter((r) => r.url === '/token')).toHaveLength(1);
      // expires_in 1 s: the token is dropped 10 % early, at 0.9 s.
      await new Promise((resolve) => setTimeout(resolve, 950));
      await handler(imageRequest('/general', PNG_BYTES));
      const auth = short.requests
        .filter((r) => r.url !== '/token')
        .map((r) => r.headers['x-nhn-authorization']);
      expect(short.requests.filter((r) => r.url === '/token')).toHaveLength(2);
      expect(auth[0]).toBe(auth[1]);
      expect(auth[2]).not.toBe(auth[0]);
    } finally {
      await short.close();
    }
  });

  it('answers 401 / 4010001 when the token endpoint refuses the key pair', async () => {
    const refusing = await startServer((_request, res) =>
      json(res, 401, { error: 'invalid_client' }),
    );
    try {
      const handler = createNhnOcrHandler({
        appKey: APP_KEY,
        baseUrl: refusing.origin,
        accessKeyId: ACCESS_KEY_ID,
        secretAccessKey: SECRET_ACCESS_KEY,
        tokenUrl: `${refusing.origin}/token`,
      });
      const response = await handler(imageRequest('/general', PNG_BYTES));
      const text = await response.text();
      nhn.seen.push(text);
      expect(response.status).toBe(401);
      expect(JSON.parse(text).header).toMatchObject({ isSuccessful: false, resultCode: 4010001 });
      expect(refusing.requests).toHaveLength(1); // no OCR call without a token
    } finally {
      await refusing.close();
    }
  });
});

describe('regression #10.6: one waiter aborting must not cancel the shared token request', () => {
  /** A v1.1 handler whose token endpoint answers only when the test opens the gate. */
  async function gatedTokenEndpoint() {
    let openGate: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    const upstream = await startServer(async (request, res) => {
      if (request.url === '/token') {
        await gate;
        json(res, 200, { access_token: 'shared', expires_in: 86400 });
      } else json(res, 200, NHN_OK);
    });
    const handler = createNhnOcrHandler({
      appKey: APP_KEY,
      baseUrl: upstream.origin,
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: SECRET_ACCESS_KEY,
      tokenUrl: `${upstream.origin}/token`,
    });
    const tokenCalls = () => upstream.requests.filter((request) => request.url === '/token');
    const tokenRequested = async () => {
      while (tokenCalls().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    return { upstream, handler, openGate, tokenCalls, tokenRequested };
  }

  const abortable = (signal: AbortSignal) =>
    new Request(imageRequest('/general', PNG_BYTES), { signal });
  /** Gives a second request time to read its upload and join the pending token request. */
  const joinDelay = () => new Promise((resolve) => setTimeout(resolve, 100));
  const within = <T>(promise: Promise<T>, ms: number) =>
    Promise.race([
      promise,
      new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
    ]);

  it('B gets its answer after A, who started the token request, went away', async () => {
    const nhnToken = await gatedTokenEndpoint();
    try {
      const controller = new AbortController();
      const a = nhnToken.handler(abortable(controller.signal));
      await nhnToken.tokenRequested();
      const b = nhnToken.handler(imageRequest('/general', PNG_BYTES));
      await joinDelay();
      controller.abort();
      nhn.seen.push(await (await a).text());
      nhnToken.openGate();
      const response = await b;
      const text = await response.text();
      nhn.seen.push(text);
      expect(response.status).toBe(200);
      expect(JSON.parse(text)).toEqual(NHN_OK);
      expect(nhnToken.tokenCalls()).toHaveLength(1);
      expect(nhnToken.upstream.requests.at(-1)?.headers['x-nhn-authorization']).toBe(
        'Bearer shared',
      );
    } finally {
      nhnToken.openGate();
      await nhnToken.upstream.close();
    }
  });

  it('A, waiting on the token request B started, stops waiting when A aborts', async () => {
    const nhnToken = await gatedTokenEndpoint();
    try {
      const b = nhnToken.handler(imageRequest('/general', PNG_BYTES));
      await nhnToken.tokenRequested();
      const controller = new AbortController();
      const a = nhnToken.handler(abortable(controller.signal));
      await joinDelay();
      controller.abort();
      const answered = await within(a, 3000);
      expect(answered).not.toBe('still waiting');
      nhn.seen.push(await (answered as Response).text());
      nhnToken.openGate();
      const response = await b;
      nhn.seen.push(await response.clone().text());
      expect(response.status).toBe(200);
    } finally {
      nhnToken.openGate();
      await nhnToken.upstream.close();
    }
  });
});
