import { describe, expect, it } from 'vitest';
import { createNhnOcrHandler } from '../../src/server/index';
import { APP_KEY, NHN_OK, PNG_BYTES, SECRET_KEY, setupFakeNhn, v10 } from './fake-nhn';
import { imageRequest, json, readMultipart } from './helpers';

const nhn = setupFakeNhn();

/** NHN's success envelope padded with `bytes` of filler: valid JSON of any size. */
function paddedOk(bytes: number): string {
  return JSON.stringify({ ...NHN_OK, padding: 'x'.repeat(bytes) });
}

describe('regression #10.5: what is read from NHN is bounded', () => {
  it.each([
    ['declared with Content-Length', false],
    ['streamed without Content-Length', true],
  ])(
    'answers 502 / 5021000 for an OCR answer over maxUpstreamBytes (%s)',
    async (_name, stream) => {
      const big = paddedOk(8 * 1024 * 1024);
      nhn.respond((_request, res) => {
        res.setHeader('content-type', 'application/json');
        if (!stream) return void res.end(big);
        for (let offset = 0; offset < big.length; offset += 256 * 1024) {
          res.write(big.slice(offset, offset + 256 * 1024));
        }
        res.end();
      });
      const { response, envelope } = await nhn.call(
        { ...v10, maxUpstreamBytes: 1024 * 1024 },
        imageRequest('/general', PNG_BYTES),
      );
      expect(response.status).toBe(502);
      expect(envelope?.header).toMatchObject({ isSuccessful: false, resultCode: 5021000 });
    },
  );

  it('caps at 4 MiB by default and passes a large answer under it through unchanged', async () => {
    const over = paddedOk(4 * 1024 * 1024);
    nhn.respond((_request, res) => json(res, 200, JSON.parse(over)));
    const refused = await nhn.call(v10, imageRequest('/general', PNG_BYTES));
    expect(refused.response.status).toBe(502);
    const under = paddedOk(3 * 1024 * 1024);
    nhn.respond((_request, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(under);
    });
    const passed = await nhn.call(v10, imageRequest('/general', PNG_BYTES));
    expect(passed.response.status).toBe(200);
    expect(passed.body).toBe(under);
  });

  it('answers 502 when the token endpoint sends more than a token answer can be', async () => {
    nhn.respond((request, res) => {
      if (request.url !== '/huge-token') return json(res, 200, NHN_OK);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ access_token: 'tok', expires_in: 86400, pad: 'x'.repeat(8e6) }));
    });
    const { response, envelope } = await nhn.call(
      { ...nhn.v11(), tokenUrl: `${nhn.upstream.origin}/huge-token` },
      imageRequest('/general', PNG_BYTES),
    );
    expect(response.status).toBe(502);
    expect(envelope?.header).toMatchObject({ isSuccessful: false, resultCode: 5021000 });
    expect(nhn.ocrCalls()).toHaveLength(0);
  });
});

describe('regression #10.8: proxy timeoutMs above 2³¹−1 ms must not fire at once', () => {
  it.each([2 ** 31, 1e12, Number.POSITIVE_INFINITY])(
    'timeoutMs %d waits for NHN',
    async (timeoutMs) => {
      nhn.respond(
        (_request, res) =>
          new Promise((resolve) => setTimeout(() => resolve(json(res, 200, NHN_OK)), 100)),
      );
      const { response } = await nhn.call(
        { ...v10, timeoutMs },
        imageRequest('/general', PNG_BYTES),
      );
      expect(response.status).toBe(200);
    },
  );

  it.each([0, -1, Number.NaN])('refuses timeoutMs %d at construction', (timeoutMs) => {
    expect(() =>
      createNhnOcrHandler({ appKey: APP_KEY, secretKey: SECRET_KEY, timeoutMs }),
    ).toThrow(/timeoutMs/);
  });
});

describe('regression #10.10: non-JSON answers from NHN are not relayed as pages of the app', () => {
  it.each([
    [503, 'text/html', '<h1>maintenance</h1><script>alert(1)</script>'],
    [500, 'text/plain', 'upstream exploded'],
    [502, 'application/json', '<html>not json at all</html>'],
  ])('NHN %i %s becomes the JSON envelope with the same status', async (status, type, text) => {
    nhn.respond((_request, res) => {
      res.statusCode = status;
      res.setHeader('content-type', type);
      res.end(text);
    });
    const { response, body, envelope } = await nhn.call(v10, imageRequest('/general', PNG_BYTES));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(body).not.toContain('<');
    expect(envelope?.header).toMatchObject({
      isSuccessful: false,
      resultCode: status * 1e4 + 1000,
    });
  });

  it('a 200 whose body is not JSON is a 502 envelope', async () => {
    nhn.respond((_request, res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<p>captive portal</p>');
    });
    const { response, envelope } = await nhn.call(v10, imageRequest('/general', PNG_BYTES));
    expect(response.status).toBe(502);
    expect(envelope?.header).toMatchObject({ isSuccessful: false, resultCode: 5021000 });
  });

  it('JSON answers are relayed as they came, with nosniff', async () => {
    const { response, envelope } = await nhn.call(v10, imageRequest('/general', PNG_BYTES));
    expect(envelope).toEqual(NHN_OK);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('regression #10.11: appKey and file names', () => {
  it.each(['..', '../v1.0/appkeys/other', 'a/b', 'a?b=1', 'a#b', 'a b', '%2e%2e', 'k'.repeat(200)])(
    'refuses appKey %j at construction',
    (appKey) => {
      expect(() => createNhnOcrHandler({ appKey, secretKey: SECRET_KEY })).toThrow(TypeError);
    },
  );

  it.each(['AbCdEf0123456789', 'app-KEY-123', 'a_b'])('accepts appKey %j', (appKey) => {
    expect(() => createNhnOcrHandler({ appKey, secretKey: SECRET_KEY })).not.toThrow();
  });

  it.each([
    ['a 1 MB name', `${'a'.repeat(1024 * 1024)}.png`, /^a{1,80}\.png$/],
    ['a path', '../../etc/passwd.png', /^passwd\.png$/],
    ['quotes and line breaks', 'x"\r\nContent-Type: text/html\r\n\r\n.png', /^[\w.-]+\.png$/],
    ['nothing safe in it', '<>:"|?*', /^image$/],
    ['Korean', '영수증.jpg', /^[\w.-]+\.jpg$/],
  ])('forwards a short, safe file name for %s', async (_name, filename, expected) => {
    await nhn.call(v10, imageRequest('/general', PNG_BYTES, { filename }));
    const image = (await readMultipart(nhn.ocrCalls()[0]!)).get('image') as File;
    expect(image.name).toMatch(expected);
    expect(image.name.length).toBeLessThanOrEqual(100);
  });
});
