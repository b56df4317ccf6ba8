import { type FormEvent, type HTMLAttributes, type ReactNode, useState } from 'react';
import { type Accept, type FileRejection, useDropzone } from 'react-dropzone';
import type { OcrError } from '../../core/errors';
import { type OcrLocale, splitProps, useMessages } from '../internal';
import { OcrOverlay, type OcrOverlayProps } from '../overlay';
import {
  describeOcrError,
  inputError,
  inputProblemOf,
  type OcrUploaderMessages,
  ocrUploaderMessages,
} from './messages';
import { USE_OCR_OPTION_KEYS, type UseOcrOptions, type UseOcrResult, useOcr } from './useOcr';

/** What a `children` render function receives. */
export interface OcrUploaderRenderState extends UseOcrResult {
  isDragActive: boolean;
  /** Opens the file picker. */
  open: () => void;
  messages: OcrUploaderMessages;
}

/** Attributes that reach the uploader's root `<div>`. */
type UploaderRootProps = Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onError'>;

export interface OcrUploaderProps extends UseOcrOptions, UploaderRootProps {
  /**
   * File types the picker and the drop zone accept (react-dropzone `accept`).
   * @default { 'image/*': [] }
   */
  accept?: Accept;
  /**
   * Shows a field for an image URL, which the backend downloads.
   * @default true
   */
  allowUrl?: boolean;
  /**
   * Recognises an image pasted while focus is inside the uploader.
   * @default true
   */
  paste?: boolean;
  /** Opens the camera on mobile (`<input capture>`), e.g. `'environment'`. */
  capture?: boolean | 'user' | 'environment';
  /**
   * Draws the image with the recognised words over it.
   * @default true
   */
  showOverlay?: boolean;
  /** Passed to `<OcrOverlay>` (everything but `image` and `result`). */
  overlayProps?: Partial<Omit<OcrOverlayProps, 'image' | 'result'>>;
  /**
   * Language of the shipped strings.
   * @default 'en'
   */
  locale?: OcrLocale;
  /** Overrides single strings of the locale. */
  messages?: Partial<OcrUploaderMessages>;
  /**
   * Refuses drops, pastes, clicks and URLs.
   * @default false
   */
  disabled?: boolean;
  /** Drop-zone content, or a function of the uploader's state that renders it. */
  children?: ReactNode | ((state: OcrUploaderRenderState) => ReactNode);
}

const IMAGES: Accept = { 'image/*': [] };

/** The uploader's own props (not `useOcr`'s, not the root element's). */
export const UPLOADER_VIEW_KEYS = [
  'accept',
  'allowUrl',
  'paste',
  'capture',
  'showOverlay',
  'overlayProps',
  'locale',
  'messages',
  'disabled',
  'children',
] as const satisfies readonly Exclude<
  keyof OcrUploaderProps,
  keyof UseOcrOptions | keyof UploaderRootProps
>[];

/** Refusals from react-dropzone as the same `OcrError('invalid-input')` the hook raises. */
function rejection(rejections: FileRejection[]): OcrError {
  const first = rejections[0]!;
  if (rejections.length > 1 || first.errors.some((error) => error.code === 'too-many-files')) {
    return inputError({ reason: 'too-many-files', count: rejections.length });
  }
  return inputError({ reason: 'type', type: first.file.type || first.file.name });
}

/**
 * Drop, paste, pick or link an image; it is checked, prepared and sent to your OCR backend,
 * and the recognised words are drawn over it. A thin view over `useOcr` and react-dropzone.
 */
export function OcrUploader(props: OcrUploaderProps) {
  const [options, viewProps] = splitProps(props, USE_OCR_OPTION_KEYS);
  const [view, rest] = splitProps(viewProps, UPLOADER_VIEW_KEYS);
  const {
    accept = IMAGES,
    allowUrl = true,
    paste = true,
    capture,
    showOverlay = true,
    overlayProps,
    locale = 'en',
    messages: overrides,
    disabled = false,
    children,
  } = view;
  const ocr = useOcr(options);
  const messages = useMessages(ocrUploaderMessages, locale, overrides);
  const [url, setUrl] = useState('');
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    accept,
    disabled,
    multiple: false,
    noClick: true,
    noPaste: !paste,
    onDrop: (accepted, rejected) => {
      if (rejected.length > 0) ocr.fail(rejection(rejected));
      else if (accepted[0]) void ocr.recognize(accepted[0]);
    },
  });

  const { status, progress, image, result, error } = ocr;
  const busy = status === 'preparing' || status === 'uploading' || status === 'recognizing';
  const percent = Math.round((progress ?? 0) * 100);
  const measured = status === 'uploading' && progress !== null;
  const announcement =
    status === 'success' && result
      ? messages.success(result.words.length)
      : busy
        ? messages[status]
        : '';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!disabled) void ocr.recognize(url);
  };

  return (
    <div
      {...getRootProps({ role: 'group', 'aria-label': messages.region, ...rest })}
      data-state={status}
      data-drag-active={isDragActive ? '' : undefined}
      data-disabled={disabled ? '' : undefined}
    >
      <input {...getInputProps({ capture, 'aria-label': messages.fileInput })} />
      <div data-part="dropzone">
        {typeof children === 'function'
          ? children({ ...ocr, isDragActive, open, messages })
          : (children ?? (
              <p
                style={{
                  margin: 0,
                  padding: 24,
                  borderRadius: 8,
                  border: `2px dashed ${isDragActive ? '#1a73e8' : '#9aa0a6'}`,
                  textAlign: 'center',
                }}
              >
                {isDragActive ? messages.dragActive : messages.prompt}{' '}
                <button type="button" onClick={open} disabled={disabled}>
                  {messages.browse}
                </button>
              </p>
            ))}
      </div>
      {allowUrl && (
        <form data-part="url" onSubmit={onSubmit}>
          <input
            type="url"
            aria-label={messages.urlLabel}
            placeholder={messages.urlPlaceholder}
            value={url}
            disabled={disabled}
            onChange={(event) => setUrl(event.target.value)}
          />
          <button type="submit" disabled={disabled || url.trim() === ''}>
            {messages.urlSubmit}
          </button>
        </form>
      )}
      <div data-part="status" aria-live="polite">
        {announcement}
      </div>
      {(status === 'uploading' || status === 'recognizing') && (
        <div data-part="progress">
          {/* Indeterminate while the server works, or when the upload cannot be measured. */}
          <progress
            aria-label={messages.progress}
            max={measured ? 100 : undefined}
            value={measured ? percent : undefined}
          />
          {measured && <span>{messages.percent(percent)}</span>}
        </div>
      )}
      {busy && (
        <button type="button" onClick={ocr.cancel}>
          {messages.cancel}
        </button>
      )}
      {status === 'error' && error && (
        <div data-part="error" role="alert">
          <p>{describeOcrError(error, messages)}</p>
          {!inputProblemOf(error) && (
            <button type="button" onClick={() => void ocr.retry()} disabled={disabled}>
              {messages.retry}
            </button>
          )}
          <button type="button" onClick={ocr.cancel}>
            {messages.cancel}
          </button>
        </div>
      )}
      {showOverlay && image && (
        <OcrOverlay
          aria-label={messages.image}
          image={image.src}
          result={result}
          {...overlayProps}
          locale={overlayProps?.locale ?? locale}
        />
      )}
    </div>
  );
}
