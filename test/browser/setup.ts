import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Every browser test fails on an unexpected `console.error` (React warnings, act() warnings,
 * errors swallowed by a component). A test that expects one calls `allowConsoleError(match)`.
 */
interface ConsoleGuard {
  logged: unknown[][];
  allowed: Array<(message: string) => boolean>;
}

// Kept on globalThis: a test file that imports `allowConsoleError` gets its own copy of this
// module, and both copies must share one guard (and register the hooks only once).
const key = Symbol.for('react-ocr-overlay.console-guard');
const store = globalThis as unknown as Record<symbol, ConsoleGuard | undefined>;
const installed = store[key] !== undefined;
if (!installed) store[key] = { logged: [], allowed: [] };
const guard = store[key]!;

export function allowConsoleError(match: RegExp | ((message: string) => boolean)): void {
  guard.allowed.push(typeof match === 'function' ? match : (message) => match.test(message));
}

if (!installed) {
  beforeEach(() => {
    guard.logged = [];
    guard.allowed = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      guard.logged.push(args);
    });
  });

  afterEach(() => {
    cleanup();
    vi.mocked(console.error).mockRestore?.();
    const unexpected = guard.logged
      .map((args) => args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' '))
      .filter((message) => !guard.allowed.some((allow) => allow(message)));
    if (unexpected.length > 0) {
      throw new Error(`Unexpected console.error:\n${unexpected.join('\n---\n')}`);
    }
  });
}
