import type { Preview } from '@storybook/react-vite';
import { initialize, mswLoader } from 'msw-storybook-addon';

// Stories that mock the backend declare `parameters.msw.handlers`; everything else
// (the live `/api/ocr` backend, fixtures) passes through untouched.
initialize({ onUnhandledRequest: 'bypass' });

const preview: Preview = {
  loaders: [mswLoader],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
