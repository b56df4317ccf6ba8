import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { sourceFiles, moduleSpecifiers as specifiers } from '../support/imports';

const coreDir = fileURLToPath(new URL('../../src/core/', import.meta.url));
const FORBIDDEN = ['react', 'react-dom', 'konva', 'react-konva', 'react-dropzone'];

describe('src/core is framework-free', () => {
  test('no file under src/core imports React, ReactDOM, Konva, react-konva or Node built-ins', () => {
    const offenders = sourceFiles(coreDir).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter(
          (spec) =>
            spec.startsWith('node:') ||
            FORBIDDEN.some((name) => spec === name || spec.startsWith(`${name}/`)) ||
            spec.includes('/react/') ||
            spec.includes('/server/'),
        )
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  test('the scanner itself sees imports in all their forms', () => {
    expect(
      specifiers(
        `import a from 'react';\nexport { b } from "konva";\nconst c = await import('react-konva');`,
      ),
    ).toEqual(['react', 'konva', 'react-konva']);
  });

  test('the core entry loads with React and Konva made unloadable', async () => {
    vi.resetModules();
    for (const name of FORBIDDEN) {
      vi.doMock(name, () => {
        throw new Error(`src/core imported ${name}`);
      });
    }
    const core = await import('../../src/core/index');
    expect(typeof core.parseOcrResponse).toBe('function');
    for (const name of FORBIDDEN) vi.doUnmock(name);
  });
});
