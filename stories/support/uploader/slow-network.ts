/**
 * A stand-in `XMLHttpRequest` that uploads at a fixed speed, reporting real-looking progress
 * events, then hands the request to `fetch` (where MSW answers it). Mocked backends answer
 * instantly, so without it a progress bar jumps from 0 to 100 %.
 *
 * Implements just what the library's XHR transport uses.
 */
export function throttledXMLHttpRequest(bytesPerSecond: number): typeof XMLHttpRequest {
  class ThrottledXMLHttpRequest {
    /** Listeners (`addEventListener`) and the `on…` properties both hear upload events. */
    upload = Object.assign(new EventTarget(), {
      onprogress: null as ((event: ProgressEvent) => void) | null,
      onload: null as ((event: ProgressEvent) => void) | null,
    });
    onload: (() => void) | null = null;
    onloadend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    statusText = '';
    responseText = '';
    responseType = '';
    withCredentials = false;
    private method = 'GET';
    private url = '';
    private readonly headers = new Headers();
    private readonly controller = new AbortController();
    private response: Response | null = null;

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers.set(name, value);
    }
    getResponseHeader(name: string) {
      return this.response?.headers.get(name) ?? null;
    }
    abort() {
      this.controller.abort();
    }
    async send(body: FormData | string | null) {
      const { signal } = this.controller;
      const total = bodySize(body);
      const tick = 100;
      const chunk = Math.max(1, Math.round((bytesPerSecond * tick) / 1000));
      for (let loaded = 0; loaded < total; ) {
        await new Promise((resolve) => setTimeout(resolve, tick));
        if (signal.aborted) return;
        loaded = Math.min(total, loaded + chunk);
        this.uploadEvent(progress('progress', loaded, total));
      }
      this.uploadEvent(progress('load', total, total));
      try {
        const init: RequestInit = { method: this.method, headers: this.headers, signal };
        if (body !== null) init.body = body;
        this.response = await fetch(this.url, init);
        this.responseText = await this.response.text();
        this.status = this.response.status;
        this.statusText = this.response.statusText;
        this.onload?.();
      } catch {
        if (!signal.aborted) this.onerror?.();
      }
      this.onloadend?.();
    }
    private uploadEvent(event: ProgressEvent) {
      this.upload.dispatchEvent(event);
      (event.type === 'load' ? this.upload.onload : this.upload.onprogress)?.(event);
    }
  }
  return ThrottledXMLHttpRequest as unknown as typeof XMLHttpRequest;
}

function progress(type: string, loaded: number, total: number): ProgressEvent {
  return new ProgressEvent(type, { lengthComputable: true, loaded, total });
}

function bodySize(body: FormData | string | null): number {
  if (body === null) return 0;
  if (typeof body === 'string') return new TextEncoder().encode(body).length;
  let size = 200; // multipart boundaries and headers, roughly
  for (const [, value] of body) size += typeof value === 'string' ? value.length : value.size;
  return size;
}
