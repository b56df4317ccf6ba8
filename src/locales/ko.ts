/**
 * `react-ocr-overlay/locales/ko`: the Korean strings, NHN's result codes included. An entry of
 * its own, so that only the apps that show Korean pay for it:
 *
 *     import { ko } from 'react-ocr-overlay/locales/ko';
 *     <OcrUploader locale={ko} />
 */
import { resultCodeTable } from '../core/errors';
import type { OcrOverlayMessages } from '../react/overlay/messages';
import type { OcrUploaderMessages } from '../react/uploader/messages';
import { formatMegabytes, megapixels } from '../react/uploader/problems';
import type { OcrLocale } from './types';

const uploader: OcrUploaderMessages = {
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

const overlay: OcrOverlayMessages = {
  root: 'OCR 결과',
  selected: (text, percent, position, total) =>
    `${text}, 신뢰도 ${percent}%, ${total}개 중 ${position}번째 단어`,
  imageError: '이미지를 불러올 수 없습니다.',
};

export const ko: OcrLocale = { code: 'ko', uploader, overlay };
