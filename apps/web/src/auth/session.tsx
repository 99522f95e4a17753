import { type Action, can, seesWholeProvince } from '@ansinh/domain/roles';
import type { CurrentUser } from '@ansinh/schemas/auth';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, use, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTRPC } from '../api/trpc.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { StatusPage } from '../components/StatusPage.tsx';
import { errorCodeOf } from '../lib/errors.ts';

/** `auth.me` is the single source of truth for "who is signed in"; null means nobody. */
export function useCurrentUserQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
}

const SessionContext = createContext<CurrentUser | null>(null);

/** The signed-in user; only valid below <RequireAuth>, which guarantees there is one. */
export function useSession(): CurrentUser {
  const user = use(SessionContext);
  if (!user) throw new Error('useSession() used outside <RequireAuth>');
  return user;
}

export function useCan(action: Action): boolean {
  return can(useSession().role, action);
}

/**
 * Which facilities the user works with: the department sees the whole province; a centre's staff (and an
 * operator with a single facility) have one facility, which screens preselect.
 */
export function useFacilityScope(): { wholeProvince: boolean; ownFacilityId: string | null } {
  const user = useSession();
  const wholeProvince = seesWholeProvince(user.role);
  const ownFacilityId =
    !wholeProvince && user.facilityIds.length === 1 ? (user.facilityIds[0] ?? null) : null;
  return { wholeProvince, ownFacilityId };
}

/**
 * A session can end while a page is open (expiry, sign-out in another tab). Any UNAUTHORIZED answer
 * marks the user as signed out, which makes <RequireAuth> redirect to the login page.
 */
function useSignOutOnUnauthorized(): void {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  useEffect(() => {
    const onError = (error: unknown) => {
      if (errorCodeOf(error) === 'UNAUTHORIZED') queryClient.setQueryData(trpc.auth.me.queryKey(), null);
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, trpc]);
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useCurrentUserQuery();
  const location = useLocation();
  useSignOutOnUnauthorized();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorState error={me.error} />;
  if (!me.data)
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <SessionContext value={me.data}>{children}</SessionContext>;
}

/** Mirrors the server's permission check so people are not offered pages that would only refuse them. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  return useCan(action) ? children : <StatusPage kind="forbidden" />;
}
