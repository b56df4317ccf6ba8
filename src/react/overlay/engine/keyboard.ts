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

/**
 * The keyboard model over `count` words in reading order with `current` selected (-1 = none):
 * Left/Right walk the words, Up/Down go to the nearest word on the previous/next line, Home/End
 * jump, Tab walks but lets focus leave past either end (the words are not a keyboard trap),
 * Enter activates, Escape clears, `+`/`-`/`0` zoom and fit.
 */
export function keyAction(event: KeyState, count: number, current: number): KeyAction {
  switch (event.key) {
    case 'ArrowRight':
      return count
        ? { type: 'select', index: current < 0 ? 0 : Math.min(count - 1, current + 1) }
        : NONE;
    case 'ArrowLeft':
      return count
        ? { type: 'select', index: current < 0 ? count - 1 : Math.max(0, current - 1) }
        : NONE;
    case 'ArrowDown':
      if (!count) return NONE;
      return current < 0 ? { type: 'select', index: 0 } : { type: 'line', direction: 1 };
    case 'ArrowUp':
      if (!count) return NONE;
      return current < 0 ? { type: 'select', index: count - 1 } : { type: 'line', direction: -1 };
    case 'Home':
      return count ? { type: 'select', index: 0 } : NONE;
    case 'End':
      return count ? { type: 'select', index: count - 1 } : NONE;
    case 'Tab': {
      if (event.altKey || event.ctrlKey || event.metaKey) return NONE;
      const next = event.shiftKey ? current - 1 : current + 1;
      const inside = event.shiftKey ? current > 0 : current < count - 1;
      return inside ? { type: 'select', index: next } : NONE;
    }
    case 'Enter':
      return current >= 0 ? { type: 'activate', index: current } : NONE;
    case 'Escape':
      return current >= 0 ? { type: 'select', index: -1 } : NONE;
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
