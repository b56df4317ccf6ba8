import { describe, expect, test } from 'vitest';
import { KEY_ZOOM_STEP, keyAction } from '../../../../src/react/overlay/engine/keyboard';

const key = (
  name: string,
  modifiers: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => ({
  key: name,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});

describe('keyAction', () => {
  test.each([
    ['ArrowRight', -1, { type: 'select', index: 0 }],
    ['ArrowRight', 1, { type: 'select', index: 2 }],
    ['ArrowRight', 4, { type: 'select', index: 4 }],
    ['ArrowLeft', -1, { type: 'select', index: 4 }],
    ['ArrowLeft', 0, { type: 'select', index: 0 }],
    ['ArrowDown', -1, { type: 'select', index: 0 }],
    ['ArrowDown', 2, { type: 'line', direction: 1 }],
    ['ArrowUp', -1, { type: 'select', index: 4 }],
    ['ArrowUp', 2, { type: 'line', direction: -1 }],
    ['Home', 3, { type: 'select', index: 0 }],
    ['End', 0, { type: 'select', index: 4 }],
    ['Enter', 2, { type: 'activate', index: 2 }],
    ['Enter', -1, { type: 'none' }],
    ['Escape', 2, { type: 'select', index: -1 }],
    ['Escape', -1, { type: 'none' }],
    ['+', -1, { type: 'zoom', factor: KEY_ZOOM_STEP }],
    ['=', -1, { type: 'zoom', factor: KEY_ZOOM_STEP }],
    ['-', -1, { type: 'zoom', factor: 1 / KEY_ZOOM_STEP }],
    ['0', -1, { type: 'zoom', factor: null }],
    ['a', 2, { type: 'none' }],
  ] as const)('%s with word %i selected of 5', (name, current, action) => {
    expect(keyAction(key(name), 5, current)).toEqual(action);
  });

  test('Tab walks forward and back but lets focus leave past either end', () => {
    expect(keyAction(key('Tab'), 3, -1)).toEqual({ type: 'select', index: 0 });
    expect(keyAction(key('Tab'), 3, 1)).toEqual({ type: 'select', index: 2 });
    expect(keyAction(key('Tab'), 3, 2)).toEqual({ type: 'none' });
    expect(keyAction(key('Tab', { shiftKey: true }), 3, 1)).toEqual({ type: 'select', index: 0 });
    expect(keyAction(key('Tab', { shiftKey: true }), 3, 0)).toEqual({ type: 'none' });
    expect(keyAction(key('Tab', { ctrlKey: true }), 3, 0)).toEqual({ type: 'none' });
  });

  test('navigation keys do nothing without words', () => {
    for (const name of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'Tab']) {
      expect(keyAction(key(name), 0, -1)).toEqual({ type: 'none' });
    }
  });
});
