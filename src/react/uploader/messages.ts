import {
  type OcrError,
  type OcrErrorCode,
  RESULT_CODE_MESSAGES,
  resultCodeTable,
} from '../../core/errors';
import {
  describeProblem,
  formatMegabytes,
  inputProblemOf,
  megapixels,
  type RejectedMessages,
  rejectedEn,
} from './problems';

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

const en: OcrUploaderMessages = {
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

const ko: OcrUploaderMessages = {
  region: '글자 인식',
  prompt: '이미지를 여기에 끌어다 놓거나 붙여 넣거나',
  browse: '파일을 선택하세요',
  dragActive: '놓으면 이미지의 글자를 인식합니다',
  fileInput: '이미지 파일',
  urlLabel: '이미지 URL',
  urlPlaceholder: 'https://example.com/receipt.jpg',
  urlSubmit: '인식',
  preparing: '이미지를 준비하는 중…',
  uploading: '업로드 중…',
  percent: (percent) => `${percent}%`,
  recognizing: '글자를 인식하는 중…',
  success: (count) => `단어 ${count}개를 찾았습니다`,
  progress: 'OCR 진행률',
  retry: '다시 시도',
  cancel: '취소',
  image: '이미지와 인식된 단어',
  imageUnavailable: '이 브라우저에서 이미지를 불러올 수 없어 단어를 이미지 위에 표시하지 않습니다.',
  serverDetail: (message) => `서버: ${message}`,
  errors: {
    'invalid-input': '이 이미지는 인식할 수 없습니다.',
    network: 'OCR 서버에 연결할 수 없습니다. 네트워크를 확인하고 다시 시도하세요.',
    timeout: 'OCR 서버의 응답이 너무 늦습니다.',
    aborted: '취소했습니다.',
    http: 'OCR 서버가 오류를 반환했습니다.',
    api: 'OCR 서비스가 오류를 보고했습니다.',
    'invalid-response': 'OCR 서버의 응답을 읽을 수 없습니다.',
  },
  http: (status) => `OCR 서버가 오류를 반환했습니다 (HTTP ${status}).`,
  rejected: {
    empty: '빈 파일입니다 (0바이트).',
    undecodable: '이 브라우저에서 읽을 수 있는 이미지 파일이 아닙니다.',
    tooManyPixels: (width, height, limit) =>
      `이미지가 ${width} × ${height} 픽셀입니다. 최대 ${megapixels(limit)}까지 인식할 수 있습니다.`,
    tooLarge: (size, limit) =>
      `이미지가 ${formatMegabytes(size)}입니다. 최대 ${formatMegabytes(limit)}까지 보낼 수 있습니다.`,
    type: (type) => `${type || '이 파일 형식'}은(는) 인식할 수 있는 이미지가 아닙니다.`,
    tooManyFiles: '이미지는 한 번에 하나만 놓아 주세요.',
    url: (problem) => {
      switch (problem.reason) {
        case 'empty':
        case 'not-a-string':
          return '이미지 URL을 입력하세요.';
        case 'relative':
          return `"${problem.url}"은(는) 전체 URL이 아닙니다. http:// 또는 https://와 호스트 이름으로 시작하세요.`;
        case 'no-host':
          return `"${problem.url}"에 호스트 이름이 없습니다.`;
        case 'malformed':
          return `"${problem.url}"은(는) 올바른 URL이 아닙니다.`;
        case 'scheme':
          return `${problem.scheme} URL은 인식할 수 없습니다. http:// 또는 https:// 이미지 URL을 입력하세요.`;
        case 'port':
          return `포트 ${problem.port}은(는) 사용할 수 없습니다. 이미지는 포트 80, 443, 10000–12000에서만 다운로드합니다.`;
      }
    },
  },
  resultCodes: /* @__PURE__ */ resultCodeTable([
    [0, '이미지를 인식했습니다.'],
    [-1, '알 수 없는 이유로 OCR 서비스가 실패했습니다.'],
    [4000001, '요청 파라미터가 올바르지 않습니다.'],
    [4000002, '이미지 파일이 올바르지 않거나 읽을 수 없습니다.'],
    [4000003, '지원하지 않는 파일 형식입니다. JPEG 또는 PNG 이미지를 보내 주세요.'],
    [4000004, '이미지 파일이 비어 있습니다.'],
    [4000005, '필수 요청 헤더가 없습니다.'],
    [4000006, 'OCR 호출 한도를 초과했습니다. 잠시 후 다시 시도하세요.'],
    [4000501, '이미지에서 글자를 찾지 못했습니다.'],
    [4000502, '이미지가 OCR 서비스에 비해 너무 큽니다.'],
    [4000503, '이미지 다운로드가 20초를 넘었습니다.'],
    [4000504, 'URL에서 이미지를 다운로드할 수 없습니다.'],
    [4000505, '이미지가 너무 길거나 좁습니다. 긴 이미지는 크로핑 엔드포인트를 사용하세요.'],
    [[4010001, 4010006], 'OCR 서비스가 인증 정보를 거부했습니다.'],
    [4010007, '이 계정에는 OCR 서비스 사용 권한이 없습니다.'],
    [4041007, '이미지 URL을 찾을 수 없습니다.'],
    [4131000, '요청이 너무 큽니다. 이미지는 20MB까지 보낼 수 있습니다.'],
    [[5000001, 5000005], 'OCR 서비스에 내부 오류가 발생했습니다.'],
    [5000503, 'OCR 서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도하세요.'],
    [[5005001, 5005003], 'OCR 엔진이 이미지를 인식하지 못했습니다.'],
  ]),
  unknownResultCode: (code) => `OCR 서비스가 오류 ${code}를 반환했습니다.`,
};

/** The shipped message sets. Spread one to override single strings. */
export const ocrUploaderMessages: Readonly<Record<'en' | 'ko', OcrUploaderMessages>> = { en, ko };

/** The server's `resultMessage`, unless it is empty or only says "error" and a number. */
function serverWords(error: OcrError): string | undefined {
  const words = error.resultMessage?.trim();
  if (!words || /^(?:error|fail(?:ed|ure)?|success)?[\s:#-]*-?\d*\.?$/i.test(words))
    return undefined;
  return words.length > 300 ? `${words.slice(0, 297)}...` : words;
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
