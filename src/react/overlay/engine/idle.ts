/**
 * Runs `task` in the first idle period after the next frame has been produced (within ~500 ms),
 * so deferred work never delays the pixels it follows. Returns a cancel function.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') return () => {};
  let cancel = () => {};
  const frame = requestAnimationFrame(() => {
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(task, { timeout: 500 });
        cancel = () => cancelIdleCallback(id);
      } else task();
    });
    cancel = () => clearTimeout(timer);
  });
  cancel = () => cancelAnimationFrame(frame);
  return () => cancel();
}
