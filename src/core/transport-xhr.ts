import type { Transport, TransportResponse } from './transport';

/**
 * A transport over `XMLHttpRequest`, the only browser API that reports upload progress.
 * Same contract as `fetchTransport`: aborted by the signal, rejects only without a response.
 *
 * `credentials: 'include'` becomes `withCredentials`; XHR cannot express `'omit'` for
 * same-origin requests, so `'omit'` and `'same-origin'` both mean the XHR default.
 */
export const xhrTransport: Transport = (request) =>
  new Promise<TransportResponse>((resolve, reject) => {
    const { signal } = request;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      finish();
    };
    function onAbort() {
      settle(() => reject(signal.reason));
      xhr.abort();
    }
    signal.addEventListener('abort', onAbort);

    xhr.open('POST', request.url, true);
    request.headers.forEach((value, name) => {
      xhr.setRequestHeader(name, value);
    });
    xhr.withCredentials = request.credentials === 'include';
    xhr.responseType = 'text';

    const report = request.onUploadProgress;
    if (report) {
      // Listeners must be attached before send(); note they make a cross-origin request
      // non-simple, so the backend has to answer the CORS preflight.
      let lastLoaded = -1;
      let lastTotal = 0;
      xhr.upload.addEventListener('progress', (event) => {
        if (!event.lengthComputable) return;
        lastLoaded = event.loaded;
        lastTotal = event.total;
        report(event.loaded, event.total);
      });
      xhr.upload.addEventListener('load', (event) => {
        const total = event.total || lastTotal || event.loaded;
        // Chromium usually ends with a progress event at 100%; report the end exactly once.
        if (lastLoaded === total && lastTotal === total) return;
        lastLoaded = total;
        lastTotal = total;
        report(total, total);
      });
    }

    xhr.onload = () =>
      settle(() =>
        resolve({
          status: xhr.status,
          statusText: xhr.statusText,
          header: (name) => xhr.getResponseHeader(name),
          text: xhr.responseText,
        }),
      );
    xhr.onerror = () =>
      settle(() =>
        reject(new TypeError(`XMLHttpRequest to ${request.url} failed (network error or CORS).`)),
      );
    // Only reached when something other than our signal aborted the request.
    xhr.onabort = () =>
      settle(() => reject(new DOMException('The XMLHttpRequest was aborted.', 'AbortError')));

    xhr.send(request.body);
  });
