import { parseServerError, type ServerError } from '@/lib/form/server-errors';

export type UploadOutcome =
  | { kind: 'pdf'; pdf: Blob; fileName: string | null }
  | { kind: 'rejected'; status: number; error: ServerError; retryAfterSeconds: number | null }
  | { kind: 'network' }
  | { kind: 'cancelled' };

export type UploadCallbacks = {
  /** Bytes of the request body sent so far. */
  onProgress?: (sent: number, total: number) => void;
  /** Every byte is sent; the server is now building the PDF. */
  onUploaded?: () => void;
};

const APPEAL_ENDPOINT = '/api/appeal';

/**
 * One multipart POST to the bundle route. XMLHttpRequest rather than fetch: fetch still reports no
 * upload progress, and a person on a slow line needs to see bytes moving.
 */
export function uploadAppeal(body: FormData, signal: AbortSignal, callbacks: UploadCallbacks = {}): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve({ kind: 'cancelled' });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', APPEAL_ENDPOINT);
    xhr.responseType = 'blob';
    xhr.upload.onprogress = (event) => callbacks.onProgress?.(event.loaded, event.lengthComputable ? event.total : 0);
    xhr.upload.onload = () => callbacks.onUploaded?.();
    xhr.onerror = () => resolve({ kind: 'network' });
    xhr.onabort = () => resolve({ kind: 'cancelled' });
    xhr.onload = () => {
      void readResponse(xhr).then(resolve);
    };
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

async function readResponse(xhr: XMLHttpRequest): Promise<UploadOutcome> {
  const blob = xhr.response as Blob | null;
  const type = xhr.getResponseHeader('content-type') ?? '';
  if (xhr.status === 200 && blob && type.includes('application/pdf')) {
    return { kind: 'pdf', pdf: blob, fileName: fileNameFromDisposition(xhr.getResponseHeader('content-disposition')) };
  }
  let parsed: ServerError | null = null;
  try {
    parsed = parseServerError(JSON.parse(blob ? await blob.text() : ''));
  } catch {
    parsed = null;
  }
  const retryAfter = Number(xhr.getResponseHeader('retry-after'));
  return {
    kind: 'rejected',
    status: xhr.status,
    error: parsed ?? { code: 'unknown', message: '', fields: {} },
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  };
}

/** What a failed answer without the server's own explanation (a balancer's, a proxy's) most likely means. */
export type UnexplainedFailure = 'busy' | 'tooLarge' | 'notFromServer' | 'failed';

/**
 * Reads the status of an answer that carried no message from the app: trying again helps after a
 * 503 or 429, never after a 413 (a proxy's smaller upload limit); a 200 (or a redirect followed to
 * one) that is not the PDF came from a Wi-Fi sign-in page or a filter, not from this server.
 */
export function unexplainedFailure(status: number): UnexplainedFailure {
  if (status === 503 || status === 429) return 'busy';
  if (status === 413) return 'tooLarge';
  if (status >= 200 && status < 400) return 'notFromServer';
  return 'failed';
}

/** The file name from a Content-Disposition header, preferring the RFC 6266 / 5987 `filename*`. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return safeName(decodeURIComponent(extended[1].trim()));
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = plain?.[1] ?? plain?.[2];
  return name ? safeName(name.trim()) : null;
}

function safeName(name: string): string | null {
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim();
  return cleaned || null;
}
