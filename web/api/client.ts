/**
 * The typed API client. Every call goes through `request`, which sends the UI language, the CSRF
 * token on writes, and turns any non-2xx answer into one `ApiError` (code, message, field errors).
 * A 401 on an authenticated call notifies the session-expired handler (the shell sends the user to
 * sign-in and back).
 */

/** One field-level problem, as the server reports it in `details.fields`. */
export interface FieldError {
  path: string;
  message: string;
}

/** The one error type of the web app. */
export class ApiError extends Error {
  constructor(
    /** HTTP status (0 when the network failed). */
    public readonly status: number,
    /** Server error code, e.g. `VALIDATION_FAILED`, `SESSION_EXPIRED`, `NOT_FOUND`. */
    public readonly code: string,
    message: string,
    /** Field errors (from `details.fields`), empty when none. */
    public readonly fields: FieldError[] = [],
    /** The raw `details` of the error. */
    public readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Builds an ApiError from a response status and its parsed JSON body (or null). */
export function toApiError(status: number, body: unknown, fallback: string): ApiError {
  const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (!e) return new ApiError(status, status === 0 ? 'NETWORK' : `HTTP_${status}`, fallback);
  const d = e.details as { fields?: unknown } | null | undefined;
  const fields = Array.isArray(d?.fields)
    ? (d.fields as unknown[]).filter((f): f is FieldError => !!f && typeof (f as FieldError).path === 'string' && typeof (f as FieldError).message === 'string')
    : [];
  return new ApiError(status, e.code ?? `HTTP_${status}`, e.message ?? fallback, fields, e.details ?? null);
}

type Listener = (err: ApiError) => void;
let unauthorizedListener: Listener | null = null;
let csrfToken: string | null = null;
let language = 'zh-CN';

/** The shell registers what to do when the session has expired (401 on an authenticated call). */
export function onUnauthorized(fn: Listener | null) {
  unauthorizedListener = fn;
}
/** Sets the CSRF token from login/me (the readable `fazhi_csrf` cookie is the fallback). */
export function setCsrfToken(token: string | null | undefined) {
  csrfToken = token ?? null;
}
/** Sets the language sent as Accept-Language (server messages follow it). */
export function setApiLanguage(lang: 'zh' | 'en') {
  language = lang === 'en' ? 'en' : 'zh-CN';
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  const m = document.cookie.split(';').map((s) => s.trim()).find((s) => s.startsWith(`${name}=`));
  return m ? decodeURIComponent(m.slice(name.length + 1)) : null;
}

/** Headers every call carries. */
export function commonHeaders(method: string): Record<string, string> {
  const h: Record<string, string> = { 'Accept-Language': language, Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') {
    const t = csrfToken ?? readCookie('fazhi_csrf');
    if (t) h['X-CSRF-Token'] = t;
  }
  return h;
}

/** Whether a failed call means "sign in again" (and not a wrong password on the sign-in form). */
export function isSessionLoss(url: string, err: ApiError) {
  return err.status === 401 && !url.startsWith('/api/v1/auth/login') && !url.startsWith('/api/v1/auth/me');
}

const NETWORK_MSG = { 'zh-CN': '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the network and retry' };

/** A query string from an object, skipping empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Sends one request and parses the JSON answer (undefined for 204). */
export async function request<T>(method: string, url: string, body?: unknown, opts: { signal?: AbortSignal } = {}): Promise<T> {
  const headers = commonHeaders(method);
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', NETWORK_MSG[language as 'zh-CN' | 'en']);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = toApiError(res.status, json, `${res.status} ${res.statusText}`);
    if (isSessionLoss(url, err)) unauthorizedListener?.(err);
    throw err;
  }
  return json as T;
}

/** Uploads one file as multipart with progress (XHR, since fetch has no upload progress). */
export function upload<T>(url: string, file: File | Blob, opts: { fileName?: string; onProgress?: (percent: number) => void; signal?: AbortSignal } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(commonHeaders('POST'))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        opts.onProgress?.(100);
        resolve(json as T);
      } else {
        const err = toApiError(xhr.status, json, `${xhr.status}`);
        if (isSessionLoss(url, err)) unauthorizedListener?.(err);
        reject(err);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', NETWORK_MSG[language as 'zh-CN' | 'en']));
    opts.signal?.addEventListener('abort', () => xhr.abort());
    const fd = new FormData();
    fd.append('file', file, opts.fileName ?? (file as File).name ?? 'upload');
    xhr.send(fd);
  });
}

/** The API, one function per verb. */
export const api = {
  get: <T>(url: string, params?: Record<string, string | number | boolean | null | undefined>, opts?: { signal?: AbortSignal }) =>
    request<T>('GET', url + qs(params), undefined, opts),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body ?? {}),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body ?? {}),
  del: <T>(url: string) => request<T>('DELETE', url),
  upload,
};
