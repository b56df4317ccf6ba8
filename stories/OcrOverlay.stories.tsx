import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ComponentProps, useMemo, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { parseOcrResponse } from '../src/core/parse';
import type { OcrResult } from '../src/core/types';
import {
  defaultColorScale,
  defaultFormatLabel,
  OcrConfidenceLegend,
  OcrOverlay,
} from '../src/react/overlay';
import scene from '../test/fixtures/real/icdar2015-img_1.jpg?url';
import sceneResponse from '../test/fixtures/real/icdar2015-img_1.nhn.json';
import scene7 from '../test/fixtures/real/icdar2015-img_7.jpg?url';
import scene7Response from '../test/fixtures/real/icdar2015-img_7.nhn.json';
import receipt from '../test/fixtures/real/wildreceipt-1.jpeg?url';
import receiptResponse from '../test/fixtures/real/wildreceipt-1.nhn.json';
import smallReceipt from '../test/fixtures/real/wildreceipt-2.jpeg?url';
import smallReceiptResponse from '../test/fixtures/real/wildreceipt-2.nhn.json';
import {
  DEFAULT_LABEL_TEMPLATE,
  type OverlayControlArgs,
  overlayControlArgTypes,
  useOverlayControls,
} from './support/overlay/controls';
import { generateResult, paperCanvas, random } from './support/overlay/generate';

type StoryArgs = ComponentProps<typeof OcrOverlay> & OverlayControlArgs;

/** The overlay with the story's colour and label controls turned into props. */
function Overlay(args: StoryArgs) {
  return <OcrOverlay {...useOverlayControls(args)} />;
}

const USAGE = `
Draws OCR words as rotated boxes with confidence labels over their image, on one Konva canvas.
Give it the image the words were read from and a result (from \`useOcr\`, \`<OcrUploader onResult>\`
or \`parseOcrResponse\`):

\`\`\`tsx
import { OcrOverlay, parseOcrResponse } from 'react-ocr-overlay';

<OcrOverlay
  image={file} // URL, Blob/File, HTMLImageElement or ImageBitmap
  result={parseOcrResponse(body)}
  minConfidence={0.5}
  onSelectedIdChange={(id, word) => setSelected(word)}
/>;
\`\`\`

Wheel or pinch zooms, drag pans, double-click fits. The overlay is focusable: arrow keys and Tab
walk the words, Enter clicks, Escape clears.
`;

