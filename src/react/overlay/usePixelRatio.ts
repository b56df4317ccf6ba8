import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia === 'undefined') return () => {};
  let query: MediaQueryList | null = null;
  const arm = () => {
    query?.removeEventListener('change', changed);
    // A resolution query matches one ratio only, so re-arm for the new one after each change.
    query = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    query.addEventListener('change', changed);
  };
  const changed = () => {
    arm();
    onChange();
  };
  arm();
  return () => query?.removeEventListener('change', changed);
}

/** `window.devicePixelRatio`, updated when it changes (zoom, moving to another screen); 1 on the server. */
export function useDevicePixelRatio(): number {
  return useSyncExternalStore(
    subscribe,
    () => window.devicePixelRatio || 1,
    () => 1,
  );
}
