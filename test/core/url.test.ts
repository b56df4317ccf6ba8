import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { OcrError } from '../../src/core/errors';
import {
  checkImageUrl,
  type ImageUrlProblem,
  imageUrlProblemOf,
  validateImageUrl,
} from '../../src/core/url';

function rejectionOf(url: unknown): OcrError {
  try {
    validateImageUrl(url as string);
  } catch (error) {
    expect(error).toBeInstanceOf(OcrError);
    return error as OcrError;
  }
  throw new Error(`validateImageUrl(${JSON.stringify(url)}) did not throw`);
}

describe('validateImageUrl accepts', () => {
  test.each([
    'https://example.com/receipt.jpg',
    'http://example.com/a.png?size=large#top',
    'https://example.com:443/a.jpg',
    'http://example.com:80/a.jpg',
    'http://example.com:443/a.jpg',
    'https://example.com:10000/a.jpg',
    'https://example.com:12000/a.jpg',
    'https://user:pass@example.com/a.jpg',
    'HTTPS://EXAMPLE.COM/A.JPG',
    'https://영수증.example/사진.jpg',
  ])('%s', (url) => {
    const parsed = validateImageUrl(url);
    expect(parsed).toBeInstanceOf(URL);
    expect(parsed.href).toBe(new URL(url).href);
  });
});

describe('validateImageUrl rejects', () => {
  test.each([
    ['', /empty/],
    ['   ', /empty/],
    ['receipt.jpg', /not an absolute URL/],
    ['/images/receipt.jpg', /not an absolute URL/],
    ['//example.com/a.jpg', /not an absolute URL/],
    ['http://', /not an absolute URL/],
    ['ftp://example.com/a.jpg', /"ftp:".*only http: and https:/],
    ['file:///etc/passwd', /"file:"/],
    ['data:image/png;base64,AAAA', /"data:"/],
    ['javascript:alert(1)', /"javascript:"/],
    ['https://example.com:8080/a.jpg', /port 8080.*80, 443 and 10000–12000/],
    ['https://example.com:9999/a.jpg', /port 9999/],
    ['https://example.com:12001/a.jpg', /port 12001/],
    ['http://example.com:22/a.jpg', /port 22/],
    ['http://example.com:99999/a.jpg', /"http:\/\/example\.com:99999\/a\.jpg" is not a valid URL/],
    ['http://localhost:6006/fixtures/a.jpg', /port 6006/],
  ])('%j', (url, message) => {
    const error = rejectionOf(url);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(message);
    expect(error.retryable).toBe(false);
  });

  test.each([null, undefined, 42, {}, ['https://example.com/a.jpg']])('non-string %j', (value) => {
    const error = rejectionOf(value);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/must be a string/);
  });

  test('cuts a long URL in the message', () => {
    const error = rejectionOf(`ftp://example.com/${'a'.repeat(5000)}`);
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('the reason, as data (#12 item 6: say what is wrong with the URL)', () => {
  test.each<[string, ImageUrlProblem]>([
    ['', { reason: 'empty' }],
    ['receipt.jpg', { reason: 'relative', url: 'receipt.jpg' }],
    ['/images/a.jpg', { reason: 'relative', url: '/images/a.jpg' }],
    ['//example.com/a.jpg', { reason: 'relative', url: '//example.com/a.jpg' }],
    ['example.com/a.jpg', { reason: 'relative', url: 'example.com/a.jpg' }],
    ['localhost:6006/a.jpg', { reason: 'relative', url: 'localhost:6006/a.jpg' }],
    ['http://', { reason: 'no-host', url: 'http://' }],
    ['https://:443/a.jpg', { reason: 'no-host', url: 'https://:443/a.jpg' }],
    ['https://exa mple.com/a.jpg', { reason: 'malformed', url: 'https://exa mple.com/a.jpg' }],
    [
      'ftp://example.com/a.jpg',
      { reason: 'scheme', url: 'ftp://example.com/a.jpg', scheme: 'ftp:' },
    ],
    ['file:///etc/passwd', { reason: 'scheme', url: 'file:///etc/passwd', scheme: 'file:' }],
    [
      'http://localhost:6006/fixtures/a.jpg',
      { reason: 'port', url: 'http://localhost:6006/fixtures/a.jpg', port: 6006 },
    ],
    [
      'http://example.com:99999/a.jpg',
      // Not a port at all (above 65535): the URL itself does not parse.
      { reason: 'malformed', url: 'http://example.com:99999/a.jpg' },
    ],
  ])('%j', (url, problem) => {
    expect(checkImageUrl(url)).toEqual({ ok: false, problem });
    expect(imageUrlProblemOf(rejectionOf(url))).toEqual(problem);
  });

  test('a non-string says its type', () => {
    expect(checkImageUrl(42 as unknown as string)).toEqual({
      ok: false,
      problem: { reason: 'not-a-string', type: 'number' },
    });
  });

  test('a good URL is returned parsed, surrounding spaces dropped', () => {
    const checked = checkImageUrl('  https://example.com/a.jpg ');
    expect(checked.ok && checked.url.href).toBe('https://example.com/a.jpg');
  });

  test('imageUrlProblemOf ignores other errors', () => {
    expect(
      imageUrlProblemOf(new OcrError('invalid-input', 'x', { cause: { reason: 'type' } })),
    ).toBe(undefined);
    expect(imageUrlProblemOf(new OcrError('network', 'x', { cause: { reason: 'port' } }))).toBe(
      undefined,
    );
    expect(imageUrlProblemOf(new Error('x'))).toBe(undefined);
  });
});

describe('validateImageUrl properties', () => {
  test('throws nothing but OcrError("invalid-input") for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: 'binary' })), (url) => {
        try {
          const parsed = validateImageUrl(url);
          expect(['http:', 'https:']).toContain(parsed.protocol);
        } catch (error) {
          expect(error).toBeInstanceOf(OcrError);
          expect((error as OcrError).code).toBe('invalid-input');
          expect(imageUrlProblemOf(error)?.reason).toMatch(/\w/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('an explicit port is accepted exactly when it is 80, 443 or 10000–12000', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 65535 }),
        fc.constantFrom('http', 'https'),
        (port, scheme) => {
          const url = `${scheme}://example.com:${port}/a.jpg`;
          const allowed = port === 80 || port === 443 || (port >= 10000 && port <= 12000);
          if (allowed) expect(validateImageUrl(url).hostname).toBe('example.com');
          else expect(() => validateImageUrl(url)).toThrow(OcrError);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
