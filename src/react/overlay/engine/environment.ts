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

const ZERO = Object.freeze({ width: 0, height: 0 });

/**
 * What the page says about the overlay's size: the root's content box, the surface's resolved
 * `max-height` (any CSS length the browser turns into pixels: `80vh`, `40rem`, `600px`; anything
 * else, `none` included, means no limit) and the device pixel ratio. `onChange` hears each
 * change; `connect` starts the page-wide watchers.
 */
export class PageFacts {
  container: ElementSize = ZERO;
  maxHeight = Infinity;
  pixelRatio = 1;
  #surface: Element | null = null;
  #stopObserving: (() => void) | null = null;
  readonly #onChange: (what: 'size' | 'ratio') => void;

  constructor(onChange: (what: 'size' | 'ratio') => void) {
    this.#onChange = onChange;
  }

  /** Starts watching the pixel ratio and the window's size; returns the stop. */
  connect(): () => void {
    this.pixelRatio = devicePixelRatio();
    const stopRatio = watchDevicePixelRatio((ratio) => {
      this.pixelRatio = ratio;
      this.#onChange('ratio');
    });
    const onResize = () => this.readMaxHeight();
    if (typeof window !== 'undefined') window.addEventListener('resize', onResize);
    return () => {
      stopRatio();
      if (typeof window !== 'undefined') window.removeEventListener('resize', onResize);
    };
  }

  /** The element whose content width sizes the stage (`null` stops). */
  observe(root: Element | null): void {
    this.#stopObserving?.();
    this.#stopObserving = null;
    if (!root) return;
    this.#stopObserving = observeContentBox(root, (size) => {
      if (size.width === this.container.width && size.height === this.container.height) return;
      this.container = size;
      this.#onChange('size');
    });
  }

  /** The element whose `max-height` style limits the stage. */
  setSurface(surface: Element | null): void {
    this.#surface = surface;
    this.readMaxHeight();
  }

  /** Reads the surface's `max-height` again (after a style or viewport change). */
  readMaxHeight(): void {
    const value = this.#surface ? getComputedStyle(this.#surface).maxHeight : 'none';
    const px = value.endsWith('px') ? Number.parseFloat(value) : Number.NaN;
    const next = Number.isFinite(px) && px > 0 ? px : Infinity;
    if (next === this.maxHeight) return;
    this.maxHeight = next;
    this.#onChange('size');
  }
}
