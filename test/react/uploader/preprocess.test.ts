import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { selectMode } from '../../../src/react/uploader/mode';
import { canSendUnchanged, fitWithin } from '../../../src/react/uploader/preprocess';

describe('selectMode', () => {
  test.each([
    ['auto', 1000, 2500, 'general'],
    ['auto', 1000, 2501, 'cropping'],
    ['auto', 2600, 1000, 'cropping'],
    ['auto', 0, 0, 'general'],
    ['general', 100, 10_000, 'general'],
    ['cropping', 100, 100, 'cropping'],
  ] as const)('%s %i × %i → %s', (mode, width, height, expected) => {
    expect(selectMode(mode, width, height)).toBe(expected);
  });
});

describe('fitWithin', () => {
  test('never enlarges, and off when not set', () => {
    expect(fitWithin(4000, 3000, undefined)).toEqual({ width: 4000, height: 3000 });
    expect(fitWithin(4000, 3000, 4096)).toEqual({ width: 4000, height: 3000 });
    expect(fitWithin(4000, 3000, 2048)).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin(1000, 3001, 1000)).toEqual({ width: 333, height: 1000 });
  });

  test('property: the longest side ends at maxDimension, aspect kept within a pixel', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30_000 }),
        fc.integer({ min: 1, max: 30_000 }),
        fc.integer({ min: 16, max: 8192 }),
        (width, height, max) => {
          const out = fitWithin(width, height, max);
          expect(Math.max(out.width, out.height)).toBe(Math.min(max, Math.max(width, height)));
          expect(Math.abs(out.width * height - out.height * width)).toBeLessThanOrEqual(
            Math.max(width, height),
          );
        },
      ),
    );
  });
});

describe('canSendUnchanged', () => {
  const jpeg = { format: 'image/jpeg', width: 4000, height: 3000, orientation: 1 } as const;
  test.each([
    ['plain JPEG', jpeg, undefined, true],
    ['plain PNG', { ...jpeg, format: 'image/png' }, 4096, true],
    ['JPEG larger than maxDimension', jpeg, 2048, false],
    ['rotated JPEG', { ...jpeg, orientation: 6 }, undefined, false],
    ['WebP', { ...jpeg, format: 'image/webp' }, undefined, false],
    ['JPEG without a frame header', { ...jpeg, width: null, height: null }, undefined, false],
    ['unknown bytes', null, undefined, false],
  ] as const)('%s → %s', (_name, header, max, expected) => {
    expect(canSendUnchanged(header, max)).toBe(expected);
  });
});
