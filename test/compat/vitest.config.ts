/**
 * The Chromium test project, run against the built package (dist/) with the peers of one
 * compatibility set (`test/compat/<set>/`, its own package.json and lock) in place of the root's.
 * `node scripts/compat.mjs <set>` installs the set and runs this with COMPAT_SET=<set>.
 *
 * Every browser test runs unchanged: their imports of `src/…` are served the built module at the
 * same path under `dist/` (the build emits one module per source file), so what is tested is the
 * JavaScript that ships, on the React, react-dom, react-konva and Konva of the set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
import type { TestProjectConfiguration, TestProjectInlineConfiguration } from 'vitest/config';
import root from '../../vitest.config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Name → version of each peer installed in the compatibility set under test. */
    compatPeers: Record<string, string>;
  }
}

const set = process.env.COMPAT_SET;
if (!set) throw new Error('COMPAT_SET is not set: run `node scripts/compat.mjs <set>`.');
const repo = fileURLToPath(new URL('../../', import.meta.url));
const setDir = `${repo}test/compat/${set}/`;
const installed = (name: string) => `${setDir}node_modules/${name}`;
const { dependencies } = JSON.parse(readFileSync(`${setDir}package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
};
const peers = Object.keys(dependencies);
for (const name of peers) {
  if (!existsSync(installed(name))) throw new Error(`${name} is not installed in ${setDir}`);
}
const version = (name: string) =>
  (JSON.parse(readFileSync(`${installed(name)}/package.json`, 'utf8')) as { version: string })
    .version;

/** `src/a/b.ts(x)` → `dist/a/b.js`, for every source file the build emitted. */
function builtPackage(): Plugin {
  const src = `${repo}src/`;
  return {
    name: 'compat:built-package',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved?.id.startsWith(src)) return resolved;
      const built = `${repo}dist/${resolved.id.slice(src.length).replace(/\.tsx?$/, '.js')}`;
      // Barrels with only re-exports are not emitted; they are served from src and their
      // targets come from dist like everything else.
      return existsSync(built) ? built : resolved;
    },
  };
}

if (!existsSync(`${repo}dist/index.js`)) throw new Error('dist/ is missing: run `npm run build`.');

const chromium = root.test?.projects?.find(
  (project: TestProjectConfiguration): project is TestProjectInlineConfiguration =>
    typeof project === 'object' && 'test' in project && project.test?.name === 'chromium',
);
if (!chromium?.test) throw new Error('vitest.config.ts has no "chromium" project');

const label = peers.map((name) => `${name} ${version(name)}`).join(', ');

export default {
  ...root,
  root: repo,
  // Pre-bundled peers of this set must not mix with the root's React 19 ones.
  cacheDir: `${setDir}node_modules/.vite`,
  resolve: {
    ...root.resolve,
    alias: [
      {
        find: new RegExp(`^(${peers.join('|')})(/.*)?$`),
        replacement: `${setDir}node_modules/$1$2`,
      },
    ],
  },
  test: {
    ...root.test,
    projects: [
      {
        ...chromium,
        plugins: [...(chromium.plugins ?? []), builtPackage()],
        test: {
          ...chromium.test,
          name: `chromium (${label})`,
          include: [...(chromium.test.include ?? []), 'test/compat/**/*.compat.test.{ts,tsx}'],
          provide: { compatPeers: Object.fromEntries(peers.map((name) => [name, version(name)])) },
        },
      },
    ],
  },
} satisfies UserConfig;
