import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { moduleSpecifiers, sourceFiles } from '../../../support/imports';

const engineDir = fileURLToPath(new URL('../../../../src/react/overlay/engine/', import.meta.url));
const FRAMEWORKS = ['react', 'react-dom', 'react-konva'];

const runtimeSpecifiers = (source: string) => moduleSpecifiers(source, { runtimeOnly: true });

describe('the overlay engine is framework-free', () => {
  test('no file under src/react/overlay/engine imports React, react-dom or react-konva, or Konva at run time', () => {
    const offenders = sourceFiles(engineDir).flatMap((file) =>
      runtimeSpecifiers(readFileSync(file, 'utf8'))
        .filter(
          (spec) =>
            [...FRAMEWORKS, 'konva'].some((name) => spec === name || spec.startsWith(`${name}/`)) ||
            spec.includes('/internal') ||
            /\.tsx$/.test(spec),
        )
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  test('the scanner sees run-time imports and skips type-only ones', () => {
    expect(
      runtimeSpecifiers(
        `import type Konva from 'konva';\nimport { a } from 'react';\nexport { b } from "./x";\nimport 'side';\nconst c = await import('react-konva');`,
      ),
    ).toEqual(['react', './x', 'side', 'react-konva']);
  });

  test('the engine loads and runs with React and Konva made unloadable', async () => {
    vi.resetModules();
    for (const name of [...FRAMEWORKS, 'konva', 'konva/lib/Core']) {
      vi.doMock(name, () => {
        throw new Error(`the overlay engine imported ${name}`);
      });
    }
    const { OverlayController } = await import('../../../../src/react/overlay/engine/controller');
    const controller = new OverlayController({ image: 'x.png' });
    expect(controller.getSnapshot().status).toBe('loading');
    for (const name of [...FRAMEWORKS, 'konva', 'konva/lib/Core']) vi.doUnmock(name);
  });
});
