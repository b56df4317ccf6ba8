// The module bench/run.mjs generates: a past revision's `OcrOverlay` (OCR_BENCH_BASELINE), or null.
declare module 'virtual:ocr-bench-baseline' {
  import type { ComponentType, RefAttributes } from 'react';
  import type { OcrOverlayHandle, OcrOverlayProps } from '../src/index';

  export const OcrOverlay: ComponentType<OcrOverlayProps & RefAttributes<OcrOverlayHandle>> | null;
  /** `baseline (<rev>)`, or null without a baseline. */
  export const baselineLabel: string | null;
}
