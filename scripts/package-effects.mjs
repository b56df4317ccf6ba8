#!/usr/bin/env node
// `"sideEffects": false` promises bundlers that importing a module of this package and using
// none of its exports does nothing. Two checks, run after `npm run build`:
// 1. In fact (a gate): each built module is imported on its own, dependencies first, in plain
//    Node after its external imports are loaded; it must not touch a global, start a timer,
//    schedule work, add a listener, fetch or log.
// 2. As a bundler sees it (for reading): the top-level code of each module that a bundler cannot
//    prove unused and so keeps when the module is imported for any one export, e.g. a call
//    without `/* @__PURE__ */`. It is no side effect, but every importer pays for it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const settle = globalThis.setImmediate;
// Statements at the start of a line, as the build writes them: the words "import … from '…'"
// inside a string (a message saying what to import) are no import.
const IMPORT = /^(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/gm;

export function builtModules(dist) {
  const walk = (dir) =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : path.endsWith('.js') ? [path] : [];
      });
  return walk(dist);
}

/** Static imports of a built module: relative ones as absolute paths, bare ones as names. */
function importsOf(file) {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(IMPORT)].map(([, specifier]) =>
    specifier.startsWith('.') ? resolve(dirname(file), specifier) : specifier,
  );
}

/** Modules in dependency order, so that importing one evaluates only that module. */
function dependenciesFirst(files) {
  const order = [];
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dependency of importsOf(file)) if (dependency.startsWith('/')) visit(dependency);
    order.push(file);
  };
  for (const file of files) visit(file);
  return order;
}

/** Replaces the ways a module could do something at import time with recorders. */
function installRecorders(record) {
  const restore = [];
  const wrap = (owner, key, label) => {
    const original = owner[key];
    if (typeof original !== 'function') return;
    owner[key] = function (...args) {
      record(label);
      return original.apply(this, args);
    };
    restore.push(() => {
      owner[key] = original;
    });
  };
  for (const key of ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch']) {
    wrap(globalThis, key, key);
  }
  for (const key of ['on', 'once', 'addListener', 'prependListener']) {
    wrap(process, key, `process.${key}`);
  }
  wrap(EventTarget.prototype, 'addEventListener', 'addEventListener');
  for (const key of ['log', 'info', 'warn', 'error', 'debug']) wrap(console, key, `console.${key}`);
  return () => {
    for (const undo of restore) undo();
  };
}

function globalsSnapshot() {
  return new Map(
    Reflect.ownKeys(globalThis).map((key) => [
      key,
      Object.getOwnPropertyDescriptor(globalThis, key),
    ]),
  );
}

function globalsChanged(before) {
  const changed = [];
  const after = globalsSnapshot();
  for (const [key, descriptor] of after) {
    const old = before.get(key);
    const same =
      old &&
      Object.is(old.value, descriptor.value) &&
      old.get === descriptor.get &&
      old.set === descriptor.set;
    if (!same) changed.push(`globalThis.${String(key)}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changed.push(`delete ${String(key)}`);
  return changed;
}

/** Check 1. Returns one line per module that did something when imported. */
export async function importTimeWork(dist) {
  const order = dependenciesFirst(builtModules(dist));
  const externals = new Set(order.flatMap(importsOf).filter((name) => !name.startsWith('/')));
  for (const name of externals) await import(name);
  const problems = [];
  for (const file of order) {
    const calls = [];
    const before = globalsSnapshot();
    const restore = installRecorders((label) => calls.push(label));
    try {
      await import(pathToFileURL(file).href);
      // Work queued for "right after import" runs before this resolves.
      await new Promise((done) => settle(done));
    } finally {
      restore();
    }
    const changes = [...new Set([...calls, ...globalsChanged(before)])];
    if (changes.length > 0) problems.push(`${relative(dist, file)}: ${changes.join(', ')}`);
  }
  return { modules: order.length, problems };
}

/** Check 2. What a bundler keeps of each module when none of its exports is used. */
export async function retainedTopLevelCode(dist) {
  const kept = [];
  for (const file of builtModules(dist)) {
    const result = await build({
      stdin: { contents: `import ${JSON.stringify(file)};`, resolveDir: dist },
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      logLevel: 'silent',
      plugins: [
        {
          name: 'only-this-module',
          setup(builder) {
            builder.onResolve({ filter: /.*/ }, (args) =>
              args.importer === '<stdin>'
                ? { path: args.path, sideEffects: true }
                : { path: args.path, external: true },
            );
          },
        },
      ],
    });
    const code = result.outputFiles[0].text
      .replace(/import\s*(?:[\w$*{}\s,]+from\s*)?"[^"]*";?/g, '')
      .trim();
    if (code) kept.push({ file: relative(dist, file), bytes: code.length, code });
  }
  return kept.sort((a, b) => b.bytes - a.bytes);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { modules, problems } = await importTimeWork(resolve(process.argv[2] ?? 'dist'));
  if (problems.length > 0) {
    console.log(problems.join('\n'));
    process.exit(1);
  }
  console.log(`${modules} modules imported one by one; none did anything at import time`);
}
