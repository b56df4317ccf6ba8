import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { delay, HttpResponse, http } from 'msw';
import { type ReactNode, useLayoutEffect } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import '../src/styles.css';
import { en } from '../src/locales/en';
import { ko } from '../src/locales/ko';
import { OcrUploader } from '../src/react/uploader';
import receiptUrl from '../test/fixtures/real/wildreceipt-1.jpeg?url';
import receipt from '../test/fixtures/real/wildreceipt-1.nhn.json';
import { installImageHost } from './support/uploader/image-host';
import {
  dropOn,
  fileFrom,
  KOREAN_RECEIPT,
  tallReceipt,
  textImage,
} from './support/uploader/images';
import { throttledXMLHttpRequest } from './support/uploader/slow-network';

const RECEIPT_WORDS = receipt.result.listOfInferTexts.reduce(
  (sum, line) => sum + line.inferTexts.length,
  0,
);
const IMAGE_URL = 'https://images.example.com/receipt.jpeg';
const SLOW = { timeout: 10_000 };

/** The overlay's words are complete in the DOM (its text layer places them over a few frames). */
const textLayerReady = (root: HTMLElement) =>
  waitFor(() => {
    const overlay = root.querySelector('[data-ocr-overlay]');
    expect(overlay?.getAttribute('data-text-layer')).toBe('ready');
  }, SLOW);

const nhnError = (resultCode: number, status = 400) =>
  HttpResponse.json(
    { header: { isSuccessful: false, resultCode, resultMessage: `error ${resultCode}` } },
    { status },
  );

/** Answers the general endpoint with the real NHN response for the receipt photo. */
const answerReceipt = http.post('/api/ocr/general', async () => {
  await delay(400);
  return HttpResponse.json(receipt);
});

/** Generated images and the response that matches them, made by a story's loader. */
let generated: Awaited<ReturnType<typeof textImage>> | null = null;
const answerGenerated = (path: string) =>
  http.post(path, async () => {
    await delay(400);
    return HttpResponse.json(generated!.response);
  });

const dropReceipt = async (canvasElement: HTMLElement) =>
  dropOn(canvasElement, [await fileFrom(receiptUrl, 'wildreceipt-1.jpeg')]);

/** Uploads at `bytesPerSecond` while mounted: MSW alone answers before a bar could move. */
function ThrottledUpload({
  bytesPerSecond,
  children,
}: {
  bytesPerSecond: number;
  children: ReactNode;
}) {
  useLayoutEffect(() => {
    const original = window.XMLHttpRequest;
    window.XMLHttpRequest = throttledXMLHttpRequest(bytesPerSecond);
    return () => {
      window.XMLHttpRequest = original;
    };
  }, [bytesPerSecond]);
  return children;
}
const throttleUpload =
  (bytesPerSecond: number): Decorator =>
  (Story) => (
    <ThrottledUpload bytesPerSecond={bytesPerSecond}>
      <Story />
    </ThrottledUpload>
  );

/** While mounted, `<img>` loads of the listed URLs show local fixtures (see `image-host.ts`). */
function ImageHost({
  images,
  children,
}: {
  images: Readonly<Record<string, string>>;
  children: ReactNode;
}) {
  useLayoutEffect(() => installImageHost(images), [images]);
  return children;
}
const hostImages =
  (images: Readonly<Record<string, string>>): Decorator =>
  (Story) => (
    <ImageHost images={images}>
      <Story />
    </ImageHost>
  );

const USAGE = `
Drop, paste, pick (or photograph) an image, or enter its URL: it is checked, prepared and sent to
**your** backend (NHN Cloud General OCR protocol, see \`react-ocr-overlay/server\`), and the
recognised words are drawn over it.

\`\`\`tsx
import { OcrUploader } from 'react-ocr-overlay';
import 'react-ocr-overlay/styles.css'; // optional: the look shown here

<OcrUploader
  endpoint="/api/ocr/general"
  preprocess={{ maxDimension: 4096 }}
  onResult={(result) => console.log(result.words.map((word) => word.text))}
/>;
\`\`\`

The work is done by the \`useOcr\` hook, so you can build your own view around it.
`;

const meta = {
  title: 'Uploader/OcrUploader',
  component: OcrUploader,
  tags: ['autodocs'],
  args: {
    endpoint: '/api/ocr/general',
    preprocess: { maxDimension: 4096 },
    onResult: fn(),
    onError: fn(),
    onStatusChange: fn(),
  },
  parameters: {
    msw: { handlers: [answerReceipt] },
    docs: { description: { component: USAGE } },
  },
} satisfies Meta<typeof OcrUploader>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waiting for a drop, paste, file or URL. */
export const Idle: Story = {};

