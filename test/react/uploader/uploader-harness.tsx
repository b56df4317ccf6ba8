import { render, waitFor } from '@testing-library/react';
import { expect, vi } from 'vitest';
import type { OcrError } from '../../../src/core/errors';
import {
  OcrUploader,
  type OcrUploaderProps,
  type OcrUploaderRenderState,
} from '../../../src/react/uploader';
import type { mockBackend } from './browser-support';

/** The overlay drawn for the current image, if any. */
export const overlay = (root: Element) => root.querySelector('[data-ocr-overlay]');

/** Records the uploader's state through a `children` render function. */
export function recorder() {
  const seen: { current: OcrUploaderRenderState | null } = { current: null };
  const children = (state: OcrUploaderRenderState) => {
    seen.current = state;
    return null;
  };
  return { seen, children };
}

/** Renders `<OcrUploader>` against the mocked backend, with an `onError` spy. */
export function renderUploader(
  backend: ReturnType<typeof mockBackend>,
  props: Partial<OcrUploaderProps> = {},
) {
  backend.use(backend.handler);
  const onError = vi.fn<(error: OcrError) => void>();
  const view = render(<OcrUploader endpoint="/api/ocr/general" onError={onError} {...props} />);
  const root = view.container.firstElementChild as HTMLElement;
  const state = () => root.getAttribute('data-state');
  // An end state, not a speed check: the first upload of a file may also load modules the
  // dev server transforms on first request (the XHR transport, preprocessing), which on a busy
  // machine takes longer than waitFor's default second.
  const settled = async (expected: string) =>
    waitFor(() => expect(state()).toBe(expected), { timeout: 5000 });
  return { ...view, root, state, settled, onError };
}
