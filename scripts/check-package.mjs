#!/usr/bin/env node
// Package gates, run after `npm run build`: what a consumer of the published package meets.
// 1. publint --strict and @arethetypeswrong/cli (esm-only) are clean.
// 2. Every built module and declaration ships with a map into the shipped TypeScript source, so
//    "Go to definition" and stack traces land in src/.
// 3. `"sideEffects": false` holds: no module does anything when imported (scripts/package-effects.mjs).
// 4. In plain Node, every JavaScript entry in `exports` imports, every component renders to a
//    string, and the uploader renders in each shipped locale.
// 5. What an app pays for each import (scripts/package-size.mjs): each row of the size table is
//    measured and printed, and each goal is a gate. `SIZE_GATES=report` prints the goals without
//    failing on them (for work in progress; CI enforces them).
//    Rows over their goal list the modules they pull in, largest first (all rows: SIZE_DETAIL=1).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { retainedTopLevelCode } from './package-effects.mjs';
import { kB, measure, SIZE_ROWS } from './package-size.mjs';
import { renderOnServer } from './package-ssr.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const dist = `${root}/dist`;
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
const sizeMode = process.env.SIZE_GATES ?? 'strict';
if (!['strict', 'report'].includes(sizeMode)) {
  throw new Error(`SIZE_GATES must be "strict" (the default) or "report", not "${sizeMode}"`);
}
const failures = [];
const bin = (name) => `${root}/node_modules/.bin/${name}`;

function step(title, fn) {
  return Promise.resolve()
    .then(fn)
    .then(
      (detail) => console.log(`ok   ${title}${detail ? ` — ${detail}` : ''}`),
      (error) => {
        failures.push(title);
        console.log(`FAIL ${title}\n${String(error?.stdout ?? '')}${error?.stack ?? error}`);
      },
    );
}

const run = (command, args) =>
  execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });

await step('publint --strict', () => {
  const out = run(bin('publint'), ['--strict']);
  if (/error|warning|suggestion/i.test(out) && !/All good/i.test(out)) throw new Error(out);
});

await step('attw --pack . --profile esm-only', () => {
  // The stylesheet is an export with no types by nature; attw checks JavaScript entry points.
  run(bin('attw'), [
    '--pack',
    '.',
    '--profile',
    'esm-only',
    '--format',
    'table-flipped',
    '--exclude-entrypoints',
    './styles.css',
  ]);
});

