/**
 * A headless `useOcr` (your own view) needs the input problems and their English sentences, not
 * the uploader's message tables: it must not ship the Korean strings.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

async function bundle(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    charset: 'utf8',
    platform: 'browser',
    jsx: 'automatic',
    logLevel: 'silent',
    external: ['react', 'react-dom', 'react-dropzone', 'konva', 'react-konva', 'flatbush'].flatMap(
      (name) => [name, `${name}/*`],
    ),
  });
  return result.outputFiles[0]!.text;
}

test('useOcr alone carries no Korean strings and no message tables', async () => {
  const code = await bundle("export { useOcr } from './src/index.ts';");
  expect(code).not.toMatch(/[가-힣]/);
  expect(code).not.toContain('ocrUploaderMessages');
  // Its refusals still have an English sentence.
  expect(code).toContain('at most');
});

test('the uploader does carry both locales', async () => {
  const code = await bundle("export { OcrUploader } from './src/index.ts';");
  expect(code).toMatch(/[가-힣]/);
});
