#!/usr/bin/env node
// Compatibility matrix, after `npm run build`: for each set in test/compat/<set>/ (its own
// package.json and lock, pinning the oldest React, react-dom, react-konva and Konva that the
// peer ranges promise), `npm ci` there, then run against the built package with those peers:
// 1. the whole Chromium test project (test/compat/vitest.config.ts), and
// 2. server rendering in plain Node (scripts/package-ssr.mjs, peers resolved from the set).
// `node scripts/compat.mjs` runs every set; `node scripts/compat.mjs react18` one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const compat = `${root}test/compat/`;
const all = readdirSync(compat, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${compat}${entry.name}/package.json`))
  .map((entry) => entry.name)
  .sort();
const sets = process.argv.length > 2 ? process.argv.slice(2) : all;
const unknown = sets.filter((set) => !all.includes(set));
if (unknown.length > 0)
  throw new Error(`no such set: ${unknown.join(', ')} (have ${all.join(', ')})`);
if (!existsSync(`${root}dist/index.js`)) throw new Error('dist/ is missing: run `npm run build`.');

/** `a` is an older version than `b` (both x.y.z). */
function older(a, b) {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number));
  const i = x.findIndex((part, index) => part !== y[index]);
  return i >= 0 && x[i] < y[i];
}

/**
 * The peer ranges say exactly what is tested: each `^x.y.z` alternative of a range that a set
 * pins starts at a version some set (or the root, for the newest) runs, and every version run
 * is in the range. Ranges keep to that one form, so this needs no semver library.
 */
function rangeProblems() {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const pins = all.map(
    (set) => JSON.parse(readFileSync(`${compat}${set}/package.json`, 'utf8')).dependencies,
  );
  const problems = [];
  for (const name of new Set(pins.flatMap(Object.keys))) {
    const range = pkg.peerDependencies?.[name] ?? '';
    const floors = range.split('||').map((part) => part.trim().slice(1));
    if (!range.split('||').every((part) => /^\^\d+\.\d+\.\d+$/.test(part.trim()))) {
      problems.push(`${name} "${range}": write it as ^x.y.z || ^x.y.z`);
      continue;
    }
    const newest = JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8'));
    const tested = [newest.version, ...pins.map((pin) => pin[name]).filter(Boolean)];
    for (const floor of floors) {
      if (!tested.includes(floor)) {
        problems.push(`${name} "${range}": ${floor} is not tested (tested: ${tested.join(', ')})`);
      }
    }
    for (const version of tested) {
      const floor = floors.find((candidate) => candidate.split('.')[0] === version.split('.')[0]);
      if (!/^\d+\.\d+\.\d+$/.test(version) || !floor || older(version, floor)) {
        problems.push(`${name} "${range}": tested ${version} is outside it`);
      }
    }
  }
  return problems;
}

function run(title, command, args, options = {}) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  return { ok: status === 0, line: `${status === 0 ? 'ok  ' : 'FAIL'} ${title} (${seconds} s)` };
}

const problems = rangeProblems();
const results = [
  {
    ok: problems.length === 0,
    line:
      problems.length === 0
        ? 'ok   peer ranges start at tested versions and hold every tested version'
        : `FAIL peer ranges:\n     ${problems.join('\n     ')}`,
  },
];
for (const set of sets) {
  const dir = `${compat}${set}`;
  const env = { ...process.env, COMPAT_SET: set };
  const install = run(`${set}: npm ci`, 'npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
  results.push(install);
  if (!install.ok) continue;
  const installed = (name) =>
    JSON.parse(readFileSync(`${dir}/node_modules/${name}/package.json`, 'utf8')).version;
  const { dependencies } = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  const label = Object.keys(dependencies)
    .map((name) => `${name} ${installed(name)}`)
    .join(', ');
  results.push(
    run(
      `${set}: Chromium tests on ${label}`,
      `${root}node_modules/.bin/vitest`,
      ['run', '--config', 'test/compat/vitest.config.ts'],
      { env },
    ),
    run(
      `${set}: SSR in Node on ${label}`,
      process.execPath,
      [
        '--import',
        './test/compat/register.mjs',
        'scripts/package-ssr.mjs',
        '--react',
        installed('react'),
      ],
      { env },
    ),
  );
}

console.log(`\n${results.map((result) => result.line).join('\n')}`);
if (results.some((result) => !result.ok)) process.exit(1);
