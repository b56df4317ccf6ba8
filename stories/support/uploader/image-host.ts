/**
 * A stand-in image host for stories about image URLs: while installed, `<img>` loads of a
 * listed URL (say `https://images.example.com/receipt.jpeg`) show a local fixture instead.
 *
 * Mocks of `fetch`/XHR never see image loads (and a service worker that would is exactly what the
 * live stories must not have), so without this the browser would really try the made-up host and
 * the story would depend on the network.
 */
export function installImageHost(images: Readonly<Record<string, string>>): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
  Object.defineProperty(HTMLImageElement.prototype, 'src', {
    ...descriptor,
    set(this: HTMLImageElement, value: string) {
      descriptor.set!.call(this, images[value] ?? value);
    },
  });
  return () => Object.defineProperty(HTMLImageElement.prototype, 'src', descriptor);
}
