import { OcrError } from '../../../core/errors';
import type { OcrImageSource } from './options';

export type ImageLoadState =
  | { status: 'loading' }
  | { status: 'ready'; source: CanvasImageSource; width: number; height: number }
  | { status: 'error'; error: OcrError };

export const IMAGE_LOADING: ImageLoadState = Object.freeze({ status: 'loading' });

/** A decoded element or bitmap is usable right away, without waiting for an event. */
export function resolveImageNow(image: OcrImageSource): ImageLoadState | null {
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
 * Loads `image` into something a canvas can draw and calls `done` once, unless cancelled first.
 * A Blob URL created here is revoked by the returned cancel function (on change or unmount).
 */
export function loadImage(
  image: OcrImageSource,
  crossOrigin: '' | 'anonymous' | 'use-credentials' | undefined,
  done: (state: ImageLoadState) => void,
): () => void {
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
  const finish = (state: ImageLoadState) => {
    if (alive) done(state);
  };
  const onLoad = () => {
    if (element.naturalWidth > 0) {
      finish({
        status: 'ready',
        source: element,
        width: element.naturalWidth,
        height: element.naturalHeight,
      });
    } else {
      finish({ status: 'error', error: loadError(new Error('The image has no size.')) });
    }
  };
  const onFail = (event: unknown) => finish({ status: 'error', error: loadError(event) });
  if (element.complete && element.naturalWidth > 0) queueMicrotask(onLoad);
  else if (element === image && element.complete && element.src) {
    queueMicrotask(() => onFail(new Event('error')));
  } else if (typeof element.decode === 'function') {
    // Loaded and decoded off the main thread: a first draw of an undecoded image would decode
    // it there instead (~10 ms for a 1280×720 JPEG), inside the task that shows the boxes.
    // A refused decode of an image that did load (e.g. one too large to decode ahead) still
    // draws.
    element.decode().then(onLoad, (cause: unknown) => {
      if (element.complete && element.naturalWidth > 0) onLoad();
      else onFail(cause);
    });
  } else {
    element.addEventListener('load', onLoad);
    element.addEventListener('error', onFail);
  }
  return () => {
    alive = false;
    element.removeEventListener('load', onLoad);
    element.removeEventListener('error', onFail);
    if (objectUrl) URL.revokeObjectURL(objectUrl);
  };
}

/**
 * The overlay's current image: resolves decoded sources at once, loads the others while
 * `live`, and releases the load (listeners and any Blob URL) when replaced or `release`d.
 */
export class ImageSlot {
  #source: OcrImageSource | undefined;
  #crossOrigin: '' | 'anonymous' | 'use-credentials' | undefined;
  #state: ImageLoadState = IMAGE_LOADING;
  #release: (() => void) | null = null;
  readonly #onLoaded: (state: ImageLoadState) => void;

  constructor(onLoaded: (state: ImageLoadState) => void) {
    this.#onLoaded = onLoaded;
  }

  get state(): ImageLoadState {
    return this.#state;
  }

  /** Whether `source` (with `crossOrigin`) is what the slot already holds. */
  holds(source: OcrImageSource, crossOrigin: string | undefined): boolean {
    return source === this.#source && crossOrigin === this.#crossOrigin;
  }

  /** Takes a new source; starts loading it when `live` (else on the next `resume`). */
  set(
    source: OcrImageSource,
    crossOrigin: '' | 'anonymous' | 'use-credentials' | undefined,
    live: boolean,
  ): void {
    this.release();
    this.#source = source;
    this.#crossOrigin = crossOrigin;
    const now = resolveImageNow(source);
    this.#state = now ?? IMAGE_LOADING;
    if (!now && live) this.#load(source);
  }

  /** Restarts a load that `release` interrupted (a remount). */
  resume(): void {
    if (this.#state.status === 'loading' && this.#source !== undefined && !this.#release) {
      this.#load(this.#source);
    }
  }

  release(): void {
    this.#release?.();
    this.#release = null;
  }

  #load(source: OcrImageSource): void {
    // Kept after the load: it also revokes the Blob URL, on the next image or on release.
    this.#release = loadImage(source, this.#crossOrigin, (state) => {
      this.#state = state;
      this.#onLoaded(state);
    });
  }
}
