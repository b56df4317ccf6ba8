#!/usr/bin/env node
// Server rendering as a consumer meets it, after `npm run build`: in plain Node (no window, no
// document, no canvas) every JavaScript entry of the package's `exports` imports, resolved through
// them, every exported component renders to a string, and the uploader renders in each shipped
// locale. Run directly (from scripts/compat.mjs) with `--react <version>` it also checks which
// React did the rendering.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** A custom view as README shows it: `useOcrOverlay`'s root around one of its parts. */
function CustomView({ main, createElement, part }) {
  const overlay = main.useOcrOverlay({ image: '/photo.jpg' });
  return createElement(
    'div',
    overlay.getRootProps(),
    createElement(part, { controller: overlay.controller }),
  );
}

/**
 * Props that make each exported component render meaningfully on the server, or a function
 * that builds the element (for components that take what a hook returns).
 */
const componentProps = {
  OcrOverlay: { image: '/photo.jpg', 'aria-label': 'Receipt' },
  OcrOverlayCanvas: (main, createElement) =>
    createElement(CustomView, { main, createElement, part: main.OcrOverlayCanvas }),
  OcrTextLayer: (main, createElement) =>
    createElement(CustomView, { main, createElement, part: main.OcrTextLayer }),
  OcrConfidenceLegend: {},
  OcrUploader: { endpoint: '/api/ocr/general' },
};

/** The `exports` keys with JavaScript behind them (`.`, `./core`, `./locales/ko`…), not CSS or JSON. */
const scriptEntries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object' && /\.js$/.test(target.default))
  .map(([name]) => name);

const isComponent = (name, value) =>
  /^[A-Z]/.test(name) &&
  (typeof value === 'object'
    ? value !== null && '$$typeof' in value
    : typeof value === 'function') &&
  !(typeof value === 'function' && value.prototype instanceof Error);

export async function renderOnServer() {
  if (typeof window !== 'undefined' || typeof document !== 'undefined') {
    throw new Error('this check must run in plain Node');
  }
  const entries = Object.fromEntries(
    await Promise.all(
      scriptEntries.map(async (name) => [name, await import(`${pkg.name}${name.slice(1)}`)]),
    ),
  );
  for (const [name, entry] of Object.entries(entries)) {
    if (Object.keys(entry).length === 0) throw new Error(`"${name}" exports nothing`);
  }
  const { '.': main, './core': core } = entries;
  if (typeof core.parseOcrResponse !== 'function') throw new Error('./core lacks parseOcrResponse');
  const { createElement, version } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const components = Object.entries(main).filter(([name, value]) => isComponent(name, value));
  if (components.length === 0) throw new Error('"." exports no component');
  const rendered = [];
  for (const [name, Component] of components) {
    const props = componentProps[name];
    if (!props) throw new Error(`${name} is exported but has no entry in componentProps`);
    const element =
      typeof props === 'function' ? props(main, createElement) : createElement(Component, props);
    const html = renderToString(element);
    if (typeof html !== 'string' || html.length === 0) throw new Error(`${name} rendered nothing`);
    rendered.push(`${name} (${html.length} chars)`);
  }
  // Each locale entry's object works with the components of ".", as an app would pass it.
  for (const name of scriptEntries.filter((entry) => entry.startsWith('./locales/'))) {
    const code = name.slice('./locales/'.length);
    const locale = entries[name][code];
    if (locale?.code !== code) throw new Error(`"${name}" does not export { ${code} }`);
    const html = renderToString(
      createElement(main.OcrUploader, { ...componentProps.OcrUploader, locale }),
    );
    if (!html.includes(locale.uploader.browse)) {
      throw new Error(`OcrUploader with locale={${code}} does not show its strings`);
    }
    rendered.push(`OcrUploader locale={${code}}`);
  }
  return { react: version, rendered };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const expected = process.argv.includes('--react')
    ? process.argv[process.argv.indexOf('--react') + 1]
    : undefined;
  const { react, rendered } = await renderOnServer();
  if (expected && react !== expected) {
    console.log(`FAIL rendered with React ${react}, expected ${expected}`);
    process.exit(1);
  }
  console.log(`ok   SSR on React ${react}: rendered ${rendered.join(', ')}`);
}
