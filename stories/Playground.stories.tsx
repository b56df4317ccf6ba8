import type { Meta, StoryObj } from '@storybook/react-vite';
import { OcrConfidenceLegend, OcrUploader, type OcrUploaderProps } from '../src/index';

/**
 * Real OCR, no mocks: `npm start` serves `/api/ocr/general` (and `/general/cropping`) from the
 * NHN proxy when `NHN_OCR_APPKEY` + keys are set, otherwise from the local tesseract.js engine
 * (English + Korean). Drop any photo to see the boxes it finds.
 */
interface PlaygroundArgs extends Pick<OcrUploaderProps, 'endpoint' | 'mode' | 'locale'> {
  maxDimension: number;
  minConfidence: number;
  labels: 'auto' | 'always' | 'hover' | 'none';
  strokeWidth: number;
  fillOpacity: number;
  labelFontSize: number;
  fontFamily: string;
}

function Playground({
  maxDimension,
  minConfidence,
  labels,
  strokeWidth,
  fillOpacity,
  labelFontSize,
  fontFamily,
  ...uploader
}: PlaygroundArgs) {
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 960 }}>
      <OcrUploader
        {...uploader}
        preprocess={{ maxDimension: maxDimension > 0 ? maxDimension : undefined }}
        overlayProps={{
          minConfidence,
          labels,
          strokeWidth,
          fillOpacity,
          fontFamily,
          ...(labelFontSize > 0 ? { labelFontSize } : {}),
        }}
      />
      <OcrConfidenceLegend />
    </div>
  );
}

const meta = {
  title: 'Playground',
  component: Playground,
  parameters: { layout: 'padded' },
  args: {
    endpoint: '/api/ocr/general',
    mode: 'auto',
    locale: 'en',
    maxDimension: 4096,
    minConfidence: 0,
    labels: 'auto',
    strokeWidth: 2,
    fillOpacity: 0.12,
    labelFontSize: 0,
    fontFamily: 'system-ui, sans-serif',
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['auto', 'general', 'cropping'] },
    locale: { control: 'inline-radio', options: ['en', 'ko'] },
    maxDimension: {
      control: { type: 'number', min: 0, step: 256 },
      description: 'Downsize the long side before upload (0 = off)',
    },
    minConfidence: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    labels: { control: 'inline-radio', options: ['auto', 'always', 'hover', 'none'] },
    strokeWidth: { control: { type: 'range', min: 0.5, max: 8, step: 0.5 } },
    fillOpacity: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    labelFontSize: {
      control: { type: 'number', min: 0, step: 1 },
      description: 'Label size in image pixels (0 = automatic)',
    },
    fontFamily: { control: 'text' },
  },
} satisfies Meta<typeof Playground>;

export default meta;

/** Drop, paste, pick or link a photo; the live backend recognises it. */
export const LiveBackend: StoryObj<typeof meta> = {};
