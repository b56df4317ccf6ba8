import type { Loader } from '@storybook/react-vite';
import type { RequestHandler } from 'msw';
import type { NetworkApi } from 'msw/experimental';

/**
 * Mocks for the stories that declare `parameters.msw.handlers`, and nothing at all for the others.
 *
 * MSW runs here by patching `fetch` and `XMLHttpRequest` in the page (its interceptors), never
 * through a service worker: a page controlled by a service worker gets no XHR upload progress, so
 * the live stories (the Playground against `npm start`'s backend) would sit at "Uploading… 0%",
 * and a worker cannot register at all over plain http on a LAN address or where service workers
 * are blocked. Stories without handlers get the browser's own `fetch` and `XMLHttpRequest`.
 */

// biome-ignore lint/suspicious/noExplicitAny: the network's source list is not part of its API here
type Network = NetworkApi<any>;

let network: Promise<Network> | null = null;
let enabled = false;

function mockNetwork(): Promise<Network> {
  network ??= (async () => {
    const [
      { defineNetwork, InterceptorSource },
      { FetchInterceptor },
      { XMLHttpRequestInterceptor },
    ] = await Promise.all([
      import('msw/experimental'),
      import('@mswjs/interceptors/fetch'),
      import('@mswjs/interceptors/XMLHttpRequest'),
    ]);
    return defineNetwork({
      sources: [
        new InterceptorSource({
          interceptors: [new FetchInterceptor(), new XMLHttpRequestInterceptor()],
        }),
      ],
      // Fixtures, story modules and anything not mocked go to the network untouched.
      onUnhandledFrame: 'bypass',
    });
  })();
  return network;
}

function handlersOf(parameter: unknown): RequestHandler[] {
  const handlers = (parameter as { handlers?: unknown } | undefined)?.handlers;
  return Array.isArray(handlers) ? (handlers as RequestHandler[]) : [];
}

/** Turns mocking on with the story's handlers, or off (the real globals back) without any. */
export const mockNetworkLoader: Loader = async ({ parameters }) => {
  const handlers = handlersOf(parameters.msw);
  if (handlers.length === 0) {
    if (enabled) (await mockNetwork()).disable();
    enabled = false;
    return {};
  }
  const mocks = await mockNetwork();
  mocks.resetHandlers(...handlers);
  if (!enabled) await mocks.enable();
  enabled = true;
  return {};
};

/**
 * Earlier versions of these stories registered MSW's service worker on this origin, and a worker
 * keeps controlling the pages it was registered for. Unregister it and reload once, so the live
 * stories get real upload progress without anyone clearing site data by hand.
 */
export async function retireMockServiceWorker(): Promise<void> {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!container) return;
  const registrations = await container.getRegistrations();
  const stale = registrations.filter((registration) =>
    [registration.active, registration.waiting, registration.installing].some((worker) =>
      worker?.scriptURL.endsWith('/mockServiceWorker.js'),
    ),
  );
  if (stale.length === 0) return;
  await Promise.all(stale.map((registration) => registration.unregister()));
  const key = 'react-ocr-overlay:retired-mock-service-worker';
  if (container.controller && !sessionStorage.getItem(key)) {
    sessionStorage.setItem(key, '1');
    location.reload();
  }
}
