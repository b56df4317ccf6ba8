/**
 * The two facts of the page the overlay follows: its container's size and the device pixel
 * ratio. Plain DOM, no framework; both return a function that stops watching.
 */

export interface ElementSize {
  width: number;
  height: number;
}

/**
 * Calls `onSize` with the content-box size of `element` now (synchronously, so the first frame
 * already has it) and whenever a `ResizeObserver` sees it change.
 */
export function observeContentBox(
  element: Element,
  onSize: (size: ElementSize) => void,
): () => void {
  // Layout sizes, not getBoundingClientRect: a CSS transform on an ancestor must not resize us.
  const style = getComputedStyle(element);
  const px = (value: string) => Number.parseFloat(value) || 0;
  onSize({
    width: Math.max(0, element.clientWidth - px(style.paddingLeft) - px(style.paddingRight)),
    height: Math.max(0, element.clientHeight - px(style.paddingTop) - px(style.paddingBottom)),
  });
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (box) onSize({ width: box.width, height: box.height });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/** `window.devicePixelRatio`, or 1 where there is none. */
export function devicePixelRatio(): number {
  return (typeof window !== 'undefined' && window.devicePixelRatio) || 1;
}

/**
 * Calls `onChange` when the device pixel ratio changes (browser zoom, another screen).
 * A resolution query matches one ratio only, so it is re-armed for the new one after each change.
 */
export function watchDevicePixelRatio(onChange: (ratio: number) => void): () => void {
  if (typeof matchMedia === 'undefined') return () => {};
  let query: MediaQueryList | null = null;
  const arm = () => {
    query?.removeEventListener('change', changed);
    query = matchMedia(`(resolution: ${devicePixelRatio()}dppx)`);
    query.addEventListener('change', changed);
  };
  const changed = () => {
    arm();
    onChange(devicePixelRatio());
  };
  arm();
  return () => query?.removeEventListener('change', changed);
}
