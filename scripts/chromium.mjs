// The one place that knows how this project finds and starts Chromium: the Vitest browser
// project, the server tests that render text images, and the benchmark all use it.
import { existsSync } from 'node:fs';

/** Flags that keep a headless Chromium quiet on a machine without network or GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/** `CHROME_PATH`, else Debian's `/usr/bin/chromium`; a clear error when there is none. */
export function chromiumExecutable() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => Boolean(path && existsSync(path)));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found.',
      process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist.` : '',
      'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium fonts-noto-cjk`)',
      'or point CHROME_PATH at a Chrome/Chromium executable.',
    ]
      .filter(Boolean)
      .join(' '),
  );
}
