import { clip, invalidInput, OcrError } from './errors';

/**
 * Why an image URL was refused, as data, so a view can say it in the user's language. `url` is the
 * value as given, cut to 100 characters.
 */
export type ImageUrlProblem =
  | { reason: 'not-a-string'; type: string }
  | { reason: 'empty' }
  /** No scheme (`receipt.jpg`, `/a.jpg`, `example.com/a.jpg`, `//example.com/a.jpg`). */
  | { reason: 'relative'; url: string }
  /** An http(s) URL without a host name (`https://`, `http://:443/a.jpg`). */
  | { reason: 'no-host'; url: string }
  /** Has a scheme but is not a URL (a space in the host, a port above 65535, …). */
  | { reason: 'malformed'; url: string }
  /** `scheme` is e.g. `'ftp:'`, `'file:'`, `'data:'`. */
  | { reason: 'scheme'; url: string; scheme: string }
  /** An explicit port other than 80, 443 or 10000–12000. */
  | { reason: 'port'; url: string; port: number };

/** The outcome of `checkImageUrl`. */
export type ImageUrlCheck = { ok: true; url: URL } | { ok: false; problem: ImageUrlProblem };

/**
 * Checks an image URL the way NHN General OCR will before it downloads the image: absolute,
 * `http:` or `https:` with a host name, and an explicit port (if any) of 80, 443 or
 * 10000–12000. Nothing is sent. Never throws.
 */
export function checkImageUrl(url: string): ImageUrlCheck {
  const fail = (problem: ImageUrlProblem): ImageUrlCheck => ({ ok: false, problem });
  // Typed as string, but JavaScript callers and form fields can hand over anything.
  if (typeof url !== 'string') {
    return fail({ reason: 'not-a-string', type: url === null ? 'null' : typeof url });
  }
  const value = url.trim();
  if (value === '') return fail({ reason: 'empty' });
  // No scheme, or a "scheme" that is a host and port (`localhost:6006/a.jpg`).
  if (!/^[a-z][a-z\d+.-]*:(?!\d)/i.test(value) && !/^https?:/i.test(value)) {
    return fail({ reason: 'relative', url: clip(url, 100) });
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    const noHost = /^https?:\/*(?=[?#:]|$)/i.test(value);
    return fail({ reason: noHost ? 'no-host' : 'malformed', url: clip(url, 100) });
  }
  const { protocol, port } = parsed;
  if (protocol !== 'http:' && protocol !== 'https:') {
    return fail({ reason: 'scheme', url: clip(url, 100), scheme: protocol });
  }
  // `URL.port` is '' when the port is absent or the scheme's default, so only explicit ports remain.
  if (port !== '' && port !== '80' && port !== '443' && !(+port >= 10_000 && +port <= 12_000)) {
    return fail({ reason: 'port', url: clip(url, 100), port: +port });
  }
  return { ok: true, url: parsed };
}

/** The English sentence for a refused URL (the thrown error's message). */
export function describeImageUrlProblem(problem: ImageUrlProblem): string {
  if (problem.reason === 'not-a-string') {
    return `The image URL must be a string; got ${problem.type}.`;
  }
  if (problem.reason === 'empty') return 'The image URL is empty.';
  const start = `The image URL ${JSON.stringify(problem.url)}`;
  switch (problem.reason) {
    case 'relative':
      return `${start} is not an absolute URL: it needs http:// or https:// and a host name.`;
    case 'no-host':
      return `${start} is not an absolute URL: it has no host name.`;
    case 'malformed':
      return `${start} is not a valid URL.`;
    case 'scheme':
      return `${start} uses ${JSON.stringify(problem.scheme)}; the OCR service downloads only http: and https: URLs.`;
    case 'port':
      return `${start} uses port ${problem.port}; the OCR service downloads only from ports 80, 443 and 10000–12000.`;
  }
}

/**
 * `checkImageUrl` that returns the parsed `URL`, or throws `OcrError('invalid-input')` whose
 * `message` says why and whose `cause` is the `ImageUrlProblem` (see `imageUrlProblemOf`).
 */
export function validateImageUrl(url: string): URL {
  const checked = checkImageUrl(url);
  if (checked.ok) return checked.url;
  throw invalidInput(describeImageUrlProblem(checked.problem), checked.problem);
}

/** The `ImageUrlProblem` behind an error thrown by `validateImageUrl`, if that is what it is. */
export function imageUrlProblemOf(error: unknown): ImageUrlProblem | undefined {
  if (!(error instanceof OcrError) || error.code !== 'invalid-input') return undefined;
  const reason = (error.cause as { reason?: unknown } | undefined)?.reason;
  const ours = ['not-a-string', 'empty', 'relative', 'no-host', 'malformed', 'scheme', 'port'];
  return typeof reason === 'string' && ours.includes(reason)
    ? (error.cause as ImageUrlProblem)
    : undefined;
}
