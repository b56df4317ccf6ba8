/**
 * A headless `useOcr` (your own view) needs the input problems and their English sentences, not
 * the uploader's message table; and no component ships Korean unless `…/locales/ko` is imported.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';
import { ko } from '../../../src/locales/ko';
import { overlayEn } from '../../../src/react/overlay/messages';
import { uploaderEn } from '../../../src/react/uploader/messages';

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

test('useOcr alone carries no Korean strings and no message table', async () => {
  const code = await bundle("export { useOcr } from './src/index.ts';");
  expect(code).not.toMatch(/[가-힣]/);
  expect(code).not.toContain(uploaderEn.browse);
  // Its refusals still have an English sentence.
  expect(code).toContain('at most');
});

test('the uploader carries English only; Korean comes with locales/ko', async () => {
  const uploader = await bundle("export { OcrUploader } from './src/index.ts';");
  expect(uploader).toContain(uploaderEn.browse);
  expect(uploader).toContain(overlayEn.imageError);
  expect(uploader).not.toMatch(/[가-힣]/);
  const korean = await bundle("export { ko } from './src/locales/ko.ts';");
  expect(korean).toContain(ko.uploader.browse);
  expect(korean).toContain(ko.overlay.imageError);
});
