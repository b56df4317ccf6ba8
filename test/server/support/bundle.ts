import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Bundles a TypeScript entry for plain Node (dependencies external, as the package ships), so
 * a child process can run it without a TypeScript loader. Written inside the project so the
 * external imports resolve from its node_modules.
 */
export async function bundleForNode(
  entry: string,
  name: string,
): Promise<{ path: string; text: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
  });
  const text = result.outputFiles[0]!.text;
  const dir = `${root}node_modules/.cache/react-ocr-overlay-test`;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/${name}-${process.pid}.mjs`;
  writeFileSync(path, text);
  return { path, text };
}
