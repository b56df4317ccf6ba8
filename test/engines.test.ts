/**
 * Every package an install of ours brings in must run on the oldest Node we claim to support;
 * otherwise every `npm install` on that Node prints EBADENGINE, in users' apps too (#12 item 9).
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, test } from 'vitest';

interface LockEntry {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}

const read = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const pkg = read<{ engines: { node: string } }>('../package.json');
const lock = read<{ packages: Record<string, LockEntry> }>('../package-lock.json');
const oldest = semver.minVersion(pkg.engines.node)!;

/** `[name@version, its engines.node]` for every locked package that declares one. */
function declaredEngines(filter: (entry: LockEntry) => boolean): Array<[string, string]> {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && filter(entry))
    .flatMap(([path, entry]): Array<[string, string]> => {
      const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      return node ? [[`${name}@${entry.version}`, node]] : [];
    });
}

describe(`engines: everything installs on Node ${oldest} without EBADENGINE (#12 item 9)`, () => {
  test('dependencies that reach users', () => {
    const refused = declaredEngines((entry) => !entry.dev).filter(
      ([, range]) => !semver.satisfies(oldest, range),
    );
    expect(refused).toEqual([]);
  });

  test('development dependencies (`npm ci` in this repository and in CI)', () => {
    const refused = declaredEngines((entry) => entry.dev === true).filter(
      ([, range]) => !semver.satisfies(oldest, range),
    );
    expect(refused).toEqual([]);
  });

  test('the check itself sees the engines field (react-dropzone declares one)', () => {
    const names = declaredEngines(() => true).map(([name]) => name);
    expect(names.some((name) => name.startsWith('react-dropzone@'))).toBe(true);
  });
});
