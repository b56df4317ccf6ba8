import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

/** Everything the package depends on stays an import; only our own code is built. */
const externals = Object.keys({
  ...pkg.dependencies,
  ...pkg.peerDependencies,
  ...pkg.optionalDependencies,
});
const isExternal = (id: string) =>
  id.startsWith('node:') || externals.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * `react-konva/lib/ReactKonvaCore` → `react-konva/lib/ReactKonvaCore.js`. Node's ESM resolver
 * (SSR, tests in Node) finds an extensionless deep import only through the package's `exports`
 * map, which older releases of a peer lack (react-konva before 18.2.15), so the output names the
 * file whenever the installed package resolves that name too.
 */
function fullySpecified(id: string): string {
  const deep = /^(@[^/]+\/)?[^/@.][^/]*\/.+/.test(id) && !/\.[cm]?js$/.test(id);
  if (!deep) return id;
  try {
    import.meta.resolve(`${id}.js`);
    return `${id}.js`;
  } catch {
    return id;
  }
}

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
    copyPublicDir: false,
    lib: {
      // Named after their source path, so dist/ mirrors src/ file for file.
      entry: {
        index: src('index.ts'),
        'core/index': src('core/index.ts'),
        'server/index': src('server/index.ts'),
        'locales/en': src('locales/en.ts'),
        'locales/ko': src('locales/ko.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        // One module per source file: an app's bundler drops every file it does not import
        // (`sideEffects: false`), which it cannot do inside one pre-bundled file.
        preserveModules: true,
        preserveModulesRoot: src(''),
        entryFileNames: '[name].js',
        paths: fullySpecified,
        // The maps point at the shipped src/ instead of carrying a second copy of it.
        sourcemapExcludeSources: true,
      },
    },
  },
});
