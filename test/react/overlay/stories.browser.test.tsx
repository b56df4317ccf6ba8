/**
 * Renders every `<OcrOverlay>` story and runs its play function, in the same Chromium as the
 * other browser tests: each story must reach its final `data-state` without a console.error.
 */
import { composeStories } from '@storybook/react';
import { render } from '@testing-library/react';
import { expect, test } from 'vitest';
import * as stories from '../../../stories/OcrOverlay.stories';
import { waitForState } from './helpers';

test.each(Object.entries(composeStories(stories)))(
  'story %s',
  async (name, Story) => {
    await Story.load();
    const { container } = render(<Story />);
    await Story.play?.({ canvasElement: container });
    const root = container.querySelector<HTMLElement>('[data-ocr-overlay]');
    if (name === 'Legend') {
      expect(container.querySelector('[data-ocr-legend-bar]')).not.toBeNull();
      return;
    }
    await waitForState(root!, name === 'BrokenImage' ? 'error' : 'ready');
  },
  30_000,
);
