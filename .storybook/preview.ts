import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';

/**
 * Stories that mock the backend declare `parameters.msw.handlers`; everything else (the live
 * `/api/ocr` backend of `npm start`, fixtures) passes through untouched and without warnings.
 */
async function startWorker() {
  const { setupWorker } = await import('msw/browser');
  const worker = setupWorker();
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return worker;
}

const preview: Preview = {
  loaders: [mswLoader(startWorker)],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
