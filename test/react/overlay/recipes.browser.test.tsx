/** Runs the recipe stories (search and copy) with their play functions, as the user would. */
import { composeStories } from '@storybook/react';
import { render } from '@testing-library/react';
import { expect, test } from 'vitest';
import * as stories from '../../../stories/SearchAndCopy.stories';
import { layerCanvas, pixelAt } from './helpers';

const { SearchAndCopyReceipt } = composeStories(stories);

test('story Search and copy: matches are highlighted and walked, text copied, hOCR saved', async () => {
  await SearchAndCopyReceipt.load();
  const { container } = render(<SearchAndCopyReceipt />);
  await SearchAndCopyReceipt.play!({ canvasElement: container });
  const Konva = (await import('konva/lib/Core')).default;
  const stage = Konva.stages.at(-1)!;
  const marks = layerCanvas(stage, 'ocr-marks-layer');
  const data = marks.getContext('2d')!.getImageData(0, 0, marks.width, marks.height).data;
  let marked = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]) marked++;
  expect(marked).toBeGreaterThan(0);
  expect(pixelAt(marks, 1, 1)[3]).toBe(0);
  // The current match was zoomed to: well past the scale that fits the 1600 px photo.
  expect(stage.scaleX()).toBeGreaterThan((1.5 * stage.width()) / 1600);
});