const meta = {
  title: 'Components/OcrOverlay',
  component: OcrOverlay,
  tags: ['autodocs'],
  parameters: { layout: 'padded', docs: { description: { component: USAGE } } },
  args: {
    image: scene,
    result: null,
    minConfidence: 0,
    labels: 'auto',
    strokeWidth: 2,
    fillOpacity: 0,
    fontFamily: 'system-ui, sans-serif',
    zoom: true,
    labelTemplate: DEFAULT_LABEL_TEMPLATE,
    // The look of react-ocr-overlay/styles.css (loaded by the preview) for a standalone overlay.
    className: 'ocr-overlay',
    style: { maxWidth: 900 },
  },
  render: (args) => <Overlay {...args} />,
  argTypes: {
    image: { control: 'text' },
    result: { control: false },
    minConfidence: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    labels: { control: 'inline-radio', options: ['auto', 'always', 'hover', 'none'] },
    strokeWidth: { control: { type: 'range', min: 0, max: 8, step: 0.5 } },
    fillOpacity: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    labelFontSize: { control: { type: 'number', min: 4, max: 80, step: 1 } },
    fontFamily: { control: 'text' },
    // Functions: set through the colour and template controls below.
    colorScale: { control: false },
    formatLabel: { control: false },
    ...overlayControlArgTypes,
    zoom: { control: 'boolean' },
    width: { control: { type: 'number', min: 100, max: 2000, step: 10 } },
    height: { control: { type: 'number', min: 100, max: 2000, step: 10 } },
    maxHeight: { control: 'text' },
    textLayer: { control: 'inline-radio', options: ['selectable', 'hidden', 'none'] },
    highlightedIds: { control: 'object' },
    highlightColor: { control: 'color' },
    selectedId: { control: 'text' },
    defaultSelectedId: { control: 'text' },
    crossOrigin: { control: 'select', options: [undefined, '', 'anonymous', 'use-credentials'] },
    onSelectedIdChange: { action: 'selectedIdChange' },
    onWordClick: { action: 'wordClick' },
    onHoverChange: { action: 'hoverChange' },
    onImageError: { action: 'imageError' },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const ready = async (canvasElement: HTMLElement, state = 'ready') => {
  const root = canvasElement.querySelector<HTMLElement>('[data-ocr-overlay]');
  await waitFor(() => expect(root?.getAttribute('data-state')).toBe(state), { timeout: 10_000 });
  return root!;
};

/** Real confidences are all 1.0 in these fixtures; spread them so the colour scale shows. */
function withSpreadConfidence(result: OcrResult, seed = 3): OcrResult {
  const rand = random(seed);
  const words = result.words.map((word) => ({
    ...word,
    confidence: Math.round((1 - rand() ** 2 * 0.85) * 100) / 100,
  }));
  const byId = new Map(words.map((word) => [word.id, word]));
  return {
    ...result,
    words,
    lines: result.lines.map((line) => ({ ...line, words: line.words.map((w) => byId.get(w.id)!) })),
  };
}

/* ---------------------------------------------------------------------------------------------- */

/** ICDAR 2015 scene photo: perspective, tilted quads from a real NHN response. */
export const ScenePhoto: Story = {
  args: { image: scene, result: parseOcrResponse(sceneResponse) },
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    await waitFor(() => expect(root.getAttribute('data-text-layer')).toBe('ready'));
    expect(root.querySelectorAll('[data-ocr-text-layer] [data-word-id]').length).toBeGreaterThan(0);
  },
};

/** Another scene with more words; labels always on. */
export const ScenePhotoLabelled: Story = {
  args: { image: scene7, result: parseOcrResponse(scene7Response), labels: 'always' },
};

/** WildReceipt photo (1600×1200) with 60 words. Zoom in with the wheel to see labels appear. */
export const Receipt: Story = {
  args: { image: receipt, result: parseOcrResponse(receiptResponse) },
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    root.focus();
    await userEvent.keyboard('{ArrowRight}');
    const announcer = root.querySelector('[data-ocr-announcer]');
    await waitFor(() => expect(announcer?.textContent).toMatch(/word 1 of/));
  },
};

/** `highlightedIds`: marked words (here every "price") on a layer of their own. */
export const Highlighted: Story = {
  args: {
    image: receipt,
    result: parseOcrResponse(receiptResponse),
    highlightedIds: parseOcrResponse(receiptResponse)
      .words.filter((word) => /price/i.test(word.text))
      .map((word) => word.id),
    highlightColor: '#ffd400',
  },
  play: async ({ canvasElement, args }) => {
    const root = await ready(canvasElement);
    expect(args.highlightedIds!.length).toBeGreaterThan(1);
    // The third canvas is the marks layer (image, boxes, marks, hover/selection).
    const marks = root.querySelectorAll('canvas')[2]!;
    const { data } = marks.getContext('2d')!.getImageData(0, 0, marks.width, marks.height);
    expect(data.some((value, i) => i % 4 === 3 && value > 0)).toBe(true);
  },
};

/** `textLayer="selectable"` (the default): drag across words to select them; Ctrl+C copies. */
export const SelectableText: Story = {
  args: { image: receipt, result: parseOcrResponse(receiptResponse) },
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    await waitFor(() => expect(root.getAttribute('data-text-layer')).toBe('ready'));
    expect(root.querySelectorAll('[data-ocr-text-layer] [data-word-id]').length).toBeGreaterThan(0);
  },
};

/** `textLayer="hidden"`: the words only as visually hidden text, for readers and find-in-page. */
export const HiddenText: Story = {
  args: { image: receipt, result: parseOcrResponse(receiptResponse), textLayer: 'hidden' },
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    await waitFor(() => expect(root.getAttribute('data-text-layer')).toBe('ready'));
    expect(root.querySelectorAll('[data-ocr-text-layer] [data-word-id]')).toHaveLength(0);
    expect(root.querySelector('[data-ocr-text-layer]')!.textContent).toMatch(/\S/);
  },
};

