/**
 * The text layer's own rules. Transparent text turns white when selected unless `::selection`
 * says otherwise, which no inline style can, so they are adopted once per document as a
 * constructed stylesheet (not an inline `<style>`, which a strict CSP blocks). Geometry stays
 * inline, per element. The layer sets its own `cursor`: the surface's changes with every hover
 * and drag, and an inherited property that changes restyles every word span below it (~40 ms
 * at 1,000 words); one that the layer sets itself stops at the layer.
 */
const RULES = `
[data-ocr-text-layer] {
  position: absolute; inset: 0; overflow: hidden; pointer-events: none; cursor: auto;
  color: transparent; line-height: 1; white-space: pre; font-family: sans-serif;
  forced-color-adjust: none;
}
[data-ocr-text-content] { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
[data-ocr-text-flow] {
  position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%);
}
[data-ocr-text-line] { position: absolute; left: 0; top: 0; font-size: 0; }
[data-ocr-text-layer] [data-word-id] {
  position: absolute; transform-origin: 0 0; pointer-events: auto; cursor: text;
  user-select: text; -webkit-user-select: text;
}
[data-ocr-text-layer] ::selection {
  color: transparent; background: var(--ocr-text-selection, rgb(26 115 232 / 0.35));
}
`;

const adopted = new WeakSet<Document>();

export function adoptTextLayerStyles(document: Document): void {
  if (adopted.has(document)) return;
  adopted.add(document);
  const view = document.defaultView;
  if (view && 'adoptedStyleSheets' in document && typeof view.CSSStyleSheet === 'function') {
    try {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(RULES);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return;
    } catch {
      // Fall through to a <style> element.
    }
  }
  const style = document.createElement('style');
  style.setAttribute('data-ocr-text-layer-styles', '');
  style.textContent = RULES;
  document.head.append(style);
}
