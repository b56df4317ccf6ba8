import { useCallback, useEffect, useRef, useState } from 'react';
import { type RecognizeOptions, recognize as recognizeImage } from '../../core/client';
import { isOcrError, OcrError } from '../../core/errors';
import { scaleResult } from '../../core/geometry';
import { NHN_MAX_BYTES } from '../../core/limits';
import type { OcrResult } from '../../core/types';
import { checkImageUrl, describeImageUrlProblem } from '../../core/url';
import { useLatest } from '../internal';
import { selectMode } from './mode';
import type { PreprocessOptions } from './preprocess';
import { inputError } from './problems';

/** Where a recognition stands. One union, never a set of booleans. */
export type OcrStatus = 'idle' | 'preparing' | 'uploading' | 'recognizing' | 'success' | 'error';

/** The image being shown, in the same pixel space as the result's quads. */
export interface OcrImage {
  /** An object URL of the shown bytes, or the image URL that was recognised. */
  src: string;
  /** Natural size with EXIF orientation applied; `0` when a URL could not be loaded here. */
  width: number;
  height: number;
  /** The file or blob that was given to `recognize`, unchanged. */
  file?: Blob;
}

/** What can be recognised: a file or blob, or the URL of an image the backend downloads. */
export type OcrInput = File | Blob | string;

export interface UseOcrOptions
  extends Omit<RecognizeOptions, 'mode' | 'signal' | 'onUploadProgress'> {
  /**
   * `'auto'` sends images longer than 1 : 2.5 to the cropping endpoint, others to general.
   * @default 'auto'
   */
  mode?: 'auto' | 'general' | 'cropping';
  /** Checks and preparation before upload (orientation, downsizing, pixel limit). */
  preprocess?: PreprocessOptions;
  /**
   * Largest number of bytes sent, checked after preprocessing (NHN accepts 20 MB).
   * @default 20 * 1024 * 1024
   */
  maxSize?: number;
  /** Called with each result, its quads already in `image`'s pixel space. */
  onResult?: (result: OcrResult, image: OcrImage) => void;
  /** Called with each failure. Without it, failures are logged with `console.error`. */
  onError?: (error: OcrError) => void;
  /** Called whenever `status` changes. */
  onStatusChange?: (status: OcrStatus) => void;
}

/** Every `UseOcrOptions` key, so a component can keep them off its DOM element (`splitProps`). */
export const USE_OCR_OPTION_KEYS = [
  'endpoint',
  'mode',
  'croppingEndpoint',
  'headers',
  'credentials',
  'timeoutMs',
  'retries',
  'fetch',
  'preprocess',
  'maxSize',
  'onResult',
  'onError',
  'onStatusChange',
] as const satisfies readonly (keyof UseOcrOptions)[];

export interface UseOcrState {
  status: OcrStatus;
  /** Fraction of the upload sent (0..1) while uploading and after; `null` when not known. */
  progress: number | null;
  image: OcrImage | null;
  result: OcrResult | null;
  error: OcrError | null;
}

export interface UseOcrResult extends UseOcrState {
  /**
   * Recognises a file, blob or image URL; aborts any run in progress. Resolves with the result,
   * or `null` when it failed (see `error`) or was superseded. Never rejects.
   */
  recognize: (input: OcrInput) => Promise<OcrResult | null>;
  /** Runs the last input again (re-using its prepared bytes). */
  retry: () => Promise<OcrResult | null>;
  /** Aborts the run in progress, or dismisses an error; keeps the image and result. */
  cancel: () => void;
  /** Aborts and forgets everything: back to `idle` with no image. */
  reset: () => void;
  /** Shows an error found outside the hook (e.g. a rejected drop); keeps image and result. */
  fail: (error: OcrError) => void;
}

const INITIAL: UseOcrState = {
  status: 'idle',
  progress: null,
  image: null,
  result: null,
  error: null,
};

interface Prepared {
  input: OcrInput;
  image: OcrImage;
  body: Blob | { imageUrl: string };
  /** Bytes to show through an object URL, made only once the run is still current. */
  display?: Blob;
  sentWidth: number;
  sentHeight: number;
}

/**
 * Recognises text in an image with your NHN-compatible OCR backend: validates and prepares
 * the image, uploads it with progress, retries, and keeps one piece of state for the view.
 * A newer `recognize` aborts the older run; unmounting aborts and revokes object URLs.
 */
