import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { OcrError } from '../../src/core/errors';
import { validateImageUrl } from '../../src/core/url';

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
    ['http://example.com:99999/a.jpg', /not an absolute URL/],
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
