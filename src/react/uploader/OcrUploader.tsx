import {
  type ClipboardEvent,
  type FormEvent,
  type HTMLAttributes,
  type ReactNode,
  type RefObject,
  useId,
  useRef,
  useState,
} from 'react';
import {
  type Accept,
  type DropzoneRootProps,
  type FileRejection,
  useDropzone,
} from 'react-dropzone';
import type { OcrError } from '../../core/errors';
import type { OcrLocale } from '../../locales/types';
import { composeEventHandlers, resolveLocale, splitProps, useMessages } from '../internal';
import type { OcrOverlayProps } from '../overlay';
import { useOverlayComponent } from './lazyOverlay';
import {
  describeOcrError,
  describeOcrErrorDetail,
  type OcrUploaderMessages,
  uploaderEn,
} from './messages';
import { inputError } from './problems';
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
   * Recognises an image pasted while focus is inside the uploader; a pasted http(s) link fills
   * the URL field instead (one Enter sends it).
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
   * Language of the strings: a locale object, e.g. `ko` from `react-ocr-overlay/locales/ko`.
   * Passed on to the overlay unless `overlayProps.locale` says otherwise.
   * @default en (`react-ocr-overlay/locales/en`)
   */
  locale?: OcrLocale;
  /** Overrides single strings of the locale (`locale.uploader`). */
  messages?: Partial<OcrUploaderMessages>;
  /**
   * Refuses drops, pastes, clicks and URLs.
   * @default false
   */
  disabled?: boolean;
  /**
   * Leaves out the `ocr-uploader` class that `react-ocr-overlay/styles.css` styles (with its
   * parts, by their `data-part`), for a look entirely your own; the attributes stay.
   * @default false
   */
  unstyled?: boolean;
  /** Drop-zone content, or a function of the uploader's state that renders it. */
  children?: ReactNode | ((state: OcrUploaderRenderState) => ReactNode);
}

const IMAGES: Accept = { 'image/*': [] };
const HTTP_URL = /^https?:\/\/\S+$/i;

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
  'unstyled',
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

function joinClasses(...names: Array<string | undefined>): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}

