import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleForNode, root } from './support/bundle';

/**
 * Bundles `src/server/index.ts` the way the package ships it (dependencies external) and
 * imports it in a fresh Node process whose network, DNS and file writes are booby-trapped.
 */
const bundleServerEntry = () => bundleForNode(`${root}src/server/index.ts`, 'server');

const probe = (bundle: string) => `
  const trap = (what) => () => { throw new Error('touched ' + what); };
  globalThis.fetch = trap('fetch');
  const { default: dns } = await import('node:dns');
  dns.lookup = trap('dns.lookup');
  dns.promises.lookup = trap('dns.promises.lookup');
  const { default: fs } = await import('node:fs');
  fs.writeFileSync = trap('fs.writeFileSync');
  fs.promises.writeFile = trap('fs.promises.writeFile');
  fs.promises.mkdir = trap('fs.promises.mkdir');
  fs.promises.symlink = trap('fs.promises.symlink');
  (await import('node:module')).syncBuiltinESMExports();
  const server = await import(${JSON.stringify(bundle)});
  const local = server.createLocalOcrHandler();
  server.createNhnOcrHandler({ appKey: 'k', secretKey: 's' });
  server.toNodeHandler(local);
  await local.close();
  const { createRequire } = await import('node:module');
  const loaded = Object.keys(createRequire(import.meta.url).cache).filter((id) => /tesseract/.test(id));
  console.log(JSON.stringify({ exports: Object.keys(server).sort(), loaded }));
`;

describe('importing ./server', () => {
  it('loads no tesseract.js and touches no network, DNS or files, even when creating handlers', async () => {
    const { path, text } = await bundleServerEntry();
    expect(text).not.toMatch(/^import .*['"]tesseract\.js['"]/m); // only a dynamic import
    expect(text).toMatch(/import\(\s*["']tesseract\.js["']\s*\)/);
    let stdout: string;
    try {
      stdout = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          ['--input-type=module', '-e', probe(path)],
          { cwd: root, timeout: 20_000 },
          (error, out, err) =>
            error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
        ),
      );
    } finally {
      rmSync(path, { force: true });
    }
    const { exports, loaded } = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(loaded).toEqual([]);
    expect(exports).toEqual(
      expect.arrayContaining(['createLocalOcrHandler', 'createNhnOcrHandler', 'toNodeHandler']),
    );
  });
});
