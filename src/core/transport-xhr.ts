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
    const { signal, onUploadProgress: report } = request;
    signal.throwIfAborted(); // rejects this promise with the signal's reason
    const xhr = new XMLHttpRequest();
    // Our reject comes first; the `abort` event's own rejection after it is then a no-op.
    const onAbort = () => {
      reject(signal.reason);
      xhr.abort();
    };
    signal.addEventListener('abort', onAbort);
    xhr.onloadend = () => signal.removeEventListener('abort', onAbort);

    xhr.open('POST', request.url, true);
    request.headers.forEach((value, name) => {
      xhr.setRequestHeader(name, value);
    });
    xhr.withCredentials = request.credentials === 'include';
    xhr.responseType = 'text';

    if (report) {
      // Listeners must be attached before send(); note they make a cross-origin request
      // non-simple, so the backend has to answer the CORS preflight.
      let loaded = -1;
      let size = 0;
      xhr.upload.addEventListener('progress', (event) => {
        if (!event.lengthComputable) return;
        loaded = event.loaded;
        size = event.total;
        report(loaded, size);
      });
      xhr.upload.addEventListener('load', (event) => {
        // Chromium usually ends with a progress event at 100%; report the end exactly once.
        const total = event.total || size || event.loaded;
        if (loaded !== total) report(total, total);
      });
    }

    xhr.onload = () =>
      resolve({
        status: xhr.status,
        statusText: xhr.statusText,
        header: (name) => xhr.getResponseHeader(name),
        text: xhr.responseText,
      });
    // The client wraps this in an `OcrError('network')` that names the URL.
    xhr.onerror = () => reject(new TypeError('The XMLHttpRequest failed (network error or CORS).'));
    // Only reached first when something other than our signal aborted the request.
    xhr.onabort = () => reject(new DOMException('The XMLHttpRequest was aborted.', 'AbortError'));

    xhr.send(request.body);
  });
