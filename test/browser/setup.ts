import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Every browser test fails on an unexpected `console.error` (React warnings, act() warnings,
 * errors swallowed by a component). A test that expects one calls `allowConsoleError(match)`.
 */
let logged: unknown[][] = [];
let allowed: Array<(message: string) => boolean> = [];

export function allowConsoleError(match: RegExp | ((message: string) => boolean)): void {
  allowed.push(typeof match === 'function' ? match : (message) => match.test(message));
}

beforeEach(() => {
  logged = [];
  allowed = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});

afterEach(() => {
  cleanup();
  vi.mocked(console.error).mockRestore();
  const unexpected = logged
    .map((args) => args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' '))
    .filter((message) => !allowed.some((allow) => allow(message)));
  if (unexpected.length > 0) {
    throw new Error(`Unexpected console.error:\n${unexpected.join('\n---\n')}`);
  }
});
