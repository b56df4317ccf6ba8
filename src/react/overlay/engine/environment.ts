/**
 * The facts of the page the overlay follows: its container's size, the surface's `max-height`
 * and the device pixel ratio. Plain DOM, no framework.
 */

export interface ElementSize {
  width: number;
  height: number;
}

const ZERO = Object.freeze({ width: 0, height: 0 });

/** `window.devicePixelRatio`, or 1 where there is none. */
const ratioNow = () => (typeof window !== 'undefined' && window.devicePixelRatio) || 1;

const px = (value: string) => Number.parseFloat(value) || 0;

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
  #stopObserving: (() => void) | undefined;
  readonly #onChange: (what: 'size' | 'ratio') => void;

  constructor(onChange: (what: 'size' | 'ratio') => void) {
    this.#onChange = onChange;
  }

  /** Starts watching the pixel ratio and the window's size; returns the stop. */
  connect(): () => void {
    this.pixelRatio = ratioNow();
    if (typeof window === 'undefined') return () => {};
    // A resolution query matches one ratio only, so it is re-armed for the new one after each
    // change (browser zoom, another screen).
    let query: MediaQueryList | undefined;
    const arm = () => {
      query?.removeEventListener('change', changed);
      query =
        typeof matchMedia === 'undefined'
          ? undefined
          : matchMedia(`(resolution: ${ratioNow()}dppx)`);
      query?.addEventListener('change', changed);
    };
    const changed = () => {
      arm();
      this.pixelRatio = ratioNow();
      this.#onChange('ratio');
    };
    const onResize = () => this.readMaxHeight();
    arm();
    window.addEventListener('resize', onResize);
    return () => {
      query?.removeEventListener('change', changed);
      window.removeEventListener('resize', onResize);
    };
  }

  /**
   * The element whose content-box size sizes the stage (`null` stops): read now, synchronously
   * so the first frame already has it, and whenever a `ResizeObserver` sees it change.
   */
  observe(root: Element | null): void {
    this.#stopObserving?.();
    this.#stopObserving = undefined;
    if (!root) return;
    const onSize = (size: ElementSize) => {
      if (size.width === this.container.width && size.height === this.container.height) return;
      this.container = size;
      this.#onChange('size');
    };
    // Layout sizes, not getBoundingClientRect: a CSS transform on an ancestor must not resize us.
    const style = getComputedStyle(root);
    onSize({
      width: Math.max(0, root.clientWidth - px(style.paddingLeft) - px(style.paddingRight)),
      height: Math.max(0, root.clientHeight - px(style.paddingTop) - px(style.paddingBottom)),
    });
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) onSize({ width: box.width, height: box.height });
    });
    observer.observe(root);
    this.#stopObserving = () => observer.disconnect();
  }

  /** The element whose `max-height` style limits the stage. */
  setSurface(surface: Element | null): void {
    this.#surface = surface;
    this.readMaxHeight();
  }

  /** Reads the surface's `max-height` again (after a style or viewport change). */
  readMaxHeight(): void {
    const value = this.#surface ? getComputedStyle(this.#surface).maxHeight : 'none';
    const height = value.endsWith('px') ? Number.parseFloat(value) : Number.NaN;
    const next = Number.isFinite(height) && height > 0 ? height : Infinity;
    if (next === this.maxHeight) return;
    this.maxHeight = next;
    this.#onChange('size');
  }
}
