import { useEffect, useState } from 'react';

/** The pages the app manifest points at, chosen by the path (the server answers index.html for all). */
export type Route = 'coordinator' | 'meeting' | 'agenda' | 'config' | 'privacy' | 'terms';

const AGENDA = /^\/agenda\/([0-9a-f-]{36})$/;

export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '').toLowerCase();
  if (AGENDA.test(path)) return 'agenda';
  switch (path) {
    case '/meeting':
      return 'meeting';
    case '/config':
      return 'config';
    case '/privacy':
      return 'privacy';
    case '/terms':
      return 'terms';
    default:
      return 'coordinator';
  }
}

/** The meeting whose agenda the path opens: `/agenda/{meetingId}` (the link a notice carries). */
export function agendaMeetingId(pathname: string): string | null {
  return AGENDA.exec(pathname.replace(/\/+$/, '').toLowerCase())?.[1] ?? null;
}

export const agendaPath = (meetingId: string) => `/agenda/${encodeURIComponent(meetingId)}`;

/**
 * Goes to another page of the tab without loading the page again: inside Teams or Outlook a
 * reload would sign the person in again. The browser's Back button comes back (popstate).
 */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The current path, following navigate() and the browser's Back and Forward. */
export function usePathname(): string {
  const [pathname, setPathname] = useState(window.location.pathname);
  useEffect(() => {
    const follow = () => setPathname(window.location.pathname);
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  return pathname;
}
