import { describe, expect, it } from 'vitest';
import { createNhnOcrHandler, type NhnOcrHandlerOptions } from '../../src/server/index';
import {
  ACCESS_KEY_ID,
  APP_KEY,
  NHN_OK,
  PNG_BYTES,
  SECRET_KEY,
  setupFakeNhn,
  v10,
} from './fake-nhn';
import { closedPort, imageRequest, json, readMultipart, urlRequest } from './helpers';

const nhn = setupFakeNhn();

describe('API v1.0 (secretKey)', () => {
  it('POSTs the image as multipart "image" to /v1.0/appkeys/{appKey}/general with Authorization: <secretKey>', async () => {
    const { response, envelope } = await nhn.call(
      v10,
      imageRequest('/api/ocr/general', PNG_BYTES, { filename: 'r.png' }),
    );
    expect(response.status).toBe(200);
    expect(envelope).toEqual(NHN_OK);
    const [forwarded] = nhn.ocrCalls();
    expect(forwarded?.method).toBe('POST');
    expect(forwarded?.url).toBe(`/v1.0/appkeys/${APP_KEY}/general`);
    expect(forwarded?.headers.authorization).toBe(SECRET_KEY);
    expect(forwarded?.headers['x-nhn-authorization']).toBeUndefined();
    const form = await readMultipart(forwarded!);
    const image = form.get('image') as File;
    expect(image).toBeInstanceOf(Blob);
    expect(image.name).toBe('r.png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG_BYTES);
    expect([...form.keys()]).toEqual(['image']);
    expect(nhn.tokenCalls()).toHaveLength(0);
    nhn.expectQuietAboutSecrets();
  });

  it('routes …/general/cropping to /v1.0/appkeys/{appKey}/general/cropping', async () => {
    await nhn.call(v10, imageRequest('/anything/general/cropping', PNG_BYTES));
    expect(nhn.ocrCalls()[0]?.url).toBe(`/v1.0/appkeys/${APP_KEY}/general/cropping`);
  });

  it('forwards JSON {imageUrl} as JSON', async () => {
    await nhn.call(v10, urlRequest('/api/ocr/general', 'https://images.example.com:10443/a.jpg'));
    const [forwarded] = nhn.ocrCalls();
    expect(forwarded?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(forwarded!.body.toString())).toEqual({
      imageUrl: 'https://images.example.com:10443/a.jpg',
    });
  });

  it("never forwards the client's Authorization, cookies or other headers", async () => {
    await nhn.call(
      v10,
      imageRequest('/api/ocr/general', PNG_BYTES, {
        headers: {
          authorization: 'Bearer client-token',
          cookie: 'sid=client-cookie',
          'x-custom': 'client',
        },
      }),
    );
    const [forwarded] = nhn.ocrCalls();
    const raw = JSON.stringify(forwarded?.headers);
    expect(raw).not.toContain('client-token');
    expect(raw).not.toContain('client-cookie');
    expect(forwarded?.headers['x-custom']).toBeUndefined();
    expect(forwarded?.headers.cookie).toBeUndefined();
  });
});

describe('routes and methods', () => {
  it('answers 405 with the envelope and Allow: POST for other methods', async () => {
    const { response, envelope } = await nhn.call(
      v10,
      new Request('http://app.test/api/ocr/general'),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(envelope?.header).toMatchObject({ isSuccessful: false, resultCode: 4051000 });
    expect(nhn.ocrCalls()).toHaveLength(0);
  });

  it('answers 404 with the envelope for paths it does not serve', async () => {
    const { response, envelope } = await nhn.call(v10, imageRequest('/api/ocr/other', PNG_BYTES));
    expect(response.status).toBe(404);
    expect(envelope?.header.isSuccessful).toBe(false);
    expect(nhn.ocrCalls()).toHaveLength(0);
  });

  it.each([
    [
      'plain text',
      new Request('http://app.test/general', {
        method: 'POST',
        body: 'hello',
        headers: { 'content-type': 'text/plain' },
      }),
    ],
    ['no body', new Request('http://app.test/general', { method: 'POST' })],
    [
      'JSON without imageUrl',
      new Request('http://app.test/general', {
        method: 'POST',
        body: '{"url":"https://a.example/x.jpg"}',
        headers: { 'content-type': 'application/json' },
      }),
    ],
    [
      'broken JSON',
      new Request('http://app.test/general', {
        method: 'POST',
        body: '{"imageUrl":',
        headers: { 'content-type': 'application/json' },
      }),
    ],
    ['an ftp: imageUrl', urlRequest('/general', 'ftp://a.example/x.jpg')],
    ['an imageUrl on port 8080', urlRequest('/general', 'https://a.example:8080/x.jpg')],
    [
      'multipart without "image"',
      (() => {
        const form = new FormData();
        form.append('file', new Blob([PNG_BYTES]), 'x.png');
        return new Request('http://app.test/general', { method: 'POST', body: form });
      })(),
    ],
    [
      'multipart with "image" as text',
      (() => {
        const form = new FormData();
        form.append('image', 'not a file');
        return new Request('http://app.test/general', { method: 'POST', body: form });
      })(),
    ],
  ])('answers 400 / 4000001 for %s without calling NHN', async (_name, request) => {
    const { response, envelope } = await nhn.call(v10, request);
    expect(response.status).toBe(400);
    expect(envelope?.header).toMatchObject({ isSuccessful: false, resultCode: 4000001 });
    expect(envelope?.header.resultMessage).toBeTruthy();
    expect(nhn.ocrCalls()).toHaveLength(0);
  });
});

describe('maxBytes', () => {
  it('answers 413 / 4131000 from Content-Length without pulling the body', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls += 1;
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request('http://app.test/general', {
      method: 'POST',
      body,
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(500 * 1024 * 1024),
      },
      duplex: 'half',
    } as RequestInit);
    const { response, envelope } = await nhn.call({ ...v10, maxBytes: 1024 * 1024 }, request);
    expect(response.status).toBe(413);
    expect(envelope?.header).toMatchObject({ isSuccessful: false, resultCode: 4131000 });
    expect(pulls).toBe(0);
    expect(nhn.ocrCalls()).toHaveLength(0);
  });

  it('answers 413 while streaming, leaving the rest of an endless body unread', async () => {
    let pulls = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls += 1;
          controller.enqueue(new Uint8Array(64 * 1024)); // never ends
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request('http://app.test/general', {
      method: 'POST',
      body,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      duplex: 'half',
    } as RequestInit);
    const { response, envelope } = await nhn.call({ ...v10, maxBytes: 256 * 1024 }, request);
    expect(response.status).toBe(413);
    expect(envelope?.header.resultCode).toBe(4131000);
    // 256 KiB + 64 KiB multipart allowance = 5 chunks of 64 KiB, then one over.
    expect(pulls).toBeLessThanOrEqual(7);
    expect(cancelled).toBe(true);
    expect(nhn.ocrCalls()).toHaveLength(0);
  });

  it('accepts an image just under the limit', async () => {
    const bytes = new Uint8Array(256 * 1024);
    const { response } = await nhn.call(
      { ...v10, maxBytes: 256 * 1024 },
      imageRequest('/general', bytes),
    );
    expect(response.status).toBe(200);
    const image = (await readMultipart(nhn.ocrCalls()[0]!)).get('image') as File;
    expect(image.size).toBe(bytes.byteLength);
  });
});

