import { type CSSProperties, forwardRef, memo, useState } from 'react';
import { Layer, Shape, Stage } from 'react-konva/lib/ReactKonvaCore';
import type { OcrWord } from '../../core/types';
import { composeEventHandlers, splitProps, useMessages } from '../internal';
import { type OcrOverlayMessages, ocrOverlayMessages } from './messages';
import { type OcrOverlayHandle, type OcrOverlayProps, OVERLAY_OPTION_KEYS } from './types';
import { useOcrOverlay } from './useOcrOverlay';
import { useOverlayInput } from './useOverlayInput';

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

/** Keyboard focus shows a ring; pointer focus does not (`:focus-visible`, as inline style). */
const FOCUS_RING = '2px solid #1a73e8';

function isFocusVisible(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true;
  }
}

const percent = (word: OcrWord) => Math.round(word.confidence * 100);

/** The words as text, for screen readers and the browser's find-in-page. */
const WordMirror = memo(function WordMirror({
  words,
  messages,
}: {
  words: readonly OcrWord[];
  messages: OcrOverlayMessages;
}) {
  return (
    <ol style={VISUALLY_HIDDEN} aria-label={messages.words} data-ocr-mirror="">
      {words.map((word) => (
        <li key={word.id} data-word-id={word.id}>
          {messages.word(word.text, percent(word))}
        </li>
      ))}
    </ol>
  );
});

/**
 * OCR words drawn as (rotated) boxes with confidence labels over their image, on one Konva
 * stage: the image, all boxes in one batched shape, and a small layer for hover and selection.
 * Focusable; arrow keys/Tab walk the words in reading order, Enter clicks, Escape clears.
 */
export const OcrOverlay = forwardRef<OcrOverlayHandle, OcrOverlayProps>(
  function OcrOverlay(props, ref) {
    const c = useOcrOverlay(props, ref);
    const input = useOverlayInput(c, props);
    const [, rest] = splitProps(props, OVERLAY_OPTION_KEYS);
    const { locale, messages: overrides, style, onKeyDown, onFocus, onBlur, ...dom } = rest;
    const { zoom = true, width } = props;
    const [focusRing, setFocusRing] = useState(false);
    const selected = c.selectedIndex >= 0 ? c.model.words[c.selectedIndex] : undefined;
    const total = c.model.words.length;
    const messages = useMessages(ocrOverlayMessages, locale, overrides);

    // A focusable group with its own keyboard model (arrows/Tab/Enter/Escape walk the words);
    // no native element has those semantics.
    return (
      // biome-ignore lint/a11y/useSemanticElements: see above
      <div
        role="group"
        aria-label={messages.root}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
        tabIndex={0}
        {...dom}
        ref={c.rootRef}
        data-ocr-overlay=""
        data-state={c.state}
        style={{
          position: 'relative',
          width: width ?? '100%',
          outline: focusRing ? FOCUS_RING : 'none',
          outlineOffset: 2,
          ...style,
        }}
        onKeyDown={composeEventHandlers(onKeyDown, (event) => {
          if (event.target === event.currentTarget) setFocusRing(true);
          input.onKeyDown(event);
        })}
        onFocus={composeEventHandlers(onFocus, (event) => {
          if (event.target === event.currentTarget)
            setFocusRing(isFocusVisible(event.currentTarget));
        })}
        onBlur={composeEventHandlers(onBlur, (event) => {
          if (event.target === event.currentTarget) setFocusRing(false);
        })}
      >
        <div
          ref={input.surfaceRef}
          data-ocr-surface=""
          {...input.surfaceProps}
          style={{
            position: 'relative',
            width: c.stageWidth || undefined,
            height: c.stageHeight || undefined,
            touchAction: zoom ? 'none' : undefined,
            userSelect: 'none',
            cursor: zoom ? 'grab' : undefined,
          }}
        >
          {c.hasStage ? (
            <Stage ref={c.stageRef} width={c.stageWidth} height={c.stageHeight} listening={false}>
              <Layer name="ocr-image-layer" listening={false} clearBeforeDraw={false}>
                <Shape
                  name="ocr-image"
                  sceneFunc={c.imageScene}
                  listening={false}
                  perfectDrawEnabled={false}
                />
              </Layer>
              <Layer name="ocr-boxes-layer" listening={false} clearBeforeDraw={false}>
                <Shape
                  name="ocr-boxes"
                  sceneFunc={c.boxScene}
                  listening={false}
                  perfectDrawEnabled={false}
                />
              </Layer>
              <Layer ref={c.highlightLayerRef} name="ocr-highlight-layer" listening={false}>
                <Shape
                  name="ocr-highlight"
                  sceneFunc={c.highlightScene}
                  listening={false}
                  perfectDrawEnabled={false}
                />
              </Layer>
            </Stage>
          ) : null}
        </div>
        {c.img.status === 'error' ? (
          <div
            role="alert"
            style={{ padding: 16, border: '1px dashed currentColor', color: '#b00020' }}
          >
            {messages.imageError}
          </div>
        ) : null}
        <WordMirror words={c.mirrorWords} messages={messages} />
        <div aria-live="polite" aria-atomic="true" style={VISUALLY_HIDDEN} data-ocr-announcer="">
          {selected
            ? messages.selected(selected.text, percent(selected), c.selectedIndex + 1, total)
            : ''}
        </div>
      </div>
    );
  },
);
