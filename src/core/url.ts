import { OcrError } from './errors';

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

/** Long URLs are cut so an error never carries a whole data blob. */
function cut(value: string): string {
  return value.length > 100 ? `${value.slice(0, 97)}...` : value;
}

const SCHEME = /^([a-z][a-z\d+.-]*):/i;
const PORTS_ALLOWED = 'ports 80, 443 and 10000–12000';

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
  const prefix = SCHEME.exec(value);
  const scheme = prefix?.[1]?.toLowerCase();
  // `localhost:8080/a.jpg` parses with the "scheme" `localhost:`: a host and port, not a scheme.
  const hostAndPort =
    scheme !== 'http' && scheme !== 'https' && /^\d/.test(value.slice(prefix?.[0].length));
  if (!scheme || hostAndPort) return fail({ reason: 'relative', url: cut(url) });
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    const port = /^https?:\/\/[^/?#]*:(\d+)(?:[/?#]|$)/i.exec(value)?.[1];
    if (port && Number(port) > 65_535) {
      return fail({ reason: 'port', url: cut(url), port: Number(port) });
    }
    const empty = /^https?:\/*(?=[?#:]|$)/i.test(value);
    return fail({ reason: empty ? 'no-host' : 'malformed', url: cut(url) });
  }
  const { protocol, port, hostname } = parsed;
  if (protocol !== 'http:' && protocol !== 'https:') {
    return fail({ reason: 'scheme', url: cut(url), scheme: protocol });
  }
  if (hostname === '') return fail({ reason: 'no-host', url: cut(url) });
  // `URL.port` is '' when the port is absent or the scheme's default, so only explicit ports remain.
  if (port !== '' && port !== '80' && port !== '443' && !(+port >= 10_000 && +port <= 12_000)) {
    return fail({ reason: 'port', url: cut(url), port: Number(port) });
  }
  return { ok: true, url: parsed };
}

/** The English sentence for a refused URL (the thrown error's message). */
export function describeImageUrlProblem(problem: ImageUrlProblem): string {
  const quoted = 'url' in problem ? JSON.stringify(problem.url) : '';
  switch (problem.reason) {
    case 'not-a-string':
      return `The image URL must be a string; got ${problem.type}.`;
    case 'empty':
      return 'The image URL is empty.';
    case 'relative':
      return `The image URL ${quoted} is not an absolute URL: it needs http:// or https:// and a host name.`;
    case 'no-host':
      return `The image URL ${quoted} is not an absolute URL: it has no host name.`;
    case 'malformed':
      return `The image URL ${quoted} is not an absolute URL: it cannot be parsed.`;
    case 'scheme':
      return `The image URL ${quoted} uses ${JSON.stringify(problem.scheme)}; the OCR service downloads only http: and https: URLs.`;
    case 'port':
      return `The image URL ${quoted} uses port ${problem.port}; the OCR service downloads only from ${PORTS_ALLOWED}.`;
  }
}

/**
 * `checkImageUrl` that returns the parsed `URL`, or throws `OcrError('invalid-input')` whose
 * `message` says why and whose `cause` is the `ImageUrlProblem` (see `imageUrlProblemOf`).
 */
export function validateImageUrl(url: string): URL {
  const checked = checkImageUrl(url);
  if (checked.ok) return checked.url;
  throw new OcrError('invalid-input', describeImageUrlProblem(checked.problem), {
    cause: checked.problem,
  });
}

const REASONS: ReadonlySet<string> = new Set([
  'not-a-string',
  'empty',
  'relative',
  'no-host',
  'malformed',
  'scheme',
  'port',
]);

/** The `ImageUrlProblem` behind an error thrown by `validateImageUrl`, if that is what it is. */
export function imageUrlProblemOf(error: unknown): ImageUrlProblem | undefined {
  if (!(error instanceof OcrError) || error.code !== 'invalid-input') return undefined;
  const cause = error.cause as { reason?: unknown } | undefined;
  return typeof cause?.reason === 'string' && REASONS.has(cause.reason)
    ? (cause as ImageUrlProblem)
    : undefined;
}
