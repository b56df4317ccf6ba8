import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLocalOcrHandler,
  isPrivateAddress,
  type LocalOcrHandler,
} from '../../src/server/index';
import { type Envelope, startServer, type TestServer, urlRequest } from './helpers';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // AWS, GCP, Azure metadata
    '169.254.0.1',
    '100.64.0.1',
    '100.100.100.200', // Alibaba metadata
    '192.0.2.10',
    '198.18.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd00:ec2::254', // AWS IPv6 metadata
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '64:ff9b::10.0.0.1',
    '2002:7f00:0001::1',
    '2001:db8::1',
    '[::1]',
    'not-an-address',
    '256.1.1.1',
  ])('%s is refused', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '172.15.255.255',
    '100.128.0.1',
    '169.255.0.1',
    '11.0.0.1',
    '2606:4700:4700::1111',
    '2404:6800:4004:80f::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

/**
 * The fake image host listens on 127.0.0.1. An injected resolver maps made-up names onto it
 * (or onto private ranges); `allowPrivateUrls` admits only the name `images.test`, so every
 * other way of reaching 127.0.0.1 must be refused.
 */
describe('imageUrl SSRF guard', () => {
  let host: TestServer;
  let handler: LocalOcrHandler;
  const lookups: string[] = [];
  const DNS: Record<string, string[]> = {
    'images.test': ['127.0.0.1'],
    'metadata.test': ['169.254.169.254'],
    'internal.test': ['10.0.0.7'],
    'mixed.test': ['93.184.216.34', '127.0.0.1'],
  };

  beforeAll(async () => {
    host = await startServer(
      (request, res) => {
        const port = host.port;
        const url = new URL(request.url, 'http://x');
        const redirect = (location: string) => {
          res.statusCode = 302;
          res.setHeader('location', location);
          res.end();
        };
        switch (url.pathname) {
          case '/empty.png':
            return void res.end();
          case '/image.gif':
            res.setHeader('content-type', 'image/gif');
            return void res.end('GIF89a\x01\x00\x01\x00');
          case '/to-loopback':
            return redirect(`http://127.0.0.1:${port}/empty.png`);
          case '/to-internal':
            return redirect(`http://internal.test:${port}/empty.png`);
          case '/to-metadata':
            return redirect('http://169.254.169.254/latest/meta-data/');
          case '/to-ftp':
            return redirect('ftp://images.test/x.png');
          case '/to-port':
            return redirect(`http://images.test:8080/x.png`);
          case '/relative':
            return redirect('/image.gif');
          case '/loop':
            return redirect('/loop');
          case '/big':
            res.setHeader('content-type', 'image/png');
            return void res.end(Buffer.alloc(2 * 1024 * 1024));
          case '/big-chunked':
            res.write(Buffer.alloc(700 * 1024));
            res.write(Buffer.alloc(700 * 1024));
            return void res.end();
          case '/slow':
            return; // never answers
          default:
            res.statusCode = 404;
            return void res.end('nope');
        }
      },
      { highPort: true },
    );
    handler = createLocalOcrHandler({
      maxBytes: 1024 * 1024,
      imageUrlTimeoutMs: 500,
      allowPrivateUrls: (_address, url) => url.hostname === 'images.test',
      lookup: async (hostname) => {
        lookups.push(hostname);
        const addresses = DNS[hostname];
        if (!addresses) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
        return addresses.map((address) => ({ address, family: 4 as const }));
      },
    });
  });

  beforeEach(() => {
    host.requests.length = 0;
    lookups.length = 0;
  });

  afterAll(async () => {
    await handler.close();
    await host.close();
  });

  async function ask(imageUrl: string) {
    const response = await handler(urlRequest('/api/ocr/general', imageUrl));
    return { status: response.status, envelope: (await response.json()) as Envelope };
  }

  const paths = () => host.requests.map((request) => request.url);

  it('downloads from an allowed host (an empty body then fails as 4000004, no OCR needed)', async () => {
    const { status, envelope } = await ask(`http://images.test:${host.port}/empty.png`);
    expect(status).toBe(400);
    expect(envelope.header).toMatchObject({ isSuccessful: false, resultCode: 4000004 });
    expect(paths()).toEqual(['/empty.png']);
    expect(host.requests[0]?.headers.cookie).toBeUndefined();
  });

  it.each([
    ['loopback by IP', () => `http://127.0.0.1:${host.port}/empty.png`],
    ['loopback by IPv6', () => `http://[::1]:${host.port}/empty.png`],
    ['loopback as a decimal number', () => `http://2130706433:${host.port}/empty.png`],
    ['a 10.x address', () => 'http://10.0.0.1/x.png'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a name resolving to metadata', () => 'http://metadata.test/latest/meta-data/'],
    ['a name resolving to 10.x', () => `http://internal.test:${host.port}/empty.png`],
    [
      'a name with one private address among public ones',
      () => `http://mixed.test:${host.port}/empty.png`,
    ],
  ])('refuses %s before connecting (400 / 4000504)', async (_name, url) => {
    const { status, envelope } = await ask(url());
    expect(status).toBe(400);
    expect(envelope.header).toMatchObject({ isSuccessful: false, resultCode: 4000504 });
    expect(envelope.header.resultMessage).toMatch(/private or reserved/);
    expect(host.requests).toHaveLength(0);
  });

  it('refuses a local server at the first hop when private URLs are not allowed', async () => {
    const strict = createLocalOcrHandler({ imageUrlTimeoutMs: 500 });
    try {
      const response = await strict(
        urlRequest('/general', `http://127.0.0.1:${host.port}/to-loopback`),
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as Envelope).header.resultCode).toBe(4000504);
      expect(host.requests).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  it.each([
    ['/to-loopback', 'loopback'],
    ['/to-internal', 'a name resolving to 10.x'],
    ['/to-metadata', 'metadata'],
    ['/to-ftp', 'an ftp: URL'],
    ['/to-port', 'a disallowed port'],
  ])('re-checks redirects: %s (to %s) is not followed', async (path) => {
    const { status, envelope } = await ask(`http://images.test:${host.port}${path}`);
    expect(status).toBe(400);
    expect(envelope.header).toMatchObject({ isSuccessful: false, resultCode: 4000504 });
    expect(paths()).toEqual([path]); // the redirect target was never requested
  });

  it('follows an allowed relative redirect, resolving the name again', async () => {
    const { envelope } = await ask(`http://images.test:${host.port}/relative`);
    expect(envelope.header.resultCode).toBe(4000003); // the GIF arrived and was sniffed
    expect(paths()).toEqual(['/relative', '/image.gif']);
    expect(lookups).toEqual(['images.test', 'images.test']);
  });

  it('gives up after too many redirects', async () => {
    const { envelope } = await ask(`http://images.test:${host.port}/loop`);
    expect(envelope.header.resultCode).toBe(4000504);
    expect(paths()).toHaveLength(6); // the first request plus 5 redirects
  });

  it('answers 404 / 4041007 when the image is not there', async () => {
    const { status, envelope } = await ask(`http://images.test:${host.port}/missing.png`);
    expect(status).toBe(404);
    expect(envelope.header.resultCode).toBe(4041007);
  });

  it.each(['/big', '/big-chunked'])('refuses %s over maxBytes (4000502)', async (path) => {
    const { status, envelope } = await ask(`http://images.test:${host.port}${path}`);
    expect(status).toBe(400);
    expect(envelope.header.resultCode).toBe(4000502);
  });

  it('times out a download that does not finish (4000503)', async () => {
    const started = Date.now();
    const { envelope } = await ask(`http://images.test:${host.port}/slow`);
    expect(envelope.header.resultCode).toBe(4000503);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses names that do not resolve', async () => {
    const { envelope } = await ask('http://nowhere.test/x.png');
    expect(envelope.header.resultCode).toBe(4000504);
  });
});

describe('regression #10.9: IPv6 and IPv4 ranges IANA marks not globally reachable', () => {
  it.each([
    '::ffff:0:8.8.8.8', // IPv4-translated (SIIT)
    '::ffff:0:7f00:1',
    '64:ff9b:1::8.8.8.8', // local-use NAT64
    '64:ff9b:1:abcd::1',
    '2001::1', // Teredo, which embeds an IPv4 address
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '2001:2::1', // benchmarking
    '2001:10::1', // deprecated ORCHID
    '2001:1ff::1', // the rest of the IETF protocol block 2001::/23
    '100:0:0:1::1', // dummy prefix
    '3fff::1', // documentation (2024)
    '5f00::1', // segment routing SIDs
    '192.88.99.1', // deprecated 6to4 relay anycast
    '2002:c058:6301::1', // 6to4 wrapping it
  ])('%s is refused', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '2001:1::1', // PCP anycast: globally reachable
    '2001:3::1', // AMT
    '2001:4:112::1', // AS112-v6
    '2001:20::1', // ORCHIDv2
    '2001:200::1', // just past 2001::/23
    '2001:4860:4860::8888',
    '64:ff9b::8.8.8.8', // well-known NAT64 of a public address stays public
  ])('%s stays public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('regression #10.7: the imageUrl deadline and the client abort cover DNS', () => {
  const never = () => new Promise<never>(() => {});
  const within = <T>(promise: Promise<T>, ms: number) =>
    Promise.race([
      promise,
      new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
    ]);

  it('a lookup slower than imageUrlTimeoutMs answers 400 / 4000503 at the deadline', async () => {
    const slowDns = createLocalOcrHandler({ imageUrlTimeoutMs: 300, lookup: never });
    try {
      const answered = await within(
        slowDns(urlRequest('/general', 'https://slow-dns.test/a.png')),
        3000,
      );
      expect(answered).not.toBe('still waiting');
      const envelope = (await (answered as Response).json()) as Envelope;
      expect(envelope.header).toMatchObject({ isSuccessful: false, resultCode: 4000503 });
    } finally {
      await slowDns.close();
    }
  });

  it('a lookup that never settles ends when the client aborts', async () => {
    const slowDns = createLocalOcrHandler({ imageUrlTimeoutMs: 60_000, lookup: never });
    try {
      const controller = new AbortController();
      const request = new Request(urlRequest('/general', 'https://slow-dns.test/a.png'), {
        signal: controller.signal,
      });
      const pending = slowDns(request);
      setTimeout(() => controller.abort(), 100);
      expect(await within(pending, 3000)).not.toBe('still waiting');
    } finally {
      await slowDns.close();
    }
  });
});

describe('regression #10.8: imageUrlTimeoutMs above 2³¹−1 ms must not fire at once', () => {
  let host: TestServer;
  beforeAll(async () => {
    host = await startServer((_request, res) => void setTimeout(() => res.end(), 100), {
      highPort: true,
    });
  });
  afterAll(async () => {
    await host.close();
  });

  it.each([2 ** 31, Number.POSITIVE_INFINITY])(
    'imageUrlTimeoutMs %d waits for the download',
    async (imageUrlTimeoutMs) => {
      const patient = createLocalOcrHandler({
        imageUrlTimeoutMs,
        allowPrivateUrls: true,
        lookup: async () => [{ address: '127.0.0.1', family: 4 }],
      });
      try {
        const response = await patient(
          urlRequest('/general', `http://images.test:${host.port}/late-empty.png`),
        );
        // The empty body arrived and was refused as empty, not as a download timeout.
        expect(((await response.json()) as Envelope).header.resultCode).toBe(4000004);
      } finally {
        await patient.close();
      }
    },
  );
});
