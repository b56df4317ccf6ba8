import { useRef } from 'react';

interface Resolved<M> {
  base: M;
  overrides: Partial<M> | undefined;
  value: M;
}

function sameOverrides<M extends object>(a: Partial<M> | undefined, b: Partial<M> | undefined) {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof M)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/**
 * A component's strings: its part of the locale (`base`), with single `overrides` on top
 * (`undefined` entries ignored). The result keeps its identity while the base does and the
 * overrides are shallow-equal, because callers pass a fresh object each render and a new
 * identity would re-render everything that reads the strings.
 */
export function useMessages<M extends object>(base: M, overrides: Partial<M> | undefined): M {
  const cache = useRef<Resolved<M> | null>(null);
  const last = cache.current;
  if (last && last.base === base && sameOverrides(last.overrides, overrides)) return last.value;
  let value = base;
  for (const key in overrides) {
    const override = overrides[key];
    if (override === undefined) continue;
    if (value === base) value = { ...base };
    value[key] = override as M[typeof key];
  }
  cache.current = { base, overrides, value };
  return value;
}