describe('upstream failures', () => {
  it('answers 502 with the envelope when NHN is unreachable', async () => {
    const port = await closedPort();
    const { response, envelope } = await nhn.call(
      { ...v10, baseUrl: `http://127.0.0.1:${port}` },
      imageRequest('/general', PNG_BYTES),
    );
    expect(response.status).toBe(502);
    expect(envelope?.header).toMatchObject({ isSuccessful: false, resultCode: 5021000 });
  });

  it('answers 504 with the envelope when NHN does not answer within timeoutMs', async () => {
    nhn.respond(
      (_request, res) =>
        new Promise((resolve) => setTimeout(() => resolve(json(res, 200, NHN_OK)), 3000)),
    );
    const started = Date.now();
    const { response, envelope } = await nhn.call(
      { ...v10, timeoutMs: 200 },
      imageRequest('/general', PNG_BYTES),
    );
    expect(response.status).toBe(504);
    expect(envelope?.header).toMatchObject({ isSuccessful: false, resultCode: 5041000 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each([
    [
      400,
      'application/json',
      JSON.stringify({
        header: { isSuccessful: false, resultCode: 4000003, resultMessage: 'bad type' },
      }),
    ],
    [
      429,
      'application/json',
      JSON.stringify({
        header: { isSuccessful: false, resultCode: 4000006, resultMessage: 'limit' },
      }),
    ],
  ])('passes NHN status %i and its JSON body through unchanged', async (status, type, text) => {
    nhn.respond((_request, res) => {
      res.statusCode = status;
      res.setHeader('content-type', type);
      res.setHeader('set-cookie', 'upstream=1');
      res.end(text);
    });
    const { response, body } = await nhn.call(v10, imageRequest('/general', PNG_BYTES));
    expect(response.status).toBe(status);
    expect(body).toBe(text);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('configuration', () => {
  it('refuses to build without credentials, without echoing anything secret', () => {
    expect(() => createNhnOcrHandler({ appKey: APP_KEY } as NhnOcrHandlerOptions)).toThrow(
      TypeError,
    );
    expect(() =>
      createNhnOcrHandler({ appKey: APP_KEY, accessKeyId: ACCESS_KEY_ID } as NhnOcrHandlerOptions),
    ).toThrow(/secretAccessKey/);
    try {
      createNhnOcrHandler({ appKey: APP_KEY, accessKeyId: ACCESS_KEY_ID } as NhnOcrHandlerOptions);
    } catch (error) {
      expect(String(error)).not.toContain(ACCESS_KEY_ID);
    }
  });

  it('uses https://api-ocr.nhncloudservice.com by default', async () => {
    const urls: string[] = [];
    const handler = createNhnOcrHandler({
      appKey: APP_KEY,
      secretKey: SECRET_KEY,
      fetch: async (input) => {
        urls.push(String(input));
        return new Response(JSON.stringify(NHN_OK), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const response = await handler(imageRequest('/general', PNG_BYTES));
    nhn.seen.push(await response.text());
    expect(urls).toEqual([`https://api-ocr.nhncloudservice.com/v1.0/appkeys/${APP_KEY}/general`]);
  });
});
