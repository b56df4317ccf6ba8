#!/usr/bin/env node
// Node's ESM resolution (TypeScript `node16`/`nodenext`) needs full relative specifiers in the
// emitted declarations: `./errors` → `./errors.js`, `../overlay` → `../overlay/index.js`.
// The sources keep bundler-style specifiers; this rewrites dist/**/*.d.ts after `tsc`.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.d.ts') ? [path] : [];
  });
}

const SPECIFIER = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;
let rewritten = 0;
for (const file of files(root)) {
  const source = readFileSync(file, 'utf8');
  const next = source.replace(SPECIFIER, (match, lead, quote, specifier) => {
    if (/\.(js|mjs|cjs|json)$/.test(specifier)) return match;
    const target = resolve(dirname(file), specifier);
    const full = existsSync(`${target}.d.ts`)
      ? `${specifier}.js`
      : existsSync(join(target, 'index.d.ts'))
        ? `${specifier}/index.js`
        : null;
    if (!full) throw new Error(`${file}: cannot resolve ${specifier}`);
    rewritten++;
    return `${lead}${quote}${full}${quote}`;
  });
  if (next !== source) writeFileSync(file, next);
}
console.log(`dts-extensions: ${rewritten} relative specifiers made explicit under ${root}`);
