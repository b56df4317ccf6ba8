import type { Decorator, Preview } from '@storybook/react-vite';
import '../src/styles.css';
import './preview.css';
import { mockNetworkLoader, retireMockServiceWorker } from './mock-network';

const retired = retireMockServiceWorker().catch(() => {});

/** The toolbar's theme: the system's (`prefers-color-scheme`), or one forced by `data-ocr-theme`. */
const withTheme: Decorator = (Story, { globals }) => {
  const theme = globals.ocrTheme as 'system' | 'light' | 'dark' | undefined;
  if (!theme || theme === 'system') return <Story />;
  return (
    <div data-ocr-theme={theme} className="ocr-story-theme">
      <Story />
    </div>
  );
};

const preview: Preview = {
  // Stories that mock the backend declare `parameters.msw.handlers`; all others (the live `/api/ocr`
  // backend of `npm start`, fixtures) use the browser's own network stack.
  loaders: [
    async (context) => {
      await retired;
      return mockNetworkLoader(context);
    },
  ],
  decorators: [withTheme],
  globalTypes: {
    ocrTheme: {
      description: 'Light or dark look of react-ocr-overlay/styles.css',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'system', title: 'System (prefers-color-scheme)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { ocrTheme: 'system' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
