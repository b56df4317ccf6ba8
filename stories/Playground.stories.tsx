import type { Meta, StoryObj } from '@storybook/react-vite';
import { OcrConfidenceLegend, type OcrLocale, OcrUploader } from '../src/index';
import { en } from '../src/locales/en';
import { ko } from '../src/locales/ko';
import {
  DEFAULT_LABEL_TEMPLATE,
  overlayControlArgTypes,
  useOverlayControls,
} from './support/overlay/controls';
import { type PlaygroundArgs, playgroundProps } from './support/playground';

/**
 * Real OCR, no mocks: `npm start` serves `/api/ocr/general` (and `/general/cropping`) from the
 * NHN proxy when `NHN_OCR_APPKEY` + keys are set, otherwise from the local tesseract.js engine
 * (English + Korean). Drop any photo to see the boxes it finds.
 */

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

/** The `locale` control's options, each the name of the object Storybook passes instead. */
const LOCALES = { en, ko } satisfies Record<string, OcrLocale>;

const meta = {
  title: 'Playground',
  component: Playground,
  parameters: { layout: 'padded' },
  args: {
    endpoint: '/api/ocr/general',
    mode: 'auto',
    // The option's name, which `argTypes.locale.mapping` turns into the locale object; Storybook's
    // types know nothing of the mapping.
    locale: 'en' as unknown as OcrLocale,
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
    maxHeight: '80vh',
    textLayer: 'selectable',
    highlightColor: '#ffd400',
    labelTemplate: DEFAULT_LABEL_TEMPLATE,
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['auto', 'general', 'cropping'] },
    locale: { control: 'inline-radio', options: Object.keys(LOCALES), mapping: LOCALES },
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
    maxHeight: {
      control: 'text',
      description: "Most height of the overlay: any CSS length, or 'none'",
      ...overlayTable,
    },
    textLayer: {
      control: 'inline-radio',
      options: ['selectable', 'hidden', 'none'],
      ...overlayTable,
    },
    highlightColor: { control: 'color', ...overlayTable },
    colorScale: { control: false, ...overlayTable },
    formatLabel: { control: false, ...overlayTable },
    ...overlayControlArgTypes,
  },
} satisfies Meta<typeof Playground>;

export default meta;

/** Drop, paste, pick or link a photo; the live backend recognises it. */
export const LiveBackend: StoryObj<typeof meta> = {};