/** A real receipt photo (1600 × 1200) with the real NHN response drawn over it. */
export const RealPhoto: Story = {
  play: async ({ canvasElement, args }) => {
    const root = await dropReceipt(canvasElement);
    await waitFor(() => expect(root.dataset.state).toBe('success'), SLOW);
    await expect(within(root).getByText(en.uploader.success(RECEIPT_WORDS))).toBeInTheDocument();
    await expect(args.onResult).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.objectContaining({ width: 1600, height: 1200 }),
    );
    await expect(args.onStatusChange).toHaveBeenLastCalledWith('success');
  },
};

/** Hangul drawn on a canvas; the boxes come from `measureText`, so they fit the letters. */
export const KoreanText: Story = {
  loaders: [
    async () => {
      generated = await textImage(560, 380, KOREAN_RECEIPT, 'korean.jpg');
      return { file: generated.file };
    },
  ],
  parameters: { msw: { handlers: [answerGenerated('/api/ocr/general')] } },
  play: async ({ canvasElement, loaded }) => {
    const root = await dropOn(canvasElement, [loaded.file as File]);
    await waitFor(() => expect(root.dataset.state).toBe('success'), SLOW);
    // The overlay's text layer holds the words once the image is drawn.
    await textLayerReady(root);
    await expect(await within(root).findByText(/아메리카노/, {}, SLOW)).toBeInTheDocument();
    await expect(within(root).getByText(en.uploader.success(8))).toBeInTheDocument();
  },
};

/** A throttled 150 kB/s upload: the bar fills with a percentage, then turns indeterminate. */
export const SlowUpload: Story = {
  decorators: [throttleUpload(150_000)],
  play: async ({ canvasElement }) => {
    const root = await dropReceipt(canvasElement);
    const canvas = within(root);
    await waitFor(() => {
      const bar = canvas.getByRole('progressbar') as HTMLProgressElement;
      expect(bar.value).toBeGreaterThan(10);
      expect(bar.value).toBeLessThan(90);
      expect(canvas.getByText(`${Math.round(bar.value)}%`)).toBeInTheDocument();
    }, SLOW);
    await waitFor(() => expect(root.dataset.state).toBe('success'), SLOW);
  },
};

/**
 * NHN refuses the file type (4000003): a sentence for the code and Cancel; no Retry, since the
 * same request would be refused again.
 */
export const ApiError: Story = {
  args: { retries: 0 },
  parameters: { msw: { handlers: [http.post('/api/ocr/general', () => nhnError(4000003))] } },
  play: async ({ canvasElement, args }) => {
    const root = await dropReceipt(canvasElement);
    const alert = await within(root).findByRole('alert', {}, SLOW);
    await expect(alert).toHaveTextContent(en.uploader.resultCodes[4000003]!);
    await expect(within(alert).queryByRole('button', { name: en.uploader.retry })).toBeNull();
    await expect(within(alert).getByRole('button', { name: en.uploader.cancel })).toBeVisible();
    await waitFor(() => expect(root.querySelector('[data-ocr-overlay]')).not.toBeNull());
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ resultCode: 4000003 }),
    );
  },
};

