import { OcrError } from './errors';

/** Ports NHN's image downloader will connect to, besides the scheme defaults. */
const MIN_HIGH_PORT = 10_000;
const MAX_HIGH_PORT = 12_000;

/** Long URLs are cut in messages so an error never carries a whole data blob. */
function quote(value: string): string {
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 97)}...` : value);
}

function invalid(message: string, cause?: unknown): OcrError {
  return new OcrError('invalid-input', message, cause === undefined ? {} : { cause });
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
    throw invalid(`The image URL must be a string; got ${url === null ? 'null' : typeof url}.`);
  }
  if (url.trim() === '') throw invalid('The image URL is empty.');

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw invalid(
      `The image URL ${quote(url)} is not an absolute URL; write it in full, like https://example.com/receipt.jpg.`,
      error,
    );
  }

  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalid(
      `The image URL ${quote(url)} uses ${quote(parsed.protocol)}; only http: and https: URLs can be downloaded by the OCR service.`,
    );
  }

  // `URL.port` is '' when the port is absent or the scheme's default, so only explicit ports remain.
  if (parsed.port !== '') {
    const port = Number(parsed.port);
    const allowed = port === 80 || port === 443 || (port >= MIN_HIGH_PORT && port <= MAX_HIGH_PORT);
    if (!allowed) {
      throw invalid(
        `The image URL ${quote(url)} uses port ${port}; the OCR service only downloads from ports 80, 443 and ${MIN_HIGH_PORT}–${MAX_HIGH_PORT}.`,
      );
    }
  }

  return parsed;
}