export function useOcr(options: UseOcrOptions): UseOcrResult {
  const [state, setState] = useState<UseOcrState>(INITIAL);
  const latest = useLatest(options);
  const run = useRef<AbortController | null>(null);
  const mounted = useRef(false);
  const status = useRef<OcrStatus>('idle');
  const prepared = useRef<Prepared | null>(null);
  const lastInput = useRef<OcrInput | null>(null);

  const update = useCallback(
    (patch: Partial<UseOcrState>) => {
      if (!mounted.current) return;
      setState((previous) => ({ ...previous, ...patch }));
      if (patch.status && patch.status !== status.current) {
        status.current = patch.status;
        latest.current.onStatusChange?.(patch.status);
      }
    },
    [latest],
  );

  const report = useCallback(
    (error: OcrError) => {
      update({ status: 'error', error, progress: null });
      const { onError } = latest.current;
      if (onError) onError(error);
      else console.error(error);
    },
    [update, latest],
  );

  /** Aborts the run in progress, if any, and says whether there was one. */
  const stop = useCallback(() => {
    const running = run.current;
    running?.abort();
    run.current = null;
    return running !== null;
  }, []);

  const forget = useCallback(() => {
    const src = prepared.current?.image.src;
    if (src?.startsWith('blob:')) URL.revokeObjectURL(src);
    prepared.current = null;
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      stop();
      forget();
    };
  }, [stop, forget]);

  const recognize = useCallback(
    async (input: OcrInput): Promise<OcrResult | null> => {
      // A drop that react-dropzone finishes reading after unmount still calls back (it aborts
      // those runs only from v20 on, which needs Node 22): nothing to do for a gone component.
      if (!mounted.current) return null;
      stop();
      const controller = new AbortController();
      run.current = controller;
      lastInput.current = input;
      const live = () => mounted.current && run.current === controller;
      const { signal } = controller;
      const options = latest.current;
      update({ status: 'preparing', progress: null, error: null });
      try {
        let next = prepared.current?.input === input ? prepared.current : null;
        if (!next) {
          next = await prepare(input, options, signal);
          if (!live()) return null;
          if (next.display) next.image.src = URL.createObjectURL(next.display);
          forget();
          prepared.current = next;
        }
        const { image, body, sentWidth, sentHeight } = next;
        const isFile = body instanceof Blob;
        // The client reports upload progress only over XHR, i.e. when no `fetch` is injected.
        const measurable = isFile && !options.fetch && typeof XMLHttpRequest !== 'undefined';
        update({
          image,
          result: null,
          status: isFile ? 'uploading' : 'recognizing',
          progress: measurable ? 0 : null,
        });
        // The client reads only its own options; the hook's extra ones ride along unused.
        const raw = await recognizeImage(body, {
          ...options,
          mode: selectMode(options.mode ?? 'auto', sentWidth, sentHeight),
          signal,
          onUploadProgress: (loaded, total) => {
            if (!live()) return;
            const done = total > 0 && loaded >= total;
            update({
              progress: total > 0 ? loaded / total : 0,
              status: done ? 'recognizing' : 'uploading',
            });
          },
        });
        if (!live()) return null;
        const scaled =
          sentWidth === image.width && sentHeight === image.height
            ? raw
            : scaleResult(raw, image.width / sentWidth, image.height / sentHeight);
        // The answer proves the upload finished, even where no progress event said so.
        update({ status: 'success', result: scaled, error: null, progress: isFile ? 1 : null });
        latest.current.onResult?.(scaled, image);
        return scaled;
      } catch (caught) {
        if (!live()) return null;
        report(
          isOcrError(caught)
            ? caught
            : new OcrError('invalid-input', 'The image could not be prepared.', { cause: caught }),
        );
        return null;
      } finally {
        if (run.current === controller) run.current = null;
      }
    },
    [latest, update, report, stop, forget],
  );

  const cancel = useCallback(() => {
    if (stop() || status.current === 'error') {
      update({ status: 'idle', progress: null, error: null });
    }
  }, [stop, update]);

  const reset = useCallback(() => {
    stop();
    lastInput.current = null;
    forget();
    update({ ...INITIAL });
  }, [stop, update, forget]);

  const retry = useCallback(
    () => (lastInput.current === null ? Promise.resolve(null) : recognize(lastInput.current)),
    [recognize],
  );

  const fail = useCallback(
    (error: OcrError) => {
      if (!mounted.current) return;
      stop();
      report(error);
    },
    [stop, report],
  );

  return { ...state, recognize, retry, cancel, reset, fail };
}

/** Turns an input into what is sent and what is shown; throws `OcrError('invalid-input')`. */
async function prepare(
  input: OcrInput,
  options: UseOcrOptions,
  signal: AbortSignal,
): Promise<Prepared> {
  if (typeof input === 'string') {
    const checked = checkImageUrl(input);
    if (!checked.ok) {
      const { problem } = checked;
      throw inputError({ reason: 'url', url: input, problem }, describeImageUrlProblem(problem));
    }
    const url = checked.url.href;
    const { width, height } = await naturalSize(url, signal);
    return {
      input,
      image: { src: url, width, height },
      body: { imageUrl: url },
      sentWidth: width,
      sentHeight: height,
    };
  }
  // Decoding, orientation and transcoding load with the first file, not with the hook.
  const { prepareImage } = await import('./preprocess');
  const image = await prepareImage(input, options.preprocess, signal);
  const limit = options.maxSize ?? NHN_MAX_BYTES;
  if (image.upload.size > limit)
    throw inputError({ reason: 'too-large', size: image.upload.size, limit });
  return {
    input,
    image: { src: '', width: image.width, height: image.height, file: input },
    body: image.upload,
    display: image.display,
    sentWidth: image.sentWidth,
    sentHeight: image.sentHeight,
  };
}

/** The natural size of an image URL, or 0 × 0 if this browser cannot load it (the server may). */
function naturalSize(url: string, signal: AbortSignal): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve({ width: img.naturalWidth, height: img.naturalHeight });
    };
    const onAbort = () => {
      clearTimeout(timer);
      img.src = '';
      reject(signal.reason);
    };
    const timer = setTimeout(done, 10_000);
    signal.addEventListener('abort', onAbort, { once: true });
    img.onload = done;
    img.onerror = done;
    img.src = url;
  });
}
