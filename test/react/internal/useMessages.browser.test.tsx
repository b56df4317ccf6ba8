import { renderHook } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { useMessages } from '../../../src/react/internal';

const en = { hello: 'Hello', count: (n: number) => `${n} words` };
const ko = { hello: '안녕하세요', count: (n: number) => `단어 ${n}개` };
type Strings = typeof en;

describe('useMessages', () => {
  test('gives the base itself when nothing is overridden', () => {
    expect(renderHook(() => useMessages(ko, undefined)).result.current).toBe(ko);
    expect(renderHook(() => useMessages(en, {})).result.current).toBe(en);
    expect(renderHook(() => useMessages(en, { hello: undefined })).result.current).toBe(en);
  });

  test('lays overrides over the base and ignores undefined entries', () => {
    const { result } = renderHook(() => useMessages(ko, { hello: 'Hi', count: undefined }));
    expect(result.current.hello).toBe('Hi');
    expect(result.current.count(3)).toBe('단어 3개');
    expect(ko.hello).toBe('안녕하세요');
  });

  test('keeps its identity while fresh but equal overrides arrive, and changes with them', () => {
    const { result, rerender } = renderHook(
      ({ hello, base }: { hello: string; base: Strings }) => useMessages(base, { hello }),
      { initialProps: { hello: 'Hi', base: en } },
    );
    const first = result.current;
    rerender({ hello: 'Hi', base: en });
    expect(result.current).toBe(first);
    rerender({ hello: 'Hey', base: en });
    expect(result.current.hello).toBe('Hey');
    const second = result.current;
    rerender({ hello: 'Hey', base: ko });
    expect(result.current).not.toBe(second);
    expect(result.current.hello).toBe('Hey');
    expect(result.current.count(1)).toBe('단어 1개');
  });
});