/** `textLayer="none"`: no word text in the DOM (`data-text-layer="none"`). */
export const NoText: Story = {
  args: { image: receipt, result: parseOcrResponse(receiptResponse), textLayer: 'none' },
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    expect(root.getAttribute('data-text-layer')).toBe('none');
    expect(root.querySelector('[data-ocr-text-layer]')!.textContent).toBe('');
  },
};

/** A 1 : 4 image: fitted inside `maxHeight` (here 400 px; default 80vh) instead of a tall page. */
export const TallImage: Story = {
  render: (args) => <TallStory {...args} />,
  args: { maxHeight: 400 },
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    const surface = root.querySelector<HTMLElement>('[data-ocr-surface]')!;
    expect(surface.getBoundingClientRect().height).toBeLessThanOrEqual(400);
  },
};

function TallStory(args: StoryArgs) {
  const image = useMemo(() => paperCanvas(300, 1200).toDataURL('image/png'), []);
  const result = useMemo(() => generateResult(60, 300, 1200, { seed: 4 }), []);
  return <Overlay {...args} image={image} result={result} />;
}

/** Korean words (generated boxes over the small receipt photo), labels always drawn. */
export const KoreanLabels: Story = {
  args: {
    image: smallReceipt,
    labels: 'always',
    labelFontSize: 14,
    fontFamily: '"Noto Sans CJK KR", "Noto Sans KR", system-ui, sans-serif',
    width: 520,
    result: generateResult(12, 348, 348, {
      seed: 11,
      maxTilt: 6,
      vocabulary: ['피', '블러드', '영수증', '합계', '카드', '부가세'],
    }),
  },
};

/** The legend of the scale in use, a sample label (`sample`), and the overlay. */
function WithLegend({ sample: showSample, ...args }: StoryArgs & { sample?: boolean }) {
  const props = useOverlayControls(args);
  const sample = showSample ? props.result?.words[0] : undefined;
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 900 }}>
      <OcrConfidenceLegend colorScale={props.colorScale} style={{ maxWidth: 320 }} />
      {sample && (
        <output data-testid="sample-label" style={{ font: '13px system-ui' }}>
          {(props.formatLabel ?? defaultFormatLabel)(sample)}
        </output>
      )}
      <OcrOverlay {...props} />
    </div>
  );
}

/** Confidence colouring, with the threshold as a control: words below it disappear. */
export const LowConfidence: Story = {
  args: {
    image: smallReceipt,
    result: withSpreadConfidence(parseOcrResponse(smallReceiptResponse)),
    minConfidence: 0.5,
    width: 520,
  },
  render: (args) => <WithLegend {...args} />,
};

/**
 * Colours and labels from the controls: pick a low and a high colour (`createColorScale([low,
 * high])`) and write a label template; the legend and the sample label follow.
 */
export const Appearance: Story = {
  args: {
    image: smallReceipt,
    result: withSpreadConfidence(parseOcrResponse(smallReceiptResponse)),
    labels: 'always',
    width: 520,
    lowColor: '#ff0000',
    highColor: 'rgb(0, 0, 255)',
    labelTemplate: '{confidence}% · {text}',
  },
  render: (args) => <WithLegend {...args} sample />,
  play: async ({ canvasElement, args }) => {
    await ready(canvasElement);
    const bar = canvasElement.querySelector<HTMLElement>('[data-ocr-legend-bar]')!;
    const gradient = getComputedStyle(bar).backgroundImage;
    expect(gradient).toMatch(/^linear-gradient\(to right, rgb\(255, 0, 0\) 0%/);
    expect(gradient).toMatch(/rgb\(0, 0, 255\) 100%\)$/);
    const word = args.result!.words[0]!;
    expect(within(canvasElement).getByTestId('sample-label').textContent).toBe(
      `${Math.round(word.confidence * 100)}% · ${word.text}`,
    );
  },
};

