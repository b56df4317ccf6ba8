import { type RefObject, useState } from 'react';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

export interface ElementSize {
  width: number;
  height: number;
}

/**
 * The content-box size of `ref.current`, measured before the first paint and kept current with
 * a `ResizeObserver`. `{ width: 0, height: 0 }` on the server and before mount.
 */
export function useResizeObserver(ref: RefObject<Element | null>): ElementSize {
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0 });
  useIsomorphicLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = (width: number, height: number) =>
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    // Layout sizes, not getBoundingClientRect: a CSS transform on an ancestor must not resize us.
    const style = getComputedStyle(element);
    const px = (value: string) => Number.parseFloat(value) || 0;
    update(
      Math.max(0, element.clientWidth - px(style.paddingLeft) - px(style.paddingRight)),
      Math.max(0, element.clientHeight - px(style.paddingTop) - px(style.paddingBottom)),
    );
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) update(box.width, box.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
