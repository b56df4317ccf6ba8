import type { CSSProperties } from 'react';
import { forwardRef, useImperativeHandle, useState } from 'react';
import { composeEventHandlers, resolveLocale, splitProps, useMessages } from '../internal';
import { overlayEn } from './messages';
import { OcrOverlayCanvas } from './OcrOverlayCanvas';
import { OcrTextLayer } from './OcrTextLayer';
import { type OcrOverlayHandle, type OcrOverlayProps, OVERLAY_OPTION_KEYS } from './types';
import { useOcrOverlay } from './useOcrOverlay';

const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

const percent = (confidence: number) => Math.round(confidence * 100);

/**
 * Keyboard focus shows a ring; pointer focus does not (`:focus-visible`, as inline style). The
 * colours are custom properties with defaults, so `styles.css` (or an app) can theme them.
 */
const FOCUS_RING = 'var(--ocr-focus-ring, 2px solid #1a73e8)';
const ERROR_COLOR = 'var(--ocr-danger, #b00020)';

function isFocusVisible(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true;
  }
}

/**
 * OCR words drawn as (rotated) boxes with confidence labels over their image, on one Konva
 * stage: the image, all boxes in one batched shape, and a small layer for hover and selection.
 * Focusable; arrow keys/Tab walk the words in reading order, Enter clicks, Escape clears.
 * A thin view over `useOcrOverlay`.
 */
export const OcrOverlay = /* @__PURE__ */ forwardRef<OcrOverlayHandle, OcrOverlayProps>(
  function OcrOverlay(props, ref) {
    const [options, rest] = splitProps(props, OVERLAY_OPTION_KEYS);
    const { locale, messages: overrides, style, onKeyDown, onFocus, onBlur, ...dom } = rest;
    const overlay = useOcrOverlay(options);
    const { controller, selectedWord, selectedIndex } = overlay;
    useImperativeHandle(
      ref,
      () => ({
        fit: () => controller.fit(),
        zoomToWord: (id) => controller.zoomToWord(id),
        toDataURL: (exportOptions) => controller.toDataURL(exportOptions),
        getStage: () => controller.getStage(),
      }),
      [controller],
    );
    const messages = useMessages(resolveLocale(locale)?.overlay ?? overlayEn, overrides);
    const [focusRing, setFocusRing] = useState(false);

    // A focusable group with its own keyboard model (arrows/Tab/Enter/Escape walk the words);
    // no native element has those semantics.
    return (
      <div
        {...overlay.getRootProps({
          'aria-label': messages.root,
          ...dom,
          style: { outline: focusRing ? FOCUS_RING : 'none', outlineOffset: 2, ...style },
          onKeyDown: composeEventHandlers(onKeyDown, (event) => {
            if (event.target === event.currentTarget) setFocusRing(true);
          }),
          onFocus: composeEventHandlers(onFocus, (event) => {
            if (event.target === event.currentTarget)
              setFocusRing(isFocusVisible(event.currentTarget));
          }),
          onBlur: composeEventHandlers(onBlur, (event) => {
            if (event.target === event.currentTarget) setFocusRing(false);
          }),
        })}
      >
        <div {...overlay.getSurfaceProps()}>
          <OcrOverlayCanvas controller={controller} />
          <OcrTextLayer controller={controller} />
        </div>
        {overlay.error ? (
          <div
            role="alert"
            style={{ padding: 16, border: '1px dashed currentColor', color: ERROR_COLOR }}
          >
            {messages.imageError}
          </div>
        ) : null}
        <div aria-live="polite" aria-atomic="true" style={VISUALLY_HIDDEN} data-ocr-announcer="">
          {selectedWord
            ? messages.selected(
                selectedWord.text,
                percent(selectedWord.confidence),
                selectedIndex + 1,
                overlay.words.length,
              )
            : ''}
        </div>
      </div>
    );
  },
);
