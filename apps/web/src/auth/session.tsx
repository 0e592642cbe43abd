// Who is signed in. The API knows (the `me` query with the session cookie); the app keeps the
// answer's id, name and role (no secret) on the device, so the door opens offline for the same user
// and a queue of offline check-ins is sent only when that user is signed in again.
import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { errorCode, onSignedOut } from '../app/apollo';
import { graphql } from '../gql';
import { authApi, type SessionUser } from './auth-api';
import { dropEarlyAnswers } from './early-requests';
import { SIGN_OUT_PENDING, STORED_USER } from './session-keys';
import { clearDeviceData, clearOnSessionEnd } from './sign-out-cleanup';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
    }
  }
`);

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason?: 'expired' }
  | { status: 'signedIn'; user: SessionUser; offline: boolean };

interface SessionContextValue {
  state: SessionState;
  /** Called after the sign-in routes answered with a user. */
  signedIn: (user: SessionUser) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function storedUser(): SessionUser | null {
  try {
    const raw = localStorage.getItem(STORED_USER);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  } catch {
    return null;
  }
}

function storeUser(user: SessionUser | null): void {
  if (user) localStorage.setItem(STORED_USER, JSON.stringify({ ...user, email: '' }));
  else localStorage.removeItem(STORED_USER);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  // Until a sign-out made offline has reached the server, the cookie must not be trusted again.
  const [signOutPending, setSignOutPending] = useState(() => localStorage.getItem(SIGN_OUT_PENDING) === '1');
  const { data, error, loading, refetch } = useQuery(MeQuery, {
    fetchPolicy: 'network-only',
    skip: signOutPending,
  });
  const [override, setOverride] = useState<SessionState | null>(null);

  useEffect(
    () =>
      onSignedOut(() => {
        // The server ended the session of a user this device knew (idle, password changed, disabled):
        // forget the device's copy of personal data and who was signed in; unsent check-ins stay for
        // the same user. A first visit is just signed out.
        dropEarlyAnswers();
        const hadUser = storedUser() !== null;
        if (hadUser) {
          storeUser(null);
          void clearOnSessionEnd().catch(() => undefined);
        }
        setOverride({ status: 'signedOut', reason: hadUser ? 'expired' : undefined });
      }),
    [],
  );

  useEffect(() => {
    if (!signOutPending) return;
    let stopped = false;
    const retry = async () => {
      const result = await authApi.signOut();
      if (stopped || !result.ok) return;
      localStorage.removeItem(SIGN_OUT_PENDING);
      setSignOutPending(false);
    };
    void retry();
    const timer = window.setInterval(() => void retry(), 15_000);
    window.addEventListener('online', retry);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [signOutPending]);

  let state: SessionState;
  if (override) state = override;
  else if (signOutPending) state = { status: 'signedOut' };
  else if (data?.me) state = { status: 'signedIn', user: data.me as SessionUser, offline: false };
  else if (loading) state = { status: 'loading' };
  else if (error && errorCode(error) === null && storedUser()) {
    // No answer from the server (offline): the device's last user, for the door's offline mode.
    state = { status: 'signedIn', user: storedUser() as SessionUser, offline: true };
  } else state = { status: 'signedOut' };

  useEffect(() => {
    if (state.status === 'signedIn' && !state.offline) storeUser(state.user);
  }, [state]);

  const signedIn = useCallback(
    (user: SessionUser) => {
      storeUser(user);
      dropEarlyAnswers();
      // Signing in replaces the browser's previous session on the server, so a pending sign-out is moot.
      localStorage.removeItem(SIGN_OUT_PENDING);
      setSignOutPending(false);
      setOverride(null);
      void client.resetStore().catch(() => undefined);
      void refetch();
    },
    [client, refetch],
  );

  const signOut = useCallback(async () => {
    dropEarlyAnswers();
    const result = await authApi.signOut();
    if (!result.ok) {
      // Offline (or the server failed): the device forgets everything now, the server when it answers.
      localStorage.setItem(SIGN_OUT_PENDING, '1');
      setSignOutPending(true);
    }
    await clearDeviceData();
    storeUser(null);
    await client.clearStore();
    setOverride({ status: 'signedOut' });
  }, [client]);

  const value = useMemo(() => ({ state, signedIn, signOut }), [state, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user (only inside pages that require a session). */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser without a signed-in user');
  return state.user;
}
