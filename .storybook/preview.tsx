import type { Preview } from '@storybook/react-vite';
import { mockNetworkLoader, retireMockServiceWorker } from './mock-network';

const retired = retireMockServiceWorker().catch(() => {});

const preview: Preview = {
  // Stories that mock the backend declare `parameters.msw.handlers`; all others (the live `/api/ocr`
  // backend of `npm start`, fixtures) use the browser's own network stack.
  loaders: [
    async (context) => {
      await retired;
      return mockNetworkLoader(context);
    },
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
