// OCR_BENCH_BASELINE=<git rev>: that revision's src/ (and tsconfig.json), extracted once into
// node_modules/.cache, so its <OcrOverlay> runs next to today's in the same page and browser.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VIRTUAL = 'virtual:ocr-bench-baseline';

/** `{ rev, sha, dir }` for the revision, extracting it on first use; `null` without one. */
export function prepareBaseline(projectRoot, rev) {
  if (!rev) return null;
  const git = (...args) =>
    execFileSync('git', args, { cwd: projectRoot, encoding: 'buffer', maxBuffer: 1 << 28 });
  let sha;
  try {
    sha = git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`).toString().trim();
  } catch {
    throw new Error(`OCR_BENCH_BASELINE=${rev} is not a commit in this repository.`);
  }
  const dir = path.join(projectRoot, 'node_modules', '.cache', 'ocr-bench-baseline', sha);
  const done = path.join(dir, '.complete');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const paths = ['src', 'tsconfig.json'].filter((p) => {
      try {
        git('cat-file', '-e', `${sha}:${p}`);
        return true;
      } catch {
        return false;
      }
    });
    const tar = git('archive', '--format=tar', sha, ...paths);
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    writeFileSync(done, `${rev}\n`);
  }
  const entry = path.join(dir, 'src', 'index.ts');
  if (!existsSync(entry)) throw new Error(`${rev} (${sha}) has no src/index.ts to import.`);
  return { rev, sha, dir, entry };
}

/** A Vite plugin serving `virtual:ocr-bench-baseline`: the baseline's OcrOverlay, or null. */
export function baselinePlugin(baseline) {
  const id = `\0${VIRTUAL}`;
  return {
    name: 'ocr-bench-baseline',
    resolveId: (source) => (source === VIRTUAL ? id : undefined),
    load(source) {
      if (source !== id) return undefined;
      if (!baseline) return 'export const OcrOverlay = null;\nexport const baselineLabel = null;\n';
      return [
        `export { OcrOverlay } from ${JSON.stringify(baseline.entry)};`,
        `export const baselineLabel = ${JSON.stringify(`baseline (${baseline.rev})`)};`,
        '',
      ].join('\n');
    },
  };
}
