import type { Meta, StoryObj } from '@storybook/react-vite';
import { OcrConfidenceLegend, OcrUploader, type OcrUploaderProps } from '../src/index';
import {
  DEFAULT_LABEL_TEMPLATE,
  OVERLAY_VISUAL_KEYS,
  type OverlayControlArgs,
  type OverlayVisualProps,
  overlayControlArgTypes,
  useOverlayControls,
} from './support/overlay/controls';

/**
 * Real OCR, no mocks: `npm start` serves `/api/ocr/general` (and `/general/cropping`) from the
 * NHN proxy when `NHN_OCR_APPKEY` + keys are set, otherwise from the local tesseract.js engine
 * (English + Korean). Drop any photo to see the boxes it finds.
 */
export interface PlaygroundArgs
  extends Pick<OcrUploaderProps, 'endpoint' | 'mode' | 'locale' | 'unstyled'>,
    OverlayVisualProps,
    OverlayControlArgs {
  /** Downsize the long side before upload (0 = off). */
  maxDimension: number;
}

/** `0` in a number control means "not set" (automatic size, automatic label size). */
const unlessZero = (value: number | undefined) => (value ? value : undefined);

/** Splits the args into the overlay's visual props (every one of them) and the uploader's. */
export function playgroundProps({
  maxDimension,
  lowColor,
  highColor,
  labelTemplate,
  ...args
}: PlaygroundArgs) {
  const overlay: Record<string, unknown> = {};
  const uploader: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    const visual = (OVERLAY_VISUAL_KEYS as readonly string[]).includes(key);
    (visual ? overlay : uploader)[key] = value;
  }
  const visual = overlay as OverlayVisualProps;
  return {
    uploader: uploader as Pick<PlaygroundArgs, 'endpoint' | 'mode' | 'locale' | 'unstyled'>,
    overlay: {
      ...visual,
      width: unlessZero(visual.width),
      height: unlessZero(visual.height),
      labelFontSize: unlessZero(visual.labelFontSize),
      lowColor,
      highColor,
      labelTemplate,
    },
    preprocess: { maxDimension: unlessZero(maxDimension) },
  };
}

function Playground(args: PlaygroundArgs) {
  const { uploader, overlay, preprocess } = playgroundProps(args);
  const overlayProps = useOverlayControls(overlay);
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 960 }}>
      <OcrUploader {...uploader} preprocess={preprocess} overlayProps={overlayProps} />
      <OcrConfidenceLegend colorScale={overlayProps.colorScale} style={{ maxWidth: 320 }} />
    </div>
  );
}

const overlayTable = { table: { category: 'overlay' } };

const meta = {
  title: 'Playground',
  component: Playground,
  parameters: { layout: 'padded' },
  args: {
    endpoint: '/api/ocr/general',
    mode: 'auto',
    locale: 'en',
    unstyled: false,
    maxDimension: 4096,
    minConfidence: 0,
    labels: 'auto',
    strokeWidth: 2,
    fillOpacity: 0.12,
    labelFontSize: 0,
    fontFamily: 'system-ui, sans-serif',
    zoom: true,
    width: 0,
    height: 0,
    labelTemplate: DEFAULT_LABEL_TEMPLATE,
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['auto', 'general', 'cropping'] },
    locale: { control: 'inline-radio', options: ['en', 'ko'] },
    unstyled: { control: 'boolean' },
    maxDimension: {
      control: { type: 'number', min: 0, step: 256 },
      description: 'Downsize the long side before upload (0 = off)',
    },
    minConfidence: { control: { type: 'range', min: 0, max: 1, step: 0.05 }, ...overlayTable },
    labels: {
      control: 'inline-radio',
      options: ['auto', 'always', 'hover', 'none'],
      ...overlayTable,
    },
    strokeWidth: { control: { type: 'range', min: 0.5, max: 8, step: 0.5 }, ...overlayTable },
    fillOpacity: { control: { type: 'range', min: 0, max: 1, step: 0.05 }, ...overlayTable },
    labelFontSize: {
      control: { type: 'number', min: 0, step: 1 },
      description: 'Label size in image pixels (0 = automatic)',
      ...overlayTable,
    },
    fontFamily: { control: 'text', ...overlayTable },
    zoom: { control: 'boolean', ...overlayTable },
    width: {
      control: { type: 'number', min: 0, step: 10 },
      description: 'Stage width in CSS pixels (0 = the container width)',
      ...overlayTable,
    },
    height: {
      control: { type: 'number', min: 0, step: 10 },
      description: 'Stage height in CSS pixels (0 = from the aspect ratio)',
      ...overlayTable,
    },
    colorScale: { control: false, ...overlayTable },
    formatLabel: { control: false, ...overlayTable },
    ...overlayControlArgTypes,
  },
} satisfies Meta<typeof Playground>;

export default meta;

/** Drop, paste, pick or link a photo; the live backend recognises it. */
export const LiveBackend: StoryObj<typeof meta> = {};
