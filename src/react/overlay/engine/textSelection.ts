/** The part of text node `node` inside `range`. */
function slice(range: Range, node: Text): string {
  const start = range.startContainer === node ? range.startOffset : 0;
  const end = range.endContainer === node ? range.endOffset : node.length;
  return node.data.slice(start, end);
}

/**
 * The text of `range` over the text layer's children (`runs`, in reading order), as a reader
 * expects to paste it: the words of a line joined by one space, lines by `\n`. Hidden lines are
 * text nodes ending in `\n`; placed lines hold one span per word.
 */
export function selectedText(range: Range, runs: readonly Element[]): string {
  const lines: string[] = [];
  for (const run of runs) {
    if (!range.intersectsNode(run)) continue;
    if (run.hasAttribute('data-ocr-text-flow')) {
      for (const node of run.childNodes) {
        if (node.nodeType !== 3 || !range.intersectsNode(node)) continue;
        const text = slice(range, node as Text).replace(/\n$/, '');
        if (text !== '') lines.push(text);
      }
      continue;
    }
    const words: string[] = [];
    for (const span of run.querySelectorAll('[data-word-id]')) {
      const node = span.firstChild;
      if (node?.nodeType !== 3 || !range.intersectsNode(node)) continue;
      const text = slice(range, node as Text);
      if (text !== '') words.push(text);
    }
    if (words.length > 0) lines.push(words.join(' '));
  }
  return lines.join('\n');
}

/**
 * A `copy` event: when the selection lies within the text layer's `content`, the clipboard gets
 * `selectedText` instead of the browser's own serialisation of positioned spans.
 */
export function copySelection(
  event: ClipboardEvent,
  content: Element,
  runs: readonly Element[],
): void {
  const selection = content.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !event.clipboardData)
    return;
  const range = selection.getRangeAt(0);
  if (!content.contains(range.startContainer) || !content.contains(range.endContainer)) return;
  event.clipboardData.setData('text/plain', selectedText(range, runs));
  event.preventDefault();
}
