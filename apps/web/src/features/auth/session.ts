import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, ok, setCsrfToken, type Me, type Session } from '../../api/client';

export const SESSION_KEY = ['session'] as const;

/** The browser session (the cookie is HttpOnly: the page asks the server who is signed in), or null. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = ok(await api.GET('/api/v1/auth/session'));
        setCsrfToken(session.csrfToken);
        return session;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

export async function signIn(username: string, password: string): Promise<Session> {
  const session = ok(await api.POST('/api/v1/auth/session', { body: { username, password } }));
  setCsrfToken(session.csrfToken);
  return session;
}

/**
 * Forgets every answer of the previous account and sets the session. The session query itself is kept (its
 * observers stay attached to it), only its data changes.
 */
export function replaceSession(client: QueryClient, session: Session | null): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  client.setQueryData(SESSION_KEY, session);
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    try {
      await api.DELETE('/api/v1/auth/session');
    } finally {
      setCsrfToken(null);
      replaceSession(client, null);
    }
  };
}

/** The name staff know a colleague by: the full name when the account has one, else the user name. */
export function displayName(account: { username?: string; fullName?: string | null } | Me | null | undefined): string {
  if (!account) return '';
  const full = (account as { fullName?: string | null }).fullName;
  return full && full.trim() !== '' ? full : (account.username ?? '');
}

export function isInspectorOnly(me: Me): boolean {
  return me.roles.length > 0 && me.roles.every((r) => r === 'inspector');
}
