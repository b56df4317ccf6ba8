import type { Meta, StoryObj } from '@storybook/react-vite';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  findText,
  OcrOverlay,
  type OcrOverlayHandle,
  type OcrResult,
  parseOcrResponse,
  toHocr,
  toPlainText,
} from '../src/index';
import receipt from '../test/fixtures/real/wildreceipt-1.jpeg?url';
import receiptResponse from '../test/fixtures/real/wildreceipt-1.nhn.json';

interface SearchAndCopyProps {
  image: string;
  result: OcrResult;
  /** Size of `image` in pixels (hOCR needs the page size). */
  width: number;
  height: number;
  highlightColor?: string;
  /** The text the "Copy text" button put on the clipboard. */
  onCopy?: (text: string) => void;
  /** The hOCR document the "Download hOCR" button saved. */
  onDownload?: (hocr: string) => void;
}

/**
 * A search box over the overlay: every match is highlighted on the image, Enter / Shift+Enter
 * walks them and zooms to each; the text comes out as plain text or as an hOCR document.
 */
function SearchAndCopy({
  image,
  result,
  width,
  height,
  highlightColor,
  onCopy,
  onDownload,
}: SearchAndCopyProps) {
  const overlay = useRef<OcrOverlayHandle>(null);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const matches = useMemo(() => findText(result, query), [result, query]);
  const highlightedIds = useMemo(() => matches.flatMap((match) => match.wordIds), [matches]);
  const match = matches[current];

  const go = (index: number) => {
    if (matches.length === 0) return;
    const next = (index + matches.length) % matches.length;
    setCurrent(next);
    overlay.current?.zoomToWord(matches[next]!.wordIds[0]!);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    go(event.shiftKey ? current - 1 : current + 1);
  };
  const copy = async () => {
    const text = toPlainText(result);
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    onCopy?.(text);
  };
  const download = () => {
    const hocr = toHocr(result, { width, height, title: 'receipt' });
    const url = URL.createObjectURL(new Blob([hocr], { type: 'text/html' }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: 'receipt.hocr',
    });
    link.click();
    URL.revokeObjectURL(url);
    onDownload?.(hocr);
  };

  return (
    <div style={{ display: 'grid', gap: 8, maxWidth: 800, font: '14px system-ui, sans-serif' }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <input
          type="search"
          aria-label="Find in the image"
          placeholder="Find… (Enter: next, Shift+Enter: previous)"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setCurrent(0);
          }}
          onKeyDown={onKeyDown}
          style={{ flex: 1, padding: '6px 8px' }}
        />
        <output aria-live="polite" data-testid="count">
          {query.trim() === ''
            ? ''
            : matches.length === 0
              ? 'No matches'
              : `${current + 1} of ${matches.length}`}
        </output>
        <button type="button" onClick={copy}>
          Copy text
        </button>
        <button type="button" onClick={download}>
          Download hOCR
        </button>
      </div>
      <OcrOverlay
        ref={overlay}
        image={image}
        result={result}
        highlightedIds={highlightedIds}
        highlightColor={highlightColor}
        selectedId={match?.wordIds[0] ?? null}
      />
    </div>
  );
}

const meta = {
  title: 'Recipes/Search and copy',
  component: SearchAndCopy,
  args: {
    image: receipt,
    result: parseOcrResponse(receiptResponse),
    width: 1600,
    height: 1200,
    highlightColor: '#ffd400',
    onCopy: fn(),
    onDownload: fn(),
  },
  argTypes: {
    highlightColor: { control: 'color' },
    image: { table: { disable: true } },
    result: { table: { disable: true } },
  },
} satisfies Meta<typeof SearchAndCopy>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Find a word on a real receipt photo, walk the matches, copy the text, download the hOCR. */
export const SearchAndCopyReceipt: Story = {
  name: 'Search and copy',
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const root = canvasElement.querySelector<HTMLElement>('[data-ocr-overlay]')!;
    await waitFor(() => expect(root.getAttribute('data-state')).toBe('ready'), { timeout: 10_000 });
    const expected = findText(args.result, 'price');
    expect(expected.length).toBeGreaterThan(1);
    const search = canvas.getByRole('searchbox', { name: 'Find in the image' });
    await userEvent.type(search, 'price');
    await waitFor(() =>
      expect(canvas.getByTestId('count').textContent).toBe(`1 of ${expected.length}`),
    );
    await userEvent.keyboard('{Enter}');
    expect(canvas.getByTestId('count').textContent).toBe(`2 of ${expected.length}`);
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    expect(canvas.getByTestId('count').textContent).toBe(`1 of ${expected.length}`);
    await userEvent.click(canvas.getByRole('button', { name: 'Copy text' }));
    expect(args.onCopy).toHaveBeenCalledWith(toPlainText(args.result));
    await userEvent.click(canvas.getByRole('button', { name: 'Download hOCR' }));
    expect(args.onDownload).toHaveBeenCalledWith(expect.stringContaining('class="ocrx_word"'));
  },
};
