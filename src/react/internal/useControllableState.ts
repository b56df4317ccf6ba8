import { useCallback, useState } from 'react';
import { useLatest } from './useLatest';

export interface UseControllableStateOptions<T, A extends unknown[]> {
  /** The controlled value; `undefined` means uncontrolled. */
  prop?: T | undefined;
  /** The initial value when uncontrolled. */
  defaultProp: T;
  /** Called with the new value (and any extra arguments given to the setter) when it changes. */
  onChange?: ((value: T, ...args: A) => void) | undefined;
}

/**
 * One value that is either controlled (`prop` given) or owned here (`defaultProp`), Radix-style.
 * The setter calls `onChange` only when the value differs from the current one, passing along any
 * extra arguments (e.g. the word for an id).
 */
export function useControllableState<T, A extends unknown[] = []>({
  prop,
  defaultProp,
  onChange,
}: UseControllableStateOptions<T, A>): [T, (next: T, ...args: A) => void] {
  const [own, setOwn] = useState(defaultProp);
  const controlled = prop !== undefined;
  const value = controlled ? prop : own;
  const latest = useLatest({ value, controlled, onChange });
  const set = useCallback(
    (next: T, ...args: A) => {
      const current = latest.current;
      if (Object.is(current.value, next)) return;
      if (!current.controlled) setOwn(() => next);
      current.onChange?.(next, ...args);
    },
    [latest],
  );
  return [value, set];
}
