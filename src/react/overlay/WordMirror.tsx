import { type CSSProperties, memo } from 'react';
import type { OcrWord } from '../../core/types';
import type { OcrOverlayMessages } from './messages';

export const VISUALLY_HIDDEN: CSSProperties = {
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

export const percent = (word: OcrWord) => Math.round(word.confidence * 100);

/** The words as text, for screen readers and the browser's find-in-page. */
export const WordMirror = memo(function WordMirror({
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