function LinkedListStory(controls: StoryArgs) {
  const args = useOverlayControls(controls);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const words = args.result?.words ?? [];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 220px', gap: 16 }}>
      <OcrOverlay
        {...args}
        selectedId={selectedId}
        onSelectedIdChange={(id, word) => {
          setSelectedId(id);
          args.onSelectedIdChange?.(id, word);
        }}
      />
      <ul
        aria-label="Words"
        style={{
          margin: 0,
          padding: 0,
          listStyle: 'none',
          maxHeight: 480,
          overflow: 'auto',
          font: '13px system-ui',
        }}
      >
        {words.map((word) => (
          <li key={word.id}>
            <button
              type="button"
              aria-pressed={word.id === selectedId}
              onClick={() => setSelectedId(word.id === selectedId ? null : word.id)}
              style={{
                width: '100%',
                textAlign: 'left',
                border: 0,
                padding: '4px 8px',
                background: word.id === selectedId ? '#dbeafe' : 'transparent',
                cursor: 'pointer',
              }}
            >
              <span
                aria-hidden="true"
                style={{
                  display: 'inline-block',
                  width: 10,
                  height: 10,
                  marginRight: 6,
                  background: (args.colorScale ?? defaultColorScale)(word.confidence),
                }}
              />
              {word.text} <small>{Math.round(word.confidence * 100)}%</small>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Controlled selection: clicking a word selects it in the list, and the list selects on the canvas. */
export const ControlledSelection: Story = {
  args: { image: receipt, result: withSpreadConfidence(parseOcrResponse(receiptResponse), 5) },
  render: (args) => <LinkedListStory {...args} />,
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    const button = canvasElement.querySelector<HTMLButtonElement>('ul[aria-label="Words"] button');
    await userEvent.click(button!);
    await waitFor(() =>
      expect(root.querySelector('[data-ocr-announcer]')?.textContent).toMatch(/word \d+ of/),
    );
  },
};

function GeneratedStory({ count, ...args }: StoryArgs & { count: number }) {
  const image = useMemo(() => paperCanvas(1600, 1200).toDataURL('image/png'), []);
  const result = useMemo(() => generateResult(count, 1600, 1200, { seed: count }), [count]);
  return <Overlay {...args} image={image} result={result} />;
}

/** 100 generated words on a 1600×1200 generated page. */
export const Generated100: Story = {
  render: (args) => <GeneratedStory {...args} count={100} />,
};

/** 1,000 generated words. */
export const Generated1000: Story = {
  render: (args) => <GeneratedStory {...args} count={1000} />,
};

/** 10,000 generated words: one batched shape, hover and zoom stay smooth. */
export const Generated10000: Story = {
  render: (args) => <GeneratedStory {...args} count={10_000} />,
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    await waitFor(() => expect(root.getAttribute('data-text-layer')).toBe('ready'));
    // Every word is text once (tiny at fit, so hidden text rather than positioned spans).
    const tokens = (text: string) => text.split(/\s+/).filter(Boolean).length;
    const words = generateResult(10_000, 1600, 1200, { seed: 10_000 }).words;
    const expected = words.reduce((sum, word) => sum + tokens(word.text), 0);
    expect(tokens(root.querySelector('[data-ocr-text-layer]')!.textContent ?? '')).toBe(expected);
  },
};

/** A result with no words: the image alone. */
export const EmptyResult: Story = {
  args: {
    image: scene,
    result: { words: [], lines: [], fileType: 'jpg', slices: null, warnings: [] },
  },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
};

/** The image cannot be loaded: an accessible message, `data-state="error"` and `onImageError`. */
export const BrokenImage: Story = {
  args: {
    image: '/fixtures/does-not-exist.jpg',
    result: parseOcrResponse(sceneResponse),
    onImageError: fn(),
  },
  play: async ({ canvasElement, args }) => {
    await ready(canvasElement, 'error');
    expect(args.onImageError).toHaveBeenCalled();
    expect(canvasElement.querySelector('[role="alert"]')?.textContent).toMatch(
      /could not be loaded/,
    );
  },
};
