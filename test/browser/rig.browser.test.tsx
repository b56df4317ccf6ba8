import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';

test('runs in a real Chromium with a 2D canvas and CJK fonts', async () => {
  render(<p>피 blood 블러드</p>);
  expect(screen.getByText('피 blood 블러드')).toBeTruthy();
  expect(navigator.userAgent).toMatch(/Chrome\//);
  const context = document.createElement('canvas').getContext('2d');
  expect(context).not.toBeNull();
  // A Hangul glyph must have real width (tofu boxes from a missing font are all the same width).
  context!.font = '20px sans-serif';
  expect(context!.measureText('블').width).toBeGreaterThan(10);
});
