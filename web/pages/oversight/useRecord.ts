import { useEffect, useState } from 'react';
import { useApi } from '../../api/useApi';

/**
 * A record page's data, replaced at once by a step's answer (every step answers with the whole record):
 * the page shows the new state as the step's modal closes, not the old one until a re-fetch returns.
 */
export function useRecord<T>(url: string) {
  const res = useApi<T>(url);
  const [fresh, setFresh] = useState<T | null>(null);
  // A (re)fetched record supersedes the step's answer.
  useEffect(() => setFresh(null), [res.data]);
  return { ...res, data: fresh ?? res.data, set: setFresh };
}