await step('source maps and declaration maps point into the shipped src/', () => {
  const [{ files }] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']));
  const shipped = new Set(files.map((file) => file.path));
  const problems = [];
  let maps = 0;
  for (const file of shipped) {
    if (!file.startsWith('dist/') || !/\.(js|d\.ts)$/.test(file)) continue;
    const code = readFileSync(join(root, file), 'utf8');
    // A module of only `import`/`export … from` lines has nothing to map.
    const onlyReexports = file.endsWith('.js') && /^(\s*(import|export)\b[^;]*;)*\s*$/.test(code);
    if (onlyReexports) continue;
    const map = `${file}.map`;
    if (!shipped.has(map)) {
      problems.push(`${file}: no ${map} in the package`);
      continue;
    }
    if (!code.includes(`sourceMappingURL=${map.split('/').pop()}`)) {
      problems.push(`${file}: does not name its map`);
    }
    const { sources } = JSON.parse(readFileSync(join(root, map), 'utf8'));
    for (const source of sources) {
      const target = relative(root, join(root, dirname(file), source));
      if (!/^src\/.*\.tsx?$/.test(target) || !shipped.has(target)) {
        problems.push(`${map}: source ${source} is not a shipped src/ file`);
      }
    }
    maps++;
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return `${maps} maps, each into src/*.ts(x) in the package`;
});

await step('"sideEffects": false holds: no JS module does anything when imported', async () => {
  // A stylesheet is imported for its effect: webpack drops `import '…/styles.css'` unless
  // `sideEffects` lists it, so a list of CSS files is the one allowed exception.
  const cssOnly =
    Array.isArray(pkg.sideEffects) && pkg.sideEffects.every((file) => /\.css$/.test(file));
  if (pkg.sideEffects !== false && !cssOnly) {
    throw new Error('package.json must say "sideEffects": false, or list only .css files');
  }
  // In a fresh process: each module must be imported for the first time, one by one.
  const out = run(process.execPath, [`${root}/scripts/package-effects.mjs`, dist]);
  return out.trim();
});

await step('SSR: import every entry in "exports" and renderToString each component', async () => {
  const { react, rendered } = await renderOnServer();
  return `React ${react}: rendered ${rendered.join(', ')}`;
});

/**
 * A Korean word in bundled code, with its surroundings, or `undefined`: two Hangul syllables in a
 * row, so that a range such as the search's `/[\uac00-\ud7a3]/` is not taken for one.
 */
function koreanIn(code) {
  const text = code.replace(/\\u([0-9a-f]{4})/gi, (_, hex) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return text.match(/.{0,30}[\uac00-\ud7a3]{2,}.{0,30}/)?.[0];
}

/** Prints one row of the size table; returns whether it broke its gate. */
function sizeRow(row, result) {
  const over = row.goal !== undefined && result.size > row.goal;
  const breaks = sizeMode === 'strict' && over;
  const verdict = row.goal === undefined ? '' : `goal ${kB(row.goal)} ${over ? 'MISSED' : 'met'}`;
  const extras = [
    row.asked && `asked ${kB(row.asked)}: ${result.size > row.asked ? 'not met' : 'met'}`,
    row.target && `whole-entry goal ${kB(row.target)}`,
    result.lazy > 0 && `+ ${kB(result.lazy)} loaded by import()`,
  ].filter(Boolean);
  const mark = breaks ? 'FAIL' : over ? 'over' : '    ';
  console.log(
    `${mark} ${row.label.padEnd(58)} ${kB(result.size).padStart(9)}  ${verdict}${
      extras.length ? `; ${extras.join('; ')}` : ''
    }`,
  );
  if (over || process.env.SIZE_DETAIL) {
    for (const { file, minified, share } of result.modules.slice(0, 8)) {
      console.log(
        `       ${kB(share).padStart(9)} ≈ ${String(minified).padStart(6)} B min  ${file}`,
      );
    }
  }
  return breaks;
}

await step(`size of each import, min+gzip (SIZE_GATES=${sizeMode})`, async () => {
  console.log('\n     import (react, react-dom, konva, react-konva external)       min+gzip');
  const broken = [];
  let entry;
  let korean;
  for (const row of SIZE_ROWS) {
    const result = await measure(root, row.code(pkg.name), row.external);
    if (sizeRow(row, result)) broken.push(row.name);
    if (row.name === 'entry') entry = result;
    if (row.name === 'locale ko') korean = result;
  }
  // The browser entry holds nothing of the server or tesseract.js, even behind import().
  const leaked = entry.modules
    .map(({ file }) => file)
    .filter((file) => /dist\/server\/|tesseract/.test(file));
  if (/tesseract/i.test(entry.text)) leaked.push('the string "tesseract"');
  if (leaked.length > 0) throw new Error(`server code in the "." entry: ${leaked.join(', ')}`);
  // Languages but English are entries of their own (`./locales/ko`), paid for only when imported.
  // The Korean row proves the probe sees Korean in esbuild's output, which escapes it as \uXXXX.
  if (!koreanIn(korean.text))
    throw new Error('no Korean found in ./locales/ko: the probe is blind');
  const leakedKorean = koreanIn(entry.text);
  if (leakedKorean) throw new Error(`Korean in the "." entry, not ./locales/ko: ${leakedKorean}`);
  // Not a side effect, but paid by every importer of the module, whichever export it uses:
  // a call a bundler cannot prove pure keeps the whole statement and all it refers to.
  const kept = await retainedTopLevelCode(dist);
  console.log('\n     kept by a bundler whenever the module is imported, used or not:');
  for (const { file, bytes } of kept)
    console.log(`     ${String(bytes).padStart(6)} B min  ${file}`);
  console.log('');
  if (broken.length > 0) throw new Error(`over goal: ${broken.join(', ')}`);
  return sizeMode === 'report'
    ? 'goals reported, not enforced (SIZE_GATES=report)'
    : 'every goal met';
});

if (failures.length > 0) {
  console.log(`\n${failures.length} package gate(s) failed: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('\nAll package gates passed.');
