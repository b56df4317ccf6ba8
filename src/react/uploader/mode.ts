import { CROPPING_ASPECT_RATIO } from '../../core/limits';

/** Which endpoint an image of this size goes to when `mode` is `'auto'`. */
export function selectMode(
  mode: 'auto' | 'general' | 'cropping',
  width: number,
  height: number,
): 'general' | 'cropping' {
  if (mode !== 'auto') return mode;
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  return short > 0 && long / short > CROPPING_ASPECT_RATIO ? 'cropping' : 'general';
}
