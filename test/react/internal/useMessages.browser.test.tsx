import { renderHook } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { useMessages } from '../../../src/react/internal';

const table = {
  en: { hello: 'Hello', count: (n: number) => `${n} words` },
  ko: { hello: '안녕하세요', count: (n: number) => `단어 ${n}개` },
};

describe('useMessages', () => {
  test("gives the locale's strings, English when no locale is given", () => {
    expect(renderHook(() => useMessages(table, 'ko', undefined)).result.current).toBe(table.ko);
    expect(renderHook(() => useMessages(table, undefined, undefined)).result.current).toBe(
      table.en,
    );
  });

  test('lays overrides over the locale and ignores undefined entries', () => {
    const { result } = renderHook(() =>
      useMessages(table, 'ko', { hello: 'Hi', count: undefined }),
    );
    expect(result.current.hello).toBe('Hi');
    expect(result.current.count(3)).toBe('단어 3개');
  });

  test('keeps its identity while fresh but equal overrides arrive, and changes with them', () => {
    const { result, rerender } = renderHook(
      ({ hello, locale }: { hello: string; locale: 'en' | 'ko' }) =>
        useMessages(table, locale, { hello }),
      { initialProps: { hello: 'Hi', locale: 'en' as 'en' | 'ko' } },
    );
    const first = result.current;
    rerender({ hello: 'Hi', locale: 'en' });
    expect(result.current).toBe(first);
    rerender({ hello: 'Hey', locale: 'en' });
    expect(result.current.hello).toBe('Hey');
    const second = result.current;
    rerender({ hello: 'Hey', locale: 'ko' });
    expect(result.current).not.toBe(second);
    expect(result.current.count(1)).toBe('단어 1개');
  });
});
