import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as core from '../src/core/index';
import * as main from '../src/index';

describe('package entries', () => {
  test('"." re-exports everything "./core" exports, as the same values', () => {
    for (const [name, value] of Object.entries(core)) {
      expect(main, `"." is missing ${name}`).toHaveProperty(name);
      expect((main as Record<string, unknown>)[name]).toBe(value);
    }
  });

  test('the browser entry never imports src/server', () => {
    const source = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from\s+['"][^'"]*server/);
    expect(source).not.toMatch(/export \*/);
  });
});
