/**
 * Runs every `<OcrUploader>` story's play function as a test, with the story's own MSW
 * handlers (`parameters.msw.handlers`), in the same Chromium as the other browser tests.
 */
import { composeStories } from '@storybook/react-vite';
import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { expect, test } from 'vitest';
import * as stories from '../../../stories/OcrUploader.stories';
import { mockBackend } from './browser-support';

const { use } = mockBackend();

test.each(Object.entries(composeStories(stories)))(
  'story %s',
  async (_name, Story) => {
    const handlers = (Story.parameters.msw as { handlers?: RequestHandler[] } | undefined)
      ?.handlers;
    use(...(handlers ?? []));
    await Story.load();
    const { container } = render(<Story />);
    await Story.play?.({ canvasElement: container });
    expect(container.querySelector('[data-state]')).not.toBeNull();
  },
  20_000,
);
