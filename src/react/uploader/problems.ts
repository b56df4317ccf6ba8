/**
 * Why the uploader refuses an input, as data, with the English sentences: what `useOcr` needs to
 * raise `OcrError('invalid-input')`, without the message table of the view (`messages.ts`), so a
 * headless `useOcr` does not ship the uploader's strings.
 */
import { OcrError } from '../../core/errors';
import { describeImageUrlProblem, type ImageUrlProblem } from '../../core/url';

/** Why an input was refused; carried as `OcrError('invalid-input').cause`. */
export type InputProblem =
  | { reason: 'empty' }
  | { reason: 'undecodable'; error?: unknown }
  | { reason: 'too-many-pixels'; width: number; height: number; limit: number }
  | { reason: 'too-large'; size: number; limit: number }
  | { reason: 'type'; type: string }
  | { reason: 'too-many-files'; count: number }
  | { reason: 'url'; url: string; problem: ImageUrlProblem };

/** The sentences for refused inputs, one set per locale (`OcrUploaderMessages.rejected`). */
export interface RejectedMessages {
  empty: string;
  undecodable: string;
  tooManyPixels: (width: number, height: number, limit: number) => string;
  tooLarge: (size: number, limit: number) => string;
  type: (type: string) => string;
  tooManyFiles: string;
  /** A refused image URL: what is wrong with it (its port, scheme, missing host…). */
  url: (problem: ImageUrlProblem) => string;
}

export const megapixels = (pixels: number) => `${Math.round(pixels / 1e6)} MP`;

/** Megabytes with one decimal, as people read file sizes. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const rejectedEn: RejectedMessages = {
  empty: 'The file is empty (0 bytes).',
  undecodable: 'The file is not an image this browser can read.',
  tooManyPixels: (width, height, limit) =>
    `The image is ${width} × ${height} pixels; at most ${megapixels(limit)} can be recognised.`,
  tooLarge: (size, limit) =>
    `The image is ${formatMegabytes(size)}; at most ${formatMegabytes(limit)} can be sent.`,
  type: (type) => `${type || 'This file type'} is not an image that can be recognised.`,
  tooManyFiles: 'Drop one image at a time.',
  // The core's own sentences (validateImageUrl's messages) are the English ones.
  url: describeImageUrlProblem,
};

/** The `rejected` sentence for an input problem. */
export function describeProblem(
  problem: InputProblem,
  rejected: RejectedMessages,
): string | undefined {
  switch (problem.reason) {
    case 'too-many-pixels':
      return rejected.tooManyPixels(problem.width, problem.height, problem.limit);
    case 'too-large':
      return rejected.tooLarge(problem.size, problem.limit);
    case 'type':
      return rejected.type(problem.type);
    case 'too-many-files':
      return rejected.tooManyFiles;
    case 'url':
      return rejected.url(problem.problem);
    case 'empty':
    case 'undecodable':
      return rejected[problem.reason];
  }
  // Someone else's `cause` that happens to have a `reason`: described by the error code instead.
  return undefined;
}

/**
 * An `OcrError('invalid-input')` whose `cause` says why, so the view can say it in the user's
 * language; its `message` is the English sentence unless a more precise one is given.
 */
export function inputError(problem: InputProblem, message?: string): OcrError {
  const text = message ?? describeProblem(problem, rejectedEn) ?? 'The input was refused.';
  return new OcrError('invalid-input', text, { cause: problem });
}

/** The reason an `invalid-input` error was raised by the uploader, if it was. */
export function inputProblemOf(error: OcrError): InputProblem | undefined {
  const cause = error.cause as InputProblem | undefined;
  return error.code === 'invalid-input' && typeof cause?.reason === 'string' ? cause : undefined;
}
