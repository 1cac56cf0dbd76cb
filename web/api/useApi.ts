import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './client';

/** Result of `useApi`. */
export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/**
 * GETs `url` with `params` and re-fetches when either changes (a null url fetches nothing). Stale
 * answers are dropped (the request is aborted).
 */
export function useApi<T>(url: string | null, params?: Record<string, string | number | boolean | null | undefined>): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(!!url);
  const [tick, setTick] = useState(0);
  const key = url ? url + JSON.stringify(params ?? {}) : null;
  const paramsRef = useRef(params);
  paramsRef.current = params;
  useEffect(() => {
    if (!url) return;
    const ctl = new AbortController();
    setLoading(true);
    api
      .get<T>(url, paramsRef.current, { signal: ctl.signal })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e) => {
        if ((e as Error).name === 'AbortError') return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
