import { useEffect, useMemo, useState } from 'react';
import { OcrError } from '../../core/errors';
import { useLatest } from '../internal';

/** What `<OcrOverlay image>` accepts. */
export type OcrImageSource = string | Blob | HTMLImageElement | ImageBitmap;

export type ImageLoadState =
  | { status: 'loading' }
  | { status: 'ready'; source: CanvasImageSource; width: number; height: number }
  | { status: 'error'; error: OcrError };

const LOADING: ImageLoadState = { status: 'loading' };

/** A decoded element or bitmap is usable right away, without an effect round trip. */
function resolveNow(image: OcrImageSource): ImageLoadState | null {
  if (typeof ImageBitmap !== 'undefined' && image instanceof ImageBitmap) {
    return { status: 'ready', source: image, width: image.width, height: image.height };
  }
  if (
    typeof HTMLImageElement !== 'undefined' &&
    image instanceof HTMLImageElement &&
    image.complete &&
    image.naturalWidth > 0
  ) {
    return {
      status: 'ready',
      source: image,
      width: image.naturalWidth,
      height: image.naturalHeight,
    };
  }
  return null;
}

function loadError(cause: unknown): OcrError {
  return new OcrError('invalid-input', 'The image could not be loaded.', { cause });
}

/**
 * Loads `image` into something a canvas can draw. A newer `image` abandons the older load;
 * Blob URLs created here are revoked when the image changes or the component unmounts.
 */
export function useImageSource(
  image: OcrImageSource,
  crossOrigin: '' | 'anonymous' | 'use-credentials' | undefined,
  onError: ((error: OcrError) => void) | undefined,
): ImageLoadState {
  const now = useMemo(() => resolveNow(image), [image]);
  const [loaded, setLoaded] = useState<{ image: OcrImageSource; state: ImageLoadState } | null>(
    null,
  );
  const onErrorRef = useLatest(onError);

  useEffect(() => {
    if (now) return;
    let alive = true;
    let objectUrl: string | null = null;
    let element: HTMLImageElement;
    if (image instanceof HTMLImageElement) {
      element = image;
    } else {
      element = new Image();
      if (crossOrigin !== undefined) element.crossOrigin = crossOrigin;
      if (typeof image === 'string') {
        element.src = image;
      } else {
        objectUrl = URL.createObjectURL(image as Blob);
        element.src = objectUrl;
      }
    }
    const done = (state: ImageLoadState) => {
      if (!alive) return;
      setLoaded({ image, state });
      if (state.status === 'error') {
        if (onErrorRef.current) onErrorRef.current(state.error);
        else console.error(state.error);
      }
    };
    const onLoad = () => {
      if (element.naturalWidth > 0) {
        done({
          status: 'ready',
          source: element,
          width: element.naturalWidth,
          height: element.naturalHeight,
        });
      } else {
        done({ status: 'error', error: loadError(new Error('The image has no size.')) });
      }
    };
    const onFail = (event: Event) => done({ status: 'error', error: loadError(event) });
    if (element.complete && element.naturalWidth > 0) onLoad();
    else if (element === image && element.complete && element.src) onFail(new Event('error'));
    else {
      element.addEventListener('load', onLoad);
      element.addEventListener('error', onFail);
    }
    return () => {
      alive = false;
      element.removeEventListener('load', onLoad);
      element.removeEventListener('error', onFail);
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [image, now, crossOrigin, onErrorRef]);

  return now ?? (loaded && loaded.image === image ? loaded.state : LOADING);
}
