import { clip, type OcrError, type OcrErrorCode, RESULT_CODE_MESSAGES } from '../../core/errors';
import { describeProblem, inputProblemOf, type RejectedMessages, rejectedEn } from './problems';

/** Every string `<OcrUploader>` shows or announces. */
export interface OcrUploaderMessages {
  /** Accessible name of the uploader (a focusable group: Enter opens the picker, paste works). */
  region: string;
  /** Drop-zone text before the browse button. */
  prompt: string;
  /** The button that opens the file picker. */
  browse: string;
  /** Drop-zone text while a file is dragged over it. */
  dragActive: string;
  /** Accessible name of the hidden file input. */
  fileInput: string;
  urlLabel: string;
  urlPlaceholder: string;
  urlSubmit: string;
  preparing: string;
  /** Announced when the upload starts; the bar shows `percent`. */
  uploading: string;
  percent: (percent: number) => string;
  recognizing: string;
  success: (wordCount: number) => string;
  /** Accessible name of the progress bar. */
  progress: string;
  retry: string;
  cancel: string;
  /** Accessible name of the overlay (the image with its words). */
  image: string;
  /** Shown instead of the image when this browser cannot load an image URL the server read. */
  imageUnavailable: string;
  /** The backend's own words about a failure, under the sentence for its code. */
  serverDetail: (message: string) => string;
  /** One sentence per `OcrError.code`, used when nothing more specific is known. */
  errors: Record<OcrErrorCode, string>;
  /** An HTTP error from the backend. */
  http: (status: number) => string;
  /** Why a file or URL was refused before anything was sent. */
  rejected: RejectedMessages;
  /** NHN `header.resultCode` → sentence. */
  resultCodes: Readonly<Record<number, string>>;
  /** A result code missing from `resultCodes`. */
  unknownResultCode: (code: number) => string;
}

/**
 * The English strings, the default. Other languages are separate entries
 * (`react-ocr-overlay/locales/ko`), so an app pays only for the ones it imports.
 */
export const uploaderEn: OcrUploaderMessages = {
  region: 'Text recognition',
  prompt: 'Drop an image here, paste one, or',
  browse: 'choose a file',
  dragActive: 'Drop the image to recognise its text',
  fileInput: 'Image file',
  urlLabel: 'Image URL',
  urlPlaceholder: 'https://example.com/receipt.jpg',
  urlSubmit: 'Recognise',
  preparing: 'Preparing the image…',
  uploading: 'Uploading…',
  percent: (percent) => `${percent}%`,
  recognizing: 'Recognising text…',
  success: (count) => (count === 1 ? '1 word found' : `${count} words found`),
  progress: 'OCR progress',
  retry: 'Retry',
  cancel: 'Cancel',
  image: 'The image and its recognised words',
  imageUnavailable: 'This browser cannot load the image, so its words are not drawn over it.',
  serverDetail: (message) => `Server: ${message}`,
  errors: {
    'invalid-input': 'This image cannot be recognised.',
    network: 'The OCR server could not be reached. Check your connection and try again.',
    timeout: 'The OCR server took too long to answer.',
    aborted: 'Cancelled.',
    http: 'The OCR server answered with an error.',
    api: 'The OCR service reported an error.',
    'invalid-response': 'The OCR server sent an answer that could not be read.',
  },
  http: (status) => `The OCR server answered with an error (HTTP ${status}).`,
  rejected: rejectedEn,
  resultCodes: RESULT_CODE_MESSAGES,
  unknownResultCode: (code) => `The OCR service answered with error ${code}.`,
};

/** The server's `resultMessage`, unless it is empty or only says "error" and a number. */
function serverWords(error: OcrError): string | undefined {
  const words = error.resultMessage?.trim();
  if (!words || /^(?:error|fail(?:ed|ure)?|success)?[\s:#-]*-?\d*\.?$/i.test(words))
    return undefined;
  return clip(words, 300);
}

const same = (a: string, b: string | undefined) =>
  b !== undefined &&
  a.replace(/[.\s]+$/, '').toLowerCase() === b.replace(/[.\s]+$/, '').toLowerCase();

/**
 * The sentence to show for an error: input problem, NHN result code (the localised sentence for
 * a known code, the server's own words for an unknown one), HTTP status, or code.
 */
export function describeOcrError(error: OcrError, messages: OcrUploaderMessages): string {
  const problem = inputProblemOf(error);
  const refusal = problem && describeProblem(problem, messages.rejected);
  if (refusal) return refusal;
  if (error.resultCode !== undefined) {
    return (
      messages.resultCodes[error.resultCode] ??
      serverWords(error) ??
      messages.unknownResultCode(error.resultCode)
    );
  }
  if (error.code === 'http' && error.status !== undefined) return messages.http(error.status);
  return messages.errors[error.code] ?? error.message;
}

/**
 * What the backend said about a failure beyond the sentence `describeOcrError` shows for its code
 * ("…points to a private or reserved address"), in the server's words; `undefined` when it said
 * nothing more.
 */
export function describeOcrErrorDetail(
  error: OcrError,
  messages: OcrUploaderMessages,
): string | undefined {
  if (error.resultCode === undefined || inputProblemOf(error)) return undefined;
  const words = serverWords(error);
  const shown = describeOcrError(error, messages);
  if (!words || same(words, shown) || same(words, RESULT_CODE_MESSAGES[error.resultCode])) {
    return undefined;
  }
  return words;
}
