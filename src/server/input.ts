import { isOcrError } from '../core/errors';
import { validateImageUrl } from '../core/url';
import { envelopeError, LOCAL_RESULT_CODES } from './envelope';

/** The two NHN General OCR operations. */
export type OcrRoute = 'general' | 'cropping';

/** What the client asked to recognise. */
export type OcrRequestInput =
  | { kind: 'file'; bytes: Uint8Array; filename: string; contentType: string }
  | { kind: 'url'; url: URL };

/** Room for multipart boundaries and part headers on top of the image itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Routes by suffix, so the handlers work under any mount point (`/api/ocr/general`, …). */
export function matchRoute(pathname: string): OcrRoute | null {
  const path = pathname.replace(/\/+$/, '');
  if (path.endsWith('/general/cropping')) return 'cropping';
  if (path.endsWith('/general')) return 'general';
  return null;
}

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function tooLarge(maxBytes: number) {
  return envelopeError(
    413,
    LOCAL_RESULT_CODES.tooLarge,
    `The request is too large; images are limited to ${formatBytes(maxBytes)}.`,
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MB`
    : `${bytes} bytes`;
}

/**
 * Reads a whole stream into one array, or `null` as soon as it passes `limit` bytes, cancelling
 * the stream so the rest is never pulled.
 */
export async function readStreamLimited(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}

/** Whether a `Content-Length` header already says the body is longer than `limit`. */
export function declaresMoreThan(headers: Headers, limit: number): boolean {
  const declared = Number(headers.get('content-length'));
  return Number.isFinite(declared) && declared > limit;
}

/**
 * Reads the whole body, refusing as soon as it is known to exceed `limit`: from
 * `Content-Length` before reading anything, else while streaming.
 */
export async function readBodyLimited(
  request: Request,
  limit: number,
  maxBytes = limit,
): Promise<Uint8Array<ArrayBuffer>> {
  if (declaresMoreThan(request.headers, limit)) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  const bytes = await readStreamLimited(request.body, limit);
  if (!bytes) throw tooLarge(maxBytes);
  return bytes;
}

/** Joins streamed chunks (no `Buffer`: this runs on edge runtimes too). */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Longest file name stem passed on; the extension comes on top. */
const MAX_STEM = 80;

/**
 * The client's file name cut to something safe to pass on: the last path segment, letters,
 * digits, `.`, `-` and `_` only, at most 80 characters before a short extension; `image` when
 * nothing is left. Upstream services may log it or read the type from its extension.
 */
export function safeFileName(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const extension =
    dot > 0 && /^[a-z0-9]{1,10}$/i.test(base.slice(dot + 1)) ? base.slice(dot + 1) : '';
  const stem = (extension ? base.slice(0, dot) : base)
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, MAX_STEM);
  const safeStem = /[a-z0-9]/i.test(stem) ? stem : 'image';
  return extension ? `${safeStem}.${extension}` : safeStem;
}

function badRequest(message: string, cause?: unknown) {
  return envelopeError(400, LOCAL_RESULT_CODES.badRequest, message, cause);
}

/**
 * Accepts `multipart/form-data` with a file field `image`, or JSON `{ "imageUrl": "…" }`
 * (scheme and port checked by `validateImageUrl`). Anything else is a 400 envelope.
 */
export async function readOcrInput(request: Request, maxBytes: number): Promise<OcrRequestInput> {
  const type = mediaType(request);
  if (type === 'multipart/form-data') {
    const bytes = await readBodyLimited(request, maxBytes + MULTIPART_OVERHEAD, maxBytes);
    let form: FormData;
    try {
      form = await new Response(bytes, {
        headers: { 'content-type': request.headers.get('content-type')! },
      }).formData();
    } catch (error) {
      throw badRequest('The multipart body could not be read.', error);
    }
    const image = form.get('image');
    if (image === null || typeof image === 'string') {
      throw badRequest('Send the image as a file in the multipart field "image".');
    }
    if (image.size > maxBytes) throw tooLarge(maxBytes);
    return {
      kind: 'file',
      bytes: new Uint8Array(await image.arrayBuffer()),
      filename: safeFileName((image as File).name),
      contentType: image.type || 'application/octet-stream',
    };
  }
  if (type === 'application/json' || type.endsWith('+json')) {
    // A URL is short; anything near maxBytes is not a URL request.
    const bytes = await readBodyLimited(request, Math.min(maxBytes, 64 * 1024), maxBytes);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw badRequest('The JSON body could not be parsed.', error);
    }
    const imageUrl = (body as { imageUrl?: unknown } | null)?.imageUrl;
    if (typeof imageUrl !== 'string') {
      throw badRequest('Send JSON of the form {"imageUrl": "https://…"}.');
    }
    try {
      return { kind: 'url', url: validateImageUrl(imageUrl) };
    } catch (error) {
      const reason = isOcrError(error) ? error.message : 'The image URL is not valid.';
      throw badRequest(reason, error);
    }
  }
  await request.body?.cancel().catch(() => {});
  throw badRequest('Send multipart/form-data with a field "image", or JSON {"imageUrl": "…"}.');
}
