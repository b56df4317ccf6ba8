import type { HTMLAttributes } from 'react';
import { defaultColorScale } from './engine/colors';

export interface OcrConfidenceLegendProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The scale to show; pass the same one as `<OcrOverlay colorScale>`. @default defaultColorScale */
  colorScale?: (confidence: number) => string;
  /** Confidences to label under the bar. @default [0, 0.25, 0.5, 0.75, 1] */
  ticks?: readonly number[];
  /** Colour stops sampled along the bar. @default 21 */
  steps?: number;
  /** Caption above the bar. @default 'Confidence' */
  label?: string;
}

/** A colour bar for a confidence scale, with percentage ticks. */
export function OcrConfidenceLegend({
  colorScale = defaultColorScale,
  ticks = [0, 0.25, 0.5, 0.75, 1],
  steps = 21,
  label = 'Confidence',
  style,
  ...rest
}: OcrConfidenceLegendProps) {
  const count = Math.max(2, Math.round(steps));
  const stops = Array.from({ length: count }, (_, i) => {
    const t = i / (count - 1);
    return `${colorScale(t)} ${(t * 100).toFixed(1)}%`;
  });
  return (
    <div
      role="img"
      aria-label={`${label}: colour scale from 0% to 100%`}
      {...rest}
      style={{ font: '12px system-ui, sans-serif', minWidth: 160, ...style }}
    >
      <div aria-hidden="true">{label}</div>
      <div
        aria-hidden="true"
        data-ocr-legend-bar=""
        style={{
          height: 12,
          borderRadius: 2,
          background: `linear-gradient(to right, ${stops.join(', ')})`,
        }}
      />
      <div aria-hidden="true" style={{ position: 'relative', height: 16 }}>
        {ticks.map((tick) => (
          <span
            key={tick}
            style={{
              position: 'absolute',
              left: `${tick * 100}%`,
              transform: `translateX(${tick <= 0 ? 0 : tick >= 1 ? -100 : -50}%)`,
            }}
          >
            {Math.round(tick * 100)}%
          </span>
        ))}
      </div>
    </div>
  );
}
