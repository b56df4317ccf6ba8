/**
 * Story controls for the overlay's function props, and the Playground passing every visual
 * overlay prop through (#12 item 4).
 */
import { composeStories } from '@storybook/react-vite';
import { render } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { OcrWord } from '../../src/core/types';
import { en } from '../../src/locales/en';
import { ko } from '../../src/locales/ko';
import { defaultColorScale } from '../../src/react/overlay';
import { OVERLAY_OPTION_KEYS } from '../../src/react/overlay/types';
import * as legendStories from '../../stories/OcrConfidenceLegend.stories';
import * as playgroundStories from '../../stories/Playground.stories';
import {
  colorScaleFromControls,
  formatLabelFromTemplate,
  OVERLAY_VISUAL_KEYS,
  toHexColor,
} from '../../stories/support/overlay/controls';
import { type PlaygroundArgs, playgroundProps } from '../../stories/support/playground';

const word: OcrWord = {
  id: '2-5',
  text: '영수증',
  confidence: 0.934,
  quad: [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 1, y: 1 },
    { x: 0, y: 1 },
  ],
  line: 2,
  index: 5,
};

describe('colour controls', () => {
  test.each([
    ['#f00', '#ff0000'],
    ['#0072B2', '#0072b2'],
    ['rgb(0, 0, 255)', '#0000ff'],
    ['rgba(0, 128, 0, 0.5)', '#008000'],
    ['hsl(120 100% 25%)', '#008000'],
    ['rebeccapurple', '#663399'],
  ])('the picker value %s becomes %s', (picked, hex) => {
    expect(toHexColor(picked)).toBe(hex);
  });

  test('low and high colours make a two-stop scale', () => {
    const scale = colorScaleFromControls('rgb(255, 0, 0)', 'hsl(240 100% 50%)')!;
    expect(scale(0)).toBe('#ff0000');
    expect(scale(1)).toBe('#0000ff');
    expect(scale(0.5)).toBe('#800080');
  });

  test('one colour picked: the other end keeps the default ramp end', () => {
    const scale = colorScaleFromControls(undefined, '#00ff00')!;
    expect(scale(0)).toBe(defaultColorScale(0));
    expect(scale(1)).toBe('#00ff00');
  });

  test('none picked: no scale, so the overlay uses its default', () => {
    expect(colorScaleFromControls(undefined, '')).toBeUndefined();
  });
});

describe('label template', () => {
  test.each([
    ['{text} {confidence}%', '영수증 93%'],
    ['{confidence}% · {text}', '93% · 영수증'],
    ['#{id} line {line}, word {index}', '#2-5 line 2, word 5'],
    ['{text} {unknown}', '영수증 {unknown}'],
    ['no tokens', 'no tokens'],
  ])('%s → %s', (template, label) => {
    expect(formatLabelFromTemplate(template)(word)).toBe(label);
  });
});

describe('the Playground gets every visual prop of the overlay', () => {
  /** The overlay props that are not about how it looks. */
  const NOT_VISUAL = [
    'image',
    'result',
    'selectedId',
    'defaultSelectedId',
    'onSelectedIdChange',
    'onWordClick',
    'onHoverChange',
    'crossOrigin',
    'onImageError',
    'highlightedIds',
  ];

  test('every overlay option is either a visual one or named here as not visual', () => {
    expect([...OVERLAY_VISUAL_KEYS, ...NOT_VISUAL].sort()).toEqual([...OVERLAY_OPTION_KEYS].sort());
  });

  test('each visual arg reaches overlayProps, the uploader gets none of them', () => {
    const args = Object.fromEntries(OVERLAY_VISUAL_KEYS.map((key) => [key, `value of ${key}`]));
    const { overlay, uploader } = playgroundProps({
      ...(args as unknown as PlaygroundArgs),
      endpoint: '/api/ocr/general',
      maxDimension: 0,
    });
    for (const key of OVERLAY_VISUAL_KEYS) expect(overlay[key], key).toBe(`value of ${key}`);
    expect(uploader).toEqual({ endpoint: '/api/ocr/general' });
  });

  test('0 means automatic for sizes', () => {
    const { overlay, preprocess } = playgroundProps({
      endpoint: '/api/ocr/general',
      maxDimension: 0,
      width: 0,
      height: 0,
      labelFontSize: 0,
    });
    expect(overlay).toMatchObject({
      width: undefined,
      height: undefined,
      labelFontSize: undefined,
    });
    expect(preprocess).toEqual({ maxDimension: undefined });
  });
});

describe("the Playground's locale control", () => {
  // Portable stories (composeStories) hand the component the unmapped args, so the mapping that
  // Storybook applies is checked as configuration.
  const { LiveBackend } = composeStories(playgroundStories);
  const control = LiveBackend.argTypes.locale!;

  test('offers en and ko by name, and starts on one of them', () => {
    expect(control.options).toEqual(['en', 'ko']);
    expect(control.options).toContain(LiveBackend.args.locale);
  });

  test('maps each name to its locale object', () => {
    expect(control.mapping).toEqual({ en, ko });
    expect(control.mapping!.ko).toBe(ko);
    expect(control.mapping![LiveBackend.args.locale as unknown as string]).toBe(en);
  });
});

test.each(Object.entries(composeStories(legendStories)))(
  'legend story %s',
  async (_name, Story) => {
    await Story.load();
    const { container } = render(<Story />);
    await Story.play?.({ canvasElement: container });
    expect(container.querySelector('[data-ocr-legend-bar]')).not.toBeNull();
  },
);
