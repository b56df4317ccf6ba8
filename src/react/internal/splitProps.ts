/**
 * Splits `props` into the options a hook reads (`keys`) and the rest, which go to the DOM.
 * `keys` is a compile-checked list (`[...] as const satisfies readonly (keyof Options)[]`, with a
 * type test that it names every option), so a new option can never silently land on a `<div>`.
 */
export function splitProps<P extends object, K extends keyof P>(
  props: P,
  keys: readonly K[],
): [Pick<P, K>, Omit<P, K>] {
  const picked = {} as Pick<P, K>;
  const rest = { ...props };
  for (const key of keys) {
    if (key in rest) {
      picked[key] = rest[key];
      delete rest[key];
    }
  }
  return [picked, rest as Omit<P, K>];
}
