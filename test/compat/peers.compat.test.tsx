import Konva from 'konva';
import konvaPackage from 'konva/package.json';
import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import reactKonvaPackage from 'react-konva/package.json';
import { describe, expect, inject, it } from 'vitest';
import { OcrError } from '../../src/core/errors';
import { OcrOverlay } from '../../src/react/overlay';

// Guards the compatibility run itself: if the aliasing or the src → dist mapping silently
// stopped working, every other test would still pass, on the wrong code or the wrong React.
describe('compatibility run (issue #13)', () => {
  it('runs on the peers of the set, not on the root devDependencies', () => {
    const expected = inject('compatPeers');
    expect({
      react: reactVersion,
      'react-dom': reactDomVersion,
      konva: Konva.version,
      'react-konva': reactKonvaPackage.version,
    }).toEqual(expected);
    expect(konvaPackage.version).toBe(expected.konva);
  });

  it('tests the built modules: a test importing src gets the module from dist', async () => {
    // Not a static import: the type check must not depend on a build.
    const built = await import(/* @vite-ignore */ `${'/dist/index.js'}`);
    expect(OcrError).toBe(built.OcrError);
    expect(OcrOverlay).toBe(built.OcrOverlay);
  });
});