let failuresLeft = 0;
/** The backend fails with HTTP 500 once; Retry sends the same bytes again and succeeds. */
export const ServerErrorThenRetry: Story = {
  args: { retries: 0 },
  beforeEach: () => {
    failuresLeft = 1;
  },
  parameters: {
    msw: {
      handlers: [
        http.post('/api/ocr/general', async () => {
          if (failuresLeft-- > 0) return new HttpResponse('Internal Server Error', { status: 500 });
          await delay(300);
          return HttpResponse.json(receipt);
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const root = await dropReceipt(canvasElement);
    const canvas = within(root);
    const alert = await canvas.findByRole('alert', {}, SLOW);
    await expect(alert).toHaveTextContent(en.uploader.http(500));
    await userEvent.click(within(alert).getByRole('button', { name: en.uploader.retry }));
    await waitFor(() => expect(root.dataset.state).toBe('success'), SLOW);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** The backend never answers; after `timeoutMs` (1.5 s here) the uploader says so. */
export const Timeout: Story = {
  args: { retries: 0, timeoutMs: 1500 },
  parameters: {
    msw: {
      handlers: [
        http.post('/api/ocr/general', async () => {
          await delay('infinite');
          return HttpResponse.json(receipt);
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const root = await dropReceipt(canvasElement);
    await expect(await within(root).findByRole('progressbar')).toBeInTheDocument();
    const alert = await within(root).findByRole('alert', {}, SLOW);
    await expect(alert).toHaveTextContent(en.uploader.errors.timeout);
  },
};

/**
 * A receipt 3.4 times taller than wide goes to the cropping endpoint (`mode: 'auto'`); the
 * general endpoint here would refuse it with 4000505.
 */
export const TallReceiptCropping: Story = {
  loaders: [
    async () => {
      generated = await textImage(400, 1360, tallReceipt(), 'long-receipt.jpg');
      return { file: generated.file };
    },
  ],
  parameters: {
    msw: {
      handlers: [
        http.post('/api/ocr/general', () => nhnError(4000505)),
        answerGenerated('/api/ocr/general/cropping'),
      ],
    },
  },
  play: async ({ canvasElement, loaded }) => {
    const root = await dropOn(canvasElement, [loaded.file as File]);
    await waitFor(() => expect(root.dataset.state).toBe('success'), SLOW);
    await textLayerReady(root);
    await expect(await within(root).findByText(/TOTAL/, {}, SLOW)).toBeInTheDocument();
  },
};

/**
 * An image URL: the backend downloads it; the browser shows it from the same URL. (The image host
 * is a stand-in serving the receipt fixture, so the story never depends on the network.)
 */
export const UrlInput: Story = {
  decorators: [hostImages({ [IMAGE_URL]: receiptUrl })],
  parameters: { msw: { handlers: [answerReceipt] } },
  play: async ({ canvasElement, args }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-state]')!;
    const canvas = within(root);
    await userEvent.type(canvas.getByRole('textbox', { name: en.uploader.urlLabel }), IMAGE_URL);
    await userEvent.click(canvas.getByRole('button', { name: en.uploader.urlSubmit }));
    await waitFor(() => expect(root.dataset.state).toBe('success'), SLOW);
    await expect(args.onResult).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ src: IMAGE_URL, width: 1600, height: 1200 }),
    );
    const overlay = root.querySelector('[data-ocr-overlay]');
    await waitFor(() => expect(overlay?.getAttribute('data-state')).toBe('ready'), SLOW);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

const PRIVATE_URL = 'http://printer.internal/scan.jpg';
/** Bytes no browser decodes: the image cannot be shown here, and nothing goes to the network. */
const UNLOADABLE = 'data:image/jpeg;base64,AAAA';

/**
 * The backend refuses to download a URL (our SSRF guard: a private address). One alert, with the
 * sentence for the code and the server's own reason; no Retry, since that cannot help; no second
 * "could not be loaded" from an overlay for an image this browser cannot show either.
 */
export const UrlRefusedByServer: Story = {
  decorators: [hostImages({ [PRIVATE_URL]: UNLOADABLE })],
  args: { retries: 0 },
  parameters: {
    msw: {
      handlers: [
        http.post('/api/ocr/general', () =>
          HttpResponse.json(
            {
              header: {
                isSuccessful: false,
                resultCode: 4000504,
                resultMessage:
                  'The image could not be downloaded from http://printer.internal: it points to a private or reserved address, which this server does not fetch.',
              },
              result: null,
            },
            { status: 400 },
          ),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-state]')!;
    const canvas = within(root);
    await userEvent.type(canvas.getByRole('textbox', { name: en.uploader.urlLabel }), PRIVATE_URL);
    await userEvent.click(canvas.getByRole('button', { name: en.uploader.urlSubmit }));
    const alert = await canvas.findByRole('alert', {}, SLOW);
    await expect(alert).toHaveTextContent(en.uploader.resultCodes[4000504]!);
    await expect(alert).toHaveTextContent(/private or reserved address/);
    await expect(within(alert).queryByRole('button', { name: en.uploader.retry })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(within(canvasElement).getAllByRole('alert')).toHaveLength(1);
    await expect(root.querySelector('[data-ocr-overlay]')).toBeNull();
  },
};

/** A URL the OCR service would not download (Storybook's own port): the field says why. */
export const UrlPortRefused: Story = {
  play: async ({ canvasElement, args }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-state]')!;
    const canvas = within(root);
    await userEvent.type(
      canvas.getByRole('textbox', { name: en.uploader.urlLabel }),
      'http://localhost:6006/fixtures/wildreceipt-1.jpeg',
    );
    await userEvent.click(canvas.getByRole('button', { name: en.uploader.urlSubmit }));
    const alert = await canvas.findByRole('alert', {}, SLOW);
    await expect(alert).toHaveTextContent(/uses port 6006; .* ports 80, 443 and 10000–12000/);
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  },
};

/** A link pasted onto the uploader fills the URL field; Enter recognises it. */
export const PasteUrl: Story = {
  decorators: [hostImages({ [IMAGE_URL]: receiptUrl })],
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-state]')!;
    const field = within(root).getByRole('textbox', { name: en.uploader.urlLabel });
    root.focus();
    const data = new DataTransfer();
    data.setData('text/plain', ` ${IMAGE_URL}\n`);
    root.dispatchEvent(
      new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }),
    );
    await waitFor(() => expect(field).toHaveValue(IMAGE_URL));
    await expect(field).toHaveFocus();
    await expect(root.dataset.state).toBe('idle');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(root.dataset.state).toBe('success'), SLOW);
  },
};

/** Drops, pastes, the picker and the URL field are all refused. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const root = await dropReceipt(canvasElement);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(root.dataset.state).toBe('idle');
    await expect(within(root).getByRole('textbox', { name: en.uploader.urlLabel })).toBeDisabled();
    await expect(within(root).getByRole('button', { name: en.uploader.browse })).toBeDisabled();
  },
};

/** `children` as a render function of the uploader's state replaces the drop-zone content. */
export const CustomChildren: Story = {
  args: {
    allowUrl: false,
    children: ({ status, isDragActive, open, result }) => (
      <div
        style={{
          padding: 32,
          border: `2px dashed ${isDragActive ? '#1a73e8' : '#999'}`,
          borderRadius: 12,
          textAlign: 'center',
        }}
      >
        <p style={{ fontSize: 20, margin: 0 }}>📄 Drop a receipt</p>
        <p data-testid="custom-status">
          {status === 'success' ? `Done: ${result?.words.length} words` : `Status: ${status}`}
        </p>
        <button type="button" onClick={open}>
          Pick a photo
        </button>
      </div>
    ),
  },
  play: async ({ canvasElement }) => {
    const root = await dropReceipt(canvasElement);
    const status = within(root).getByTestId('custom-status');
    await waitFor(() => expect(status).toHaveTextContent(`Done: ${RECEIPT_WORDS} words`), SLOW);
    await expect(within(root).queryByRole('button', { name: en.uploader.browse })).toBeNull();
  },
};

/**
 * Every string in Korean (`locale={ko}`, from `react-ocr-overlay/locales/ko`), shown with a passing
 * API error (Retry offered).
 */
export const KoreanLocale: Story = {
  args: { locale: ko, retries: 0 },
  parameters: {
    msw: { handlers: [http.post('/api/ocr/general', () => nhnError(5000503, 503))] },
  },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-state]')!;
    await expect(within(root).getByRole('button', { name: ko.uploader.browse })).toBeVisible();
    await dropReceipt(canvasElement);
    const alert = await within(root).findByRole('alert', {}, SLOW);
    await expect(alert).toHaveTextContent(ko.uploader.resultCodes[5000503]!);
    await expect(within(alert).getByRole('button', { name: ko.uploader.retry })).toBeVisible();
  },
};

/**
 * `react-ocr-overlay/styles.css` in both themes, side by side (`data-ocr-theme` forces one; without
 * it the system's `prefers-color-scheme` decides). Drop a photo on either.
 */
export const Themes: Story = {
  render: (args) => (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
        gap: 16,
      }}
    >
      {(['light', 'dark'] as const).map((theme) => (
        <div
          key={theme}
          data-ocr-theme={theme}
          style={{ colorScheme: theme, background: 'Canvas', padding: 16, borderRadius: 12 }}
        >
          <OcrUploader {...args} />
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const [light, dark] = [...canvasElement.querySelectorAll<HTMLElement>('[data-ocr-uploader]')];
    await expect(getComputedStyle(light!).backgroundColor).toBe('rgb(255, 255, 255)');
    await expect(getComputedStyle(dark!).backgroundColor).toBe('rgb(28, 30, 33)');
    await dropReceipt(dark!.parentElement!);
    await waitFor(() => expect(dark!.dataset.state).toBe('success'), SLOW);
    await expect(light!.dataset.state).toBe('idle');
  },
};
