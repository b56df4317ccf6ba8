import { useEffect, useState } from 'react';
import type { OcrOverlay } from '../overlay/OcrOverlay';

type Overlay = typeof OcrOverlay;

let loaded: Overlay | null = null;
let loading: Promise<Overlay> | null = null;

function load(): Promise<Overlay> {
  loading ??= import('../overlay/OcrOverlay').then((module) => {
    loaded = module.OcrOverlay;
    return loaded;
  });
  return loading;
}

/**
 * `<OcrOverlay>` for the uploader, loaded when the uploader mounts rather than with it: an app
 * that shows the uploader does not wait for the canvas code before its first paint, and by the
 * time a first image is there the code is too. `null` until then (and with `enabled` false).
 */
export function useOverlayComponent(enabled: boolean): Overlay | null {
  const [component, setComponent] = useState<Overlay | null>(loaded);
  useEffect(() => {
    if (!enabled || component) return;
    let alive = true;
    void load().then((overlay) => {
      if (alive) setComponent(() => overlay);
    });
    return () => {
      alive = false;
    };
  }, [enabled, component]);
  return enabled ? component : null;
}
