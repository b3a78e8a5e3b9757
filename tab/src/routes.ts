import { useEffect, useState } from 'react';

/** The pages the app manifest points at, chosen by the path (the server answers index.html for all). */
export type Route = 'coordinator' | 'meeting' | 'agenda' | 'config' | 'privacy' | 'terms';

const UUID = /^[0-9a-f-]{36}$/;
const AGENDA = /^\/agenda\/([0-9a-f-]{36})$/;
const normalise = (pathname: string) => pathname.replace(/\/+$/, '').toLowerCase();

export function routeFor(pathname: string): Route {
  const path = normalise(pathname);
  if (AGENDA.test(path) || path === '/agenda') return 'agenda';
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

/**
 * The meeting whose agenda the address opens: `/agenda/{meetingId}` (the tab's own links) or
 * `/agenda?meeting={meetingId}` (the link a `link`-mode notice carries).
 */
export function agendaMeetingId(pathname: string, search = ''): string | null {
  const path = normalise(pathname);
  const inPath = AGENDA.exec(path)?.[1];
  if (inPath) return inPath;
  if (path !== '/agenda') return null;
  const id = new URLSearchParams(search).get('meeting')?.toLowerCase() ?? '';
  return UUID.test(id) ? id : null;
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

/** The current path and query, following navigate() and the browser's Back and Forward. */
export function useLocation(): { pathname: string; search: string } {
  const read = () => ({ pathname: window.location.pathname, search: window.location.search });
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const follow = () => setLocation(read());
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  return location;
}
