/** The optional stylesheet ships as `react-ocr-overlay/styles.css` (#12 item 13). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  files: string[];
  sideEffects: unknown;
};

describe('react-ocr-overlay/styles.css', () => {
  const path = require.resolve('react-ocr-overlay/styles.css');
  const css = readFileSync(path, 'utf8');

  test('resolves through the package exports to a shipped file', () => {
    expect(path.endsWith('/src/styles.css')).toBe(true);
    expect(pkg.files).toContain('src');
  });

  test('is not tree-shaken away as a side-effect-free import', () => {
    expect(pkg.sideEffects).toEqual(['*.css']);
  });

  test('loads nothing from elsewhere (no @import, no url())', () => {
    expect(css).not.toMatch(/@import|url\(/);
  });

  test('has light and dark, from the system and forced', () => {
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(css).toMatch(/\[data-ocr-theme=["']dark["']\]/);
    expect(css).toMatch(/\[data-ocr-theme=["']light["']\]/);
    for (const token of ['--ocr-accent', '--ocr-radius', '--ocr-font', '--ocr-surface']) {
      expect(css).toContain(`${token}:`);
    }
  });

  test('every rule is :where()-wrapped, so an app rule of any specificity wins', () => {
    const selectors = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@keyframes[^{]+\{(?:[^{}]*\{[^}]*\})*\s*\}/g, '')
      .match(/[^{};]+(?=\{)/g)!
      .map((selector) => selector.trim())
      .filter((selector) => !selector.startsWith('@'));
    expect(selectors.length).toBeGreaterThan(20);
    for (const selector of selectors) {
      for (const part of selector.split(/,(?![^(]*\))/))
        expect(part.trim(), selector).toMatch(/^:where\(/);
    }
  });
});
