/** What went wrong, as one string union (switch on it; never on the message). */
export type OcrErrorCode =
  | 'invalid-input'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'http'
  | 'api'
  | 'invalid-response';

export interface OcrErrorOptions {
  status?: number;
  resultCode?: number;
  resultMessage?: string;
  /** Overrides the default for the code (see `isRetryable`). */
  retryable?: boolean;
  cause?: unknown;
}

/** Every failure of this library is an `OcrError`: parse, client, uploader and server alike. */
export class OcrError extends Error {
  override readonly name = 'OcrError';
  declare readonly code: OcrErrorCode;
  /** HTTP status, when a response was received. */
  declare readonly status?: number;
  /** NHN `header.resultCode`, when the server sent one. */
  declare readonly resultCode?: number;
  /** NHN `header.resultMessage`, verbatim. */
  declare readonly resultMessage?: string;
  /** Whether sending the same request again may succeed. */
  declare readonly retryable: boolean;

  constructor(code: OcrErrorCode, message: string, options: OcrErrorOptions = {}) {
    // `Error` reads only `cause` from its options; without one, `error.cause` stays absent.
    super(message, options.cause === undefined ? undefined : options);
    this.code = code;
    // Every field is assigned, `undefined` included, so all are own properties, in this order.
    this.status = options.status;
    this.resultCode = options.resultCode;
    this.resultMessage = options.resultMessage;
    this.retryable = options.retryable ?? defaultRetryable(code, options);
  }
}

/** Type guard that also works across bundle copies (checks the shape, not the prototype). */
export function isOcrError(value: unknown): value is OcrError {
  return (
    value instanceof OcrError ||
    (value instanceof Error &&
      value.name === 'OcrError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

/** HTTP statuses worth retrying: timeouts, rate limits and server faults. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** NHN result codes that describe a passing condition rather than a bad request. */
export function isRetryableResultCode(code: number): boolean {
  return (
    code === 4000006 || // call limit exceeded
    code === 4000503 || // image download took too long
    code === 5000503 || // temporarily unavailable
    (code >= 5000001 && code <= 5000005) // internal errors
  );
}

// A missing status or result code reads as 0, which is never retryable.
function defaultRetryable(
  code: OcrErrorCode,
  { status = 0, resultCode = 0 }: OcrErrorOptions,
): boolean {
  return (
    code === 'network' ||
    code === 'timeout' ||
    // NHN's gateway answers with an envelope too, so an 'api' error may carry a passing status.
    ((code === 'http' || code === 'api') && isRetryableStatus(status)) ||
    (code === 'api' && isRetryableResultCode(resultCode))
  );
}

/** Shorthand for the error every validation in this library raises. */
export function invalidInput(message: string, cause?: unknown): OcrError {
  return new OcrError('invalid-input', message, { cause });
}

/** A result code, or an inclusive range of codes that share one sentence. */
export type ResultCodes = number | readonly [first: number, last: number];

/**
 * Builds a code → message record. NHN numbers related failures consecutively and gives whole
 * ranges one meaning, so ranges are listed once instead of a line per code.
 */
export function resultCodeTable(
  entries: readonly (readonly [ResultCodes, string])[],
): Readonly<Record<number, string>> {
  const table: Record<number, string> = {};
  for (const [codes, message] of entries) {
    const [first, last] = typeof codes === 'number' ? [codes, codes] : codes;
    for (let code = first; code <= last; code++) table[code] = message;
  }
  return table;
}

/** Readable sentences for NHN General OCR result codes. */
export const RESULT_CODE_MESSAGES: Readonly<Record<number, string>> =
  /* @__PURE__ */ resultCodeTable([
    [0, 'The image was recognised.'],
    [-1, 'The OCR service failed for an unknown reason.'],
    [4000001, 'The request has an invalid parameter.'],
    [4000002, 'The image file is invalid or could not be decoded.'],
    [4000003, 'The file type is not supported; send a JPEG or PNG image.'],
    [4000004, 'The image file is empty.'],
    [4000005, 'Required request headers are missing.'],
    [4000006, 'The OCR call limit was exceeded; try again later.'],
    [4000501, 'No text was found in the image.'],
    [4000502, 'The image is too large for the OCR service.'],
    [4000503, 'Downloading the image took longer than 20 seconds.'],
    [4000504, 'The image could not be downloaded from its URL.'],
    [4000505, 'The image is too long or too narrow; use the cropping endpoint for tall images.'],
    [[4010001, 4010006], 'The OCR service rejected the credentials.'],
    [4010007, 'This account has no permission to use the OCR service.'],
    [4041007, 'The image URL was not found.'],
    [4131000, 'The request is larger than the OCR service accepts; send a smaller image.'],
    [[5000001, 5000005], 'The OCR service had an internal error.'],
    [5000503, 'The OCR service is temporarily unavailable; try again shortly.'],
    [[5005001, 5005003], 'The OCR engine failed to recognise the image.'],
  ]);

/** `text`, cut to `max` characters (`...` included) so a message never carries a whole blob. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** `'Sentence: detail'`, or `'Sentence.'` when there is no detail to add. */
export function withDetail(sentence: string, detail: string | undefined): string {
  return detail ? `${sentence}: ${detail}` : `${sentence}.`;
}

/** A readable message for an NHN result code, falling back to the server's own message. */
export function describeResultCode(resultCode: number, resultMessage?: string): string {
  return (
    RESULT_CODE_MESSAGES[resultCode] ||
    withDetail(`The OCR service answered with error ${resultCode}`, resultMessage?.trim())
  );
}
