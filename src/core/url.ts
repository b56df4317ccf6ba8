import { invalidInput } from './errors';

/** Long URLs are cut in messages so an error never carries a whole data blob. */
function quote(value: string): string {
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 97)}...` : value);
}

/**
 * Checks an image URL the way NHN General OCR will before it downloads the image: absolute,
 * `http:` or `https:`, and an explicit port (if any) of 80, 443 or 10000–12000. Nothing is sent.
 *
 * Returns the parsed `URL`; throws `OcrError('invalid-input')` with a sentence saying why not.
 */
export function validateImageUrl(url: string): URL {
  // Typed as string, but JavaScript callers and form fields can hand over anything.
  if (typeof url !== 'string') {
    throw invalidInput(
      `The image URL must be a string; got ${url === null ? 'null' : typeof url}.`,
    );
  }
  if (url.trim() === '') throw invalidInput('The image URL is empty.');

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw invalidInput(`The image URL ${quote(url)} is not an absolute URL.`, error);
  }

  const { protocol, port } = parsed;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw invalidInput(
      `The image URL ${quote(url)} uses ${quote(protocol)}; the OCR service downloads only http: and https: URLs.`,
    );
  }
  // `URL.port` is '' when the port is absent or the scheme's default, so only explicit ports remain.
  if (port !== '' && port !== '80' && port !== '443' && !(+port >= 10_000 && +port <= 12_000)) {
    throw invalidInput(
      `The image URL ${quote(url)} uses port ${port}; the OCR service downloads only from ports 80, 443 and 10000–12000.`,
    );
  }
  return parsed;
}
