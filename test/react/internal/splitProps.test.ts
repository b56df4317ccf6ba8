import type { HTMLAttributes } from 'react';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { splitProps } from '../../../src/react/internal';
import type {
  OcrOverlayOptions,
  OcrOverlayProps,
  OVERLAY_OPTION_KEYS,
} from '../../../src/react/overlay/types';
import type { OcrUploaderProps, UPLOADER_VIEW_KEYS } from '../../../src/react/uploader/OcrUploader';
import { USE_OCR_OPTION_KEYS, type UseOcrOptions } from '../../../src/react/uploader/useOcr';

type DomKeys = keyof HTMLAttributes<HTMLDivElement>;

describe('option key lists (checked by `npm run typecheck`)', () => {
  test('USE_OCR_OPTION_KEYS names every useOcr option', () => {
    expectTypeOf<Exclude<keyof UseOcrOptions, (typeof USE_OCR_OPTION_KEYS)[number]>>().toBeNever();
  });

  test("UPLOADER_VIEW_KEYS names every uploader prop that is neither useOcr's nor the root's", () => {
    expectTypeOf<
      Exclude<
        keyof OcrUploaderProps,
        keyof UseOcrOptions | DomKeys | (typeof UPLOADER_VIEW_KEYS)[number]
      >
    >().toBeNever();
  });

  test('OVERLAY_OPTION_KEYS names every useOcrOverlay option', () => {
    expectTypeOf<
      Exclude<keyof OcrOverlayOptions, (typeof OVERLAY_OPTION_KEYS)[number]>
    >().toBeNever();
  });

  test("the overlay's other props are the view's strings and the root's attributes", () => {
    expectTypeOf<
      Exclude<keyof OcrOverlayProps, keyof OcrOverlayOptions | DomKeys | 'locale' | 'messages'>
    >().toBeNever();
  });

  test('no key list names a root attribute', () => {
    // `onError` is useOcr's (an OcrError), which is why the root omits the DOM one.
    expectTypeOf<
      Exclude<Extract<(typeof USE_OCR_OPTION_KEYS)[number], DomKeys>, 'onError'>
    >().toBeNever();
    expectTypeOf<Extract<(typeof OVERLAY_OPTION_KEYS)[number], DomKeys>>().toBeNever();
    // `children` is the uploader's own (a render function), not the div's.
    expectTypeOf<
      Exclude<Extract<(typeof UPLOADER_VIEW_KEYS)[number], DomKeys>, 'children'>
    >().toBeNever();
  });
});

describe('splitProps', () => {
  test('moves exactly the listed keys that are present, and leaves the rest', () => {
    const props = { a: 1, b: undefined, c: 'x', id: 'root' } as {
      a: number;
      b?: number;
      c: string;
      d?: boolean;
      id: string;
    };
    const [picked, rest] = splitProps(props, ['a', 'b', 'd'] as const);
    expect(picked).toEqual({ a: 1, b: undefined });
    expect('d' in picked).toBe(false);
    expect(rest).toEqual({ c: 'x', id: 'root' });
    expect(props).toEqual({ a: 1, b: undefined, c: 'x', id: 'root' });
  });

  test('keeps every useOcr option off the uploader root', () => {
    const all = Object.fromEntries(USE_OCR_OPTION_KEYS.map((key) => [key, key]));
    const props = { ...all, title: 't' } as Record<(typeof USE_OCR_OPTION_KEYS)[number], string> & {
      title: string;
    };
    const [options, rest] = splitProps(props, USE_OCR_OPTION_KEYS);
    expect(Object.keys(options).sort()).toEqual([...USE_OCR_OPTION_KEYS].sort());
    expect(rest).toEqual({ title: 't' });
  });
});
