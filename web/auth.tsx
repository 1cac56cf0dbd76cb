import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized, setCsrfToken } from './api/client';
import type { Me } from './api/types';

/** What the shell knows about the session. */
export interface AuthState {
  /** The signed-in person, null when signed out, undefined while loading. */
  me: Me | null | undefined;
  /** True when the last session ended by expiry (the sign-in page says so). */
  expired: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Reloads `me` (after a password change). */
  refresh(): Promise<void>;
  /** Whether the server granted an ability. */
  can(ability: string | undefined): boolean;
}

const Ctx = createContext<AuthState | null>(null);

/** Loads the session once and keeps it; a 401 anywhere ends it (expired). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const m = await api.get<Me>('/api/v1/auth/me');
      setCsrfToken(m.csrfToken);
      setMe(m);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setMe(null);
        if (e.code === 'SESSION_EXPIRED') setExpired(true);
      } else throw e;
    }
  }, []);

  useEffect(() => {
    onUnauthorized(() => {
      setExpired(true);
      setMe(null);
    });
    refresh().catch(() => setMe(null));
    return () => onUnauthorized(null);
  }, [refresh]);

  const value = useMemo<AuthState>(
    () => ({
      me,
      expired,
      async login(username, password) {
        const m = await api.post<Me>('/api/v1/auth/login', { username, password });
        setCsrfToken(m.csrfToken);
        setExpired(false);
        setMe(m);
        return m;
      },
      async logout() {
        try {
          await api.post('/api/v1/auth/logout');
        } catch {
          /* already gone */
        }
        setCsrfToken(null);
        setExpired(false);
        setMe(null);
      },
      refresh,
      can: (ability) => !ability || !!me?.abilities?.[ability],
    }),
    [me, expired, refresh],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The session (inside AuthProvider). */
export function useAuth(): AuthState {
  const c = useContext(Ctx);
  if (!c) throw new Error('useAuth outside AuthProvider');
  return c;
}
