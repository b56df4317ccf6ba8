import { describe, expect, test } from 'vitest';
import { OcrError, type OcrErrorCode, RESULT_CODE_MESSAGES } from '../../../src/core/errors';
import type { ImageUrlProblem } from '../../../src/core/url';
import { ko } from '../../../src/locales/ko';
import {
  describeOcrError,
  describeOcrErrorDetail,
  uploaderEn,
} from '../../../src/react/uploader/messages';
import { type InputProblem, inputError } from '../../../src/react/uploader/problems';

const codes: OcrErrorCode[] = [
  'invalid-input',
  'network',
  'timeout',
  'aborted',
  'http',
  'api',
  'invalid-response',
];
const uploader = { en: uploaderEn, ko: ko.uploader };
const problems: InputProblem[] = [
  { reason: 'empty' },
  { reason: 'undecodable' },
  { reason: 'too-many-pixels', width: 30_000, height: 30_000, limit: 50_000_000 },
  { reason: 'too-large', size: 25 * 1024 * 1024, limit: 20 * 1024 * 1024 },
  { reason: 'type', type: 'text/plain' },
  { reason: 'too-many-files', count: 2 },
  { reason: 'url', url: 'ftp://x', problem: { reason: 'scheme', url: 'ftp://x', scheme: 'ftp:' } },
];

describe.each(['en', 'ko'] as const)('%s messages', (locale) => {
  const messages = uploader[locale];

  test('have a sentence for every OcrError code', () => {
    for (const code of codes) expect(messages.errors[code]).toMatch(/\S/);
  });

  test('have a sentence for every NHN result code the core knows', () => {
    for (const code of Object.keys(RESULT_CODE_MESSAGES)) {
      expect(messages.resultCodes[Number(code)], `result code ${code}`).toMatch(/\S/);
    }
  });

  test('have the same keys as English, all non-empty', () => {
    const keys = (value: object) => Object.keys(value).sort();
    expect(keys(messages)).toEqual(keys(uploader.en));
    expect(keys(messages.rejected)).toEqual(keys(uploader.en.rejected));
    for (const [key, value] of Object.entries(messages)) {
      if (typeof value === 'string') expect(value, key).toMatch(/\S/);
    }
  });

  test('describe each input problem with its numbers', () => {
    const described = problems.map((problem) =>
      describeOcrError(inputError(problem, 'x'), messages),
    );
    expect(new Set(described).size).toBe(problems.length);
    expect(described[2]).toContain('30000 × 30000');
    expect(described[2]).toContain('50 MP');
    expect(described[3]).toContain('25.0 MB');
    expect(described[3]).toContain('20.0 MB');
  });

  test('prefer the NHN result code, then the HTTP status, then the code', () => {
    const api = new OcrError('api', 'server text', { resultCode: 4000003, status: 400 });
    expect(describeOcrError(api, messages)).toBe(messages.resultCodes[4000003]);
    const unknown = new OcrError('api', 'server text', { resultCode: 4999999 });
    expect(describeOcrError(unknown, messages)).toBe(messages.unknownResultCode(4999999));
    const http = new OcrError('http', 'x', { status: 502 });
    expect(describeOcrError(http, messages)).toContain('502');
    expect(describeOcrError(new OcrError('timeout', 'x'), messages)).toBe(messages.errors.timeout);
  });
});

const urlProblems: Array<[ImageUrlProblem, RegExp]> = [
  [{ reason: 'empty' }, /./],
  [{ reason: 'not-a-string', type: 'number' }, /./],
  [{ reason: 'relative', url: 'example.com/a.jpg' }, /example\.com\/a\.jpg/],
  [{ reason: 'no-host', url: 'https://' }, /https:\/\//],
  [{ reason: 'malformed', url: 'https://a b' }, /https:\/\/a b/],
  [{ reason: 'scheme', url: 'ftp://x', scheme: 'ftp:' }, /ftp:/],
  [{ reason: 'port', url: 'http://localhost:6006/', port: 6006 }, /6006/],
];

describe.each(['en', 'ko'] as const)(
  '%s: a refused URL says what is wrong (#12 item 6)',
  (locale) => {
    const { rejected } = uploader[locale];
    test.each(urlProblems)('%j', (problem, detail) => {
      expect(rejected.url(problem)).toMatch(detail);
    });
    test('one sentence per reason', () => {
      const sentences = urlProblems.slice(1).map(([problem]) => rejected.url(problem));
      expect(new Set(sentences).size).toBe(sentences.length);
    });
  },
);

describe("describeOcrErrorDetail: the server's words beyond our sentence (#12 item 6)", () => {
  const { en } = uploader;
  const api = (resultCode: number, resultMessage?: string) =>
    new OcrError('api', 'x', { resultCode, resultMessage, status: 400 });
  test.each<[string, OcrError, string | undefined]>([
    [
      'a reason',
      api(4000504, 'Host name could not be resolved.'),
      'Host name could not be resolved.',
    ],
    ['only "ERROR"', api(4000504, 'ERROR'), undefined],
    ['only "error 4000504"', api(4000504, 'error 4000504'), undefined],
    ['our English sentence again', api(4000504, RESULT_CODE_MESSAGES[4000504]), undefined],
    ['nothing', api(4000504), undefined],
    [
      'an unknown code (its words are the sentence already)',
      api(4009999, 'Plan limit.'),
      undefined,
    ],
    ['no result code', new OcrError('network', 'x'), undefined],
  ])('%s', (_name, error, detail) => {
    expect(describeOcrErrorDetail(error, en)).toBe(detail);
  });
  test('an unknown code is described in the server words', () => {
    expect(describeOcrError(api(4009999, 'Plan limit.'), en)).toBe('Plan limit.');
    expect(describeOcrError(api(4009999, 'ERROR'), en)).toBe(en.unknownResultCode(4009999));
  });
  test('a long message is cut', () => {
    expect(describeOcrErrorDetail(api(4000504, 'x'.repeat(1000)), en)!.length).toBeLessThanOrEqual(
      300,
    );
  });
});

test('Korean strings are Korean', () => {
  expect(ko.uploader.retry).toBe('다시 시도');
  expect(ko.uploader.resultCodes[4000003]).toMatch(/[가-힣]/);
  expect(ko.uploader.success(3)).toMatch(/3/);
});
