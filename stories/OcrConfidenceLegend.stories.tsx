import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ComponentProps, useMemo } from 'react';
import { expect } from 'storybook/test';
import { OcrConfidenceLegend } from '../src/react/overlay';
import { colorScaleFromControls, overlayControlArgTypes } from './support/overlay/controls';

type LegendArgs = ComponentProps<typeof OcrConfidenceLegend> & {
  lowColor?: string;
  highColor?: string;
};

function Legend({ lowColor, highColor, colorScale, ...props }: LegendArgs) {
  const picked = useMemo(() => colorScaleFromControls(lowColor, highColor), [lowColor, highColor]);
  return <OcrConfidenceLegend {...props} colorScale={picked ?? colorScale} />;
}

const USAGE = `
The colour bar of a confidence scale with percentage ticks. Pass it the same \`colorScale\` as the
overlay, so the two always agree:

\`\`\`tsx
import { createColorScale, OcrConfidenceLegend, OcrOverlay } from 'react-ocr-overlay';

const scale = createColorScale(['#d55e00', '#0072b2']); // once, at module level

<OcrConfidenceLegend colorScale={scale} />
<OcrOverlay image={image} result={result} colorScale={scale} />
\`\`\`
`;

const meta = {
  title: 'Components/OcrConfidenceLegend',
  component: OcrConfidenceLegend,
  tags: ['autodocs'],
  parameters: { docs: { description: { component: USAGE } } },
  args: { label: 'Confidence', steps: 21, style: { maxWidth: 320 } },
  argTypes: {
    colorScale: { control: false },
    lowColor: overlayControlArgTypes.lowColor,
    highColor: overlayControlArgTypes.highColor,
  },
  render: (args) => <Legend {...args} />,
} satisfies Meta<LegendArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The default colour-blind-safe ramp. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const bar = canvasElement.querySelector<HTMLElement>('[data-ocr-legend-bar]');
    expect(getComputedStyle(bar!).backgroundImage).toMatch(/rgb\(213, 94, 0\) 0%/);
  },
};

/** Two colours from the pickers, and ticks every 20 %. */
export const PickedColors: Story = {
  args: { lowColor: '#7b3294', highColor: '#008837', ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] },
  play: async ({ canvasElement }) => {
    const bar = canvasElement.querySelector<HTMLElement>('[data-ocr-legend-bar]')!;
    expect(getComputedStyle(bar).backgroundImage).toMatch(
      /^linear-gradient\(to right, rgb\(123, 50, 148\) 0%.*rgb\(0, 136, 55\) 100%\)$/,
    );
    expect(canvasElement.textContent).toContain('60%');
  },
};
