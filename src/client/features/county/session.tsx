import type { ComponentChildren } from 'preact';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { COUNTY_API, type CountySessionInfo } from '../../../shared/protocol/county';
import { CountyError, countyRequest } from './api';

export type CountySessionState =
  | { status: 'checking' }
  | { status: 'signedOut'; reason?: 'session_expired' | 'offline' | undefined }
  | ({ status: 'signedIn' } & CountySessionInfo);

export interface CountyContextValue {
  state: CountySessionState;
  signedIn(info: CountySessionInfo): void;
  signOut(): Promise<void>;
  /** A county API call as the signed-in admin: a 401 sends the browser back to sign-in. */
  request<T>(path: string, options?: { method?: 'GET' | 'POST'; body?: unknown }): Promise<T>;
}

const CountyContext = createContext<CountyContextValue | null>(null);

export function useCounty(): CountyContextValue {
  const value = useContext(CountyContext);
  if (!value) throw new Error('useCounty outside CountySessionProvider');
  return value;
}

/** Asks the server once whether this browser is signed in; then keeps who is, for every screen. */
export function CountySessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<CountySessionState>({ status: 'checking' });

  useEffect(() => {
    let live = true;
    countyRequest<CountySessionInfo>(COUNTY_API.session).then(
      (info) => live && setState({ status: 'signedIn', ...info }),
      (error: unknown) => {
        if (!live) return;
        const reason = error instanceof CountyError && (error.code === 'session_expired' || error.code === 'offline') ? error.code : undefined;
        setState({ status: 'signedOut', reason });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const csrfToken = state.status === 'signedIn' ? state.csrfToken : undefined;

  const request = useCallback(
    async <T,>(path: string, options: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> => {
      try {
        return await countyRequest<T>(path, { ...options, csrfToken });
      } catch (error) {
        if (error instanceof CountyError && error.status === 401) {
          setState({ status: 'signedOut', reason: error.code === 'session_expired' ? 'session_expired' : undefined });
        }
        throw error;
      }
    },
    [csrfToken],
  );

  const value = useMemo<CountyContextValue>(
    () => ({
      state,
      request,
      signedIn: (info) => setState({ status: 'signedIn', ...info }),
      async signOut() {
        try {
          await request(COUNTY_API.logout, { method: 'POST' });
        } finally {
          setState({ status: 'signedOut' });
        }
      },
    }),
    [state, request],
  );
  return <CountyContext.Provider value={value}>{children}</CountyContext.Provider>;
}
