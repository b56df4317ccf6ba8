/**
 * Checks of numeric handler options, thrown at construction so a misconfigured server fails at
 * start-up rather than on the first request.
 */

/** A timeout in milliseconds: a number > 0, `Infinity` for none (see `startTimer`). */
export function timeoutOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) {
    throw new TypeError(
      `\`${name}\` must be a number of milliseconds > 0 (Infinity for none); got ${String(value)}.`,
    );
  }
  return value;
}

/** A whole number ≥ `min` (a byte limit, a queue length). */
export function countOption(value: unknown, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new TypeError(`\`${name}\` must be a whole number ≥ ${min}; got ${String(value)}.`);
  }
  return value;
}