/** The focused element takes text itself (the URL field, a field in custom children). */
function isTextField(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.matches('input, textarea, select'))
  );
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
    locale,
    messages: overrides,
    disabled = false,
    unstyled = false,
    children,
  } = view;
  const { className, onPaste, ...root } = rest;
  const ocr = useOcr(options);
  const chosen = resolveLocale(locale);
  const messages = useMessages(chosen?.uploader ?? uploaderEn, overrides);
  const Overlay = useOverlayComponent(showOverlay);
  const [url, setUrl] = useState('');
  const urlField = useRef<HTMLInputElement>(null);
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

  // A link pasted onto the uploader goes into the URL field rather than straight to the server:
  // a copied link is as often a page as an image, and the field shows what would be sent.
  const pasteUrl = (event: ClipboardEvent<HTMLDivElement>) => {
    if (!paste || !allowUrl || disabled || isTextField(event.target)) return;
    if (event.clipboardData.files.length > 0) return;
    const text = event.clipboardData.getData('text/plain').trim();
    if (!HTTP_URL.test(text)) return;
    event.preventDefault();
    setUrl(text);
    urlField.current?.focus();
  };

  // The user's `onPaste` is composed here rather than by react-dropzone, which drops it with
  // `noPaste`.
  const rootProps = getRootProps<DropzoneRootProps>({
    role: 'group',
    'aria-label': messages.region,
    ...root,
    className: joinClasses(unstyled ? undefined : 'ocr-uploader', className),
  });
  const { status, progress, image, result, error } = ocr;
  const percent = Math.round((progress ?? 0) * 100);
  const measured = status === 'uploading' && progress !== null;
  const busy = status === 'preparing' || status === 'uploading' || status === 'recognizing';
  // A URL this browser could not load (size 0): the server may still read it, but an overlay
  // would only fail on the same URL and add a second error.
  const shown = image && image.width > 0 ? image : null;
  const announcement =
    status === 'success' && result
      ? messages.success(result.words.length)
      : busy
        ? messages[status]
        : '';

  return (
    <div
      {...rootProps}
      onPaste={composeEventHandlers(onPaste, (event: ClipboardEvent<HTMLDivElement>) => {
        pasteUrl(event);
        rootProps.onPaste?.(event);
      })}
      data-ocr-uploader=""
      data-state={status}
      data-drag-active={isDragActive ? '' : undefined}
      data-disabled={disabled ? '' : undefined}
    >
      <input {...getInputProps({ capture, 'aria-label': messages.fileInput })} />
      <div data-part="dropzone">
        {typeof children === 'function'
          ? children({ ...ocr, isDragActive, open, messages })
          : (children ?? (
              <p data-part="prompt">
                {isDragActive ? (
                  messages.dragActive
                ) : (
                  <>
                    {messages.prompt}{' '}
                    <button type="button" data-part="browse" onClick={open} disabled={disabled}>
                      {messages.browse}
                    </button>
                  </>
                )}
              </p>
            ))}
      </div>
      {allowUrl && (
        <UrlForm
          url={url}
          setUrl={setUrl}
          field={urlField}
          disabled={disabled}
          messages={messages}
          onSubmit={() => void ocr.recognize(url)}
        />
      )}
      <div data-part="activity">
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
          <button type="button" data-part="cancel" onClick={ocr.cancel}>
            {messages.cancel}
          </button>
        )}
      </div>
      {status === 'error' && error && (
        <ErrorMessage ocr={ocr} error={error} messages={messages} disabled={disabled} />
      )}
      {showOverlay && image && !shown && status !== 'error' && !busy && (
        <p data-part="image-unavailable">{messages.imageUnavailable}</p>
      )}
      {Overlay && shown && (
        <Overlay
          aria-label={messages.image}
          image={shown.src}
          result={result}
          {...overlayProps}
          locale={overlayProps?.locale ?? chosen}
        />
      )}
    </div>
  );
}

function UrlForm({
  url,
  setUrl,
  field,
  disabled,
  messages,
  onSubmit,
}: {
  url: string;
  setUrl: (url: string) => void;
  field: RefObject<HTMLInputElement | null>;
  disabled: boolean;
  messages: OcrUploaderMessages;
  onSubmit: () => void;
}) {
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!disabled) onSubmit();
  };
  return (
    // noValidate: our sentence says what is wrong with the URL, in the uploader's language; the
    // browser's own bubble would only say "enter a URL".
    <form data-part="url" onSubmit={submit} noValidate>
      <label htmlFor={id}>{messages.urlLabel}</label>
      <span>
        <input
          ref={field}
          id={id}
          type="url"
          placeholder={messages.urlPlaceholder}
          value={url}
          disabled={disabled}
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit" disabled={disabled || url.trim() === ''}>
          {messages.urlSubmit}
        </button>
      </span>
    </form>
  );
}

function ErrorMessage({
  ocr,
  error,
  messages,
  disabled,
}: {
  ocr: UseOcrResult;
  error: OcrError;
  messages: OcrUploaderMessages;
  disabled: boolean;
}) {
  const detail = describeOcrErrorDetail(error, messages);
  return (
    <div data-part="error" role="alert">
      <p>{describeOcrError(error, messages)}</p>
      {detail && <p>{messages.serverDetail(detail)}</p>}
      <span>
        {/* Only where sending the same request again may succeed. */}
        {error.retryable && (
          <button
            type="button"
            data-part="retry"
            onClick={() => void ocr.retry()}
            disabled={disabled}
          >
            {messages.retry}
          </button>
        )}
        <button type="button" data-part="dismiss" onClick={ocr.cancel}>
          {messages.cancel}
        </button>
      </span>
    </div>
  );
}
