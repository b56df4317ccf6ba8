import type { OcrUploaderProps } from '../../src/index';
import {
  OVERLAY_VISUAL_KEYS,
  type OverlayControlArgs,
  type OverlayVisualProps,
} from './overlay/controls';

/** The Playground's args: a few uploader props, every visual overlay prop, and the controls. */
export interface PlaygroundArgs
  extends Pick<OcrUploaderProps, 'endpoint' | 'mode' | 'locale' | 'unstyled'>,
    OverlayVisualProps,
    OverlayControlArgs {
  /** Downsize the long side before upload (0 = off). */
  maxDimension: number;
}

/** `0` in a number control means "not set" (automatic size, automatic label size). */
const unlessZero = (value: number | undefined) => (value ? value : undefined);

/** Splits the args into the overlay's visual props (every one of them) and the uploader's. */
export function playgroundProps({
  maxDimension,
  lowColor,
  highColor,
  labelTemplate,
  ...args
}: PlaygroundArgs) {
  const overlay: Record<string, unknown> = {};
  const uploader: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    const visual = (OVERLAY_VISUAL_KEYS as readonly string[]).includes(key);
    (visual ? overlay : uploader)[key] = value;
  }
  const visual = overlay as OverlayVisualProps;
  return {
    uploader: uploader as Pick<PlaygroundArgs, 'endpoint' | 'mode' | 'locale' | 'unstyled'>,
    overlay: {
      ...visual,
      width: unlessZero(visual.width),
      height: unlessZero(visual.height),
      labelFontSize: unlessZero(visual.labelFontSize),
      lowColor,
      highColor,
      labelTemplate,
    },
    preprocess: { maxDimension: unlessZero(maxDimension) },
  };
}
