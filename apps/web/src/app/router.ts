import { useSyncExternalStore } from 'react';

/** The screens and their addresses (the API process answers index.html for each of them). */
export type Route =
  | { name: 'worklist' }
  | { name: 'case'; caseId: string }
  | { name: 'inbox' }
  | { name: 'audit' }
  | { name: 'statistics' }
  | { name: 'accounts' }
  // `importId`: the import shown on the imports tab (its progress, then its report).
  | { name: 'admin'; tab: AdminTab; importId?: string }
  | { name: 'notFound' };

/** The administration screens (administrators only). */
export type AdminTab = 'organisations' | 'calendar' | 'imports' | 'templates';

export function routeOf(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'worklist' };
  if (pathname === '/inbox') return { name: 'inbox' };
  if (pathname === '/audit') return { name: 'audit' };
  if (pathname === '/statistics') return { name: 'statistics' };
  if (pathname === '/accounts') return { name: 'accounts' };
  if (pathname === '/admin/organisations') return { name: 'admin', tab: 'organisations' };
  if (pathname === '/admin/calendar') return { name: 'admin', tab: 'calendar' };
  if (pathname === '/admin/imports') return { name: 'admin', tab: 'imports' };
  if (pathname === '/admin/templates') return { name: 'admin', tab: 'templates' };
  const m = /^\/cases\/([0-9a-fA-F-]{36})$/.exec(pathname);
  if (m) return { name: 'case', caseId: m[1] };
  const i = /^\/admin\/imports\/([0-9a-fA-F-]{36})$/.exec(pathname);
  if (i) return { name: 'admin', tab: 'imports', importId: i[1] };
  return { name: 'notFound' };
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'worklist':
    case 'notFound':
      return '/';
    case 'inbox':
      return '/inbox';
    case 'audit':
      return '/audit';
    case 'statistics':
      return '/statistics';
    case 'accounts':
      return '/accounts';
    case 'admin':
      return route.tab === 'imports' && route.importId ? `/admin/imports/${route.importId}` : `/admin/${route.tab}`;
    case 'case':
      return `/cases/${route.caseId}`;
  }
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(route: Route): void {
  const path = pathOf(route);
  if (path !== window.location.pathname) window.history.pushState(null, '', path);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return routeOf(pathname);
}
