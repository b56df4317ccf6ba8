import { describe, expect, test } from 'vitest';
import { en } from '../../src/locales/en';
import { ko } from '../../src/locales/ko';
import { overlayEn } from '../../src/react/overlay/messages';
import { uploaderEn } from '../../src/react/uploader/messages';

const keys = (value: object) => Object.keys(value).sort();

describe('the shipped locales', () => {
  test('en is what the components show by default', () => {
    expect(en.code).toBe('en');
    expect(en.uploader).toBe(uploaderEn);
    expect(en.overlay).toBe(overlayEn);
  });

  test('ko has every string English has, for both components', () => {
    expect(ko.code).toBe('ko');
    expect(keys(ko)).toEqual(keys(en));
    expect(keys(ko.uploader)).toEqual(keys(en.uploader));
    expect(keys(ko.uploader.errors)).toEqual(keys(en.uploader.errors));
    expect(keys(ko.uploader.rejected)).toEqual(keys(en.uploader.rejected));
    expect(keys(ko.overlay)).toEqual(keys(en.overlay));
  });

  test("ko's strings are Korean, the overlay's too", () => {
    expect(ko.overlay.root).toBe('OCR 결과');
    expect(ko.overlay.selected('영수증', 93, 1, 2)).toBe('영수증, 신뢰도 93%, 2개 중 1번째 단어');
    expect(ko.overlay.imageError).toMatch(/[가-힣]/);
  });
});
