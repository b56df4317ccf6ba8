/** What a key press on the focused overlay does. */
export type KeyAction =
  | { type: 'none' }
  | { type: 'select'; index: number }
  | { type: 'activate'; index: number }
  /** To the nearest word on the next (`1`) or previous (`-1`) line. */
  | { type: 'line'; direction: 1 | -1 }
  /** `factor: null` fits the image. */
  | { type: 'zoom'; factor: number | null };

const NONE: KeyAction = { type: 'none' };

/** One zoom key step. */
export const KEY_ZOOM_STEP = 1.25;

interface KeyState {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const select = (index: number): KeyAction => ({ type: 'select', index });

/**
 * The keyboard model over `count` words in reading order with `current` selected (-1 = none):
 * Left/Right walk the words, Up/Down go to the nearest word on the previous/next line, Home/End
 * jump, Tab walks but lets focus leave past either end (the words are not a keyboard trap),
 * Enter activates, Escape clears, `+`/`-`/`0` zoom and fit.
 */
export function keyAction(event: KeyState, count: number, current: number): KeyAction {
  const last = count - 1;
  const none = current < 0;
  switch (event.key) {
    case 'ArrowRight':
      return count ? select(none ? 0 : Math.min(last, current + 1)) : NONE;
    case 'ArrowLeft':
      return count ? select(none ? last : Math.max(0, current - 1)) : NONE;
    case 'ArrowDown':
      return count ? (none ? select(0) : { type: 'line', direction: 1 }) : NONE;
    case 'ArrowUp':
      return count ? (none ? select(last) : { type: 'line', direction: -1 }) : NONE;
    case 'Home':
      return count ? select(0) : NONE;
    case 'End':
      return count ? select(last) : NONE;
    case 'Tab': {
      if (event.altKey || event.ctrlKey || event.metaKey) return NONE;
      const back = event.shiftKey;
      return (back ? current > 0 : current < last)
        ? select(back ? current - 1 : current + 1)
        : NONE;
    }
    case 'Enter':
      return none ? NONE : { type: 'activate', index: current };
    case 'Escape':
      return none ? NONE : select(-1);
    case '+':
    case '=':
      return { type: 'zoom', factor: KEY_ZOOM_STEP };
    case '-':
      return { type: 'zoom', factor: 1 / KEY_ZOOM_STEP };
    case '0':
      return { type: 'zoom', factor: null };
    default:
      return NONE;
  }
}
