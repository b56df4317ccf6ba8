/**
 * Longest delay timers honour: 2³¹−1 ms (about 24.8 days). `setTimeout` fires a longer delay
 * after 1 ms (Node warns with `TimeoutOverflowWarning`, browsers silently), so every deadline
 * in this library is set through `startTimer`.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `onTimeout` after `ms` and returns a function that cancels it. A delay above
 * `MAX_TIMER_MS` waits `MAX_TIMER_MS` (a deadline that far out is as good as none) and
 * `Infinity` sets no timer at all. Callers validate `ms` (a number ≥ 0) beforehand.
 */
export function startTimer(ms: number, onTimeout: () => void): () => void {
  if (ms === Number.POSITIVE_INFINITY) return () => {};
  const timer = setTimeout(onTimeout, Math.min(ms, MAX_TIMER_MS));
  return () => clearTimeout(timer);
}
