import { useEffect, useState } from 'react';

/** The pages the app manifest points at, chosen by the path (the server answers index.html for all). */
export type Route =
  | 'coordinator'
  | 'meeting'
  | 'agenda'
  | 'research'
  | 'actions'
  | 'dashboard'
  | 'subject-access'
  | 'data-return'
  | 'recode'
  | 'config'
  | 'privacy'
  | 'terms';

const UUID = /^[0-9a-f-]{36}$/;
const AGENDA = /^\/agenda\/([0-9a-f-]{36})$/;
const ID = '([0-9a-f-]{36})';
const RESEARCH = new RegExp(`^/research(?:/${ID}(?:/(matrix|${ID}|cases/${ID}))?)?$`);
const MEETING = new RegExp(`^/meeting(?:/${ID})?$`);
const DASHBOARD = new RegExp(`^/dashboard/${ID}$`);
const SUBJECT_ACCESS = new RegExp(`^/subject-access/${ID}$`);
const DATA_RETURN = new RegExp(`^/data-return/${ID}$`);
const QUARTER = /^(\d{4})-Q([1-4])$/;
const RECODE = new RegExp(`^/recode/${ID}$`);
const normalise = (pathname: string) => pathname.replace(/\/+$/, '').toLowerCase();

export function routeFor(pathname: string): Route {
  const path = normalise(pathname);
  if (AGENDA.test(path) || path === '/agenda') return 'agenda';
  if (RESEARCH.test(path)) return 'research';
  if (MEETING.test(path)) return 'meeting';
  if (DASHBOARD.test(path)) return 'dashboard';
  if (SUBJECT_ACCESS.test(path)) return 'subject-access';
  if (DATA_RETURN.test(path)) return 'data-return';
  if (RECODE.test(path)) return 'recode';
  switch (path) {
    case '/actions':
      return 'actions';
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

/** `/meeting/{meetingId}`: that meeting; `/meeting`: the person's meetings (null). */
export function meetingIdOf(pathname: string): string | null {
  return MEETING.exec(normalise(pathname))?.[1] ?? null;
}

/** `/dashboard/{areaId}`: that area's dashboard. */
export function dashboardAreaId(pathname: string): string | null {
  return DASHBOARD.exec(normalise(pathname))?.[1] ?? null;
}

export const dashboardPath = (areaId: string) => `/dashboard/${encodeURIComponent(areaId)}`;

/**
 * `/subject-access/{areaId}`: the area's subject access requests (the coordinator's). The
 * address holds the area only: the person's details never go into it.
 */
export function subjectAccessAreaId(pathname: string): string | null {
  return SUBJECT_ACCESS.exec(normalise(pathname))?.[1] ?? null;
}

export const subjectAccessPath = (areaId: string) =>
  `/subject-access/${encodeURIComponent(areaId)}`;

/**
 * `/data-return/{areaId}?quarter=2027-Q1`: that area's SafeLives data return for the quarter
 * (null when the address names none, or not a quarter: the page then opens the last complete one).
 */
export function dataReturnPlace(
  pathname: string,
  search = '',
): { areaId: string; quarter: string | null } | null {
  const areaId = DATA_RETURN.exec(normalise(pathname))?.[1];
  if (!areaId) return null;
  const quarter = new URLSearchParams(search).get('quarter')?.toUpperCase() ?? '';
  const match = QUARTER.exec(quarter);
  return { areaId, quarter: match && Number(match[1]) >= 2000 ? quarter : null };
}

export const dataReturnPath = (areaId: string, quarter?: string) =>
  `/data-return/${encodeURIComponent(areaId)}${quarter ? `?quarter=${encodeURIComponent(quarter)}` : ''}`;
/** `/recode/{areaId}`: the coordinator's recode of the area's ethnicity and sexuality words. */
export function recodeAreaId(pathname: string): string | null {
  return RECODE.exec(normalise(pathname))?.[1] ?? null;
}

export const recodePath = (areaId: string) => `/recode/${encodeURIComponent(areaId)}`;

export const meetingPath = (meetingId: string) => `/meeting/${encodeURIComponent(meetingId)}`;

export const agendaPath = (meetingId: string) => `/agenda/${encodeURIComponent(meetingId)}`;

/** Which research page the address opens. */
export type ResearchPlace =
  /** `/research`: the meetings the person's agencies owe; `?meeting=` picks one (a Teams notice). */
  | { kind: 'mine'; meetingId: string | null }
  /** `/research/{meetingId}/{agencyId}`: one agency's form for every case of the meeting. */
  | { kind: 'agency'; meetingId: string; agencyId: string }
  /** `/research/{meetingId}/matrix`: cases by agencies. */
  | { kind: 'matrix'; meetingId: string }
  /** `/research/{meetingId}/cases/{referralId}`: every agency's research on one case. */
  | { kind: 'case'; meetingId: string; referralId: string };

export function researchPlace(pathname: string, search = ''): ResearchPlace | null {
  const match = RESEARCH.exec(normalise(pathname));
  if (!match) return null;
  const [, meetingId, tail, agencyId, referralId] = match;
  if (!meetingId) {
    const id = new URLSearchParams(search).get('meeting')?.toLowerCase() ?? '';
    return { kind: 'mine', meetingId: UUID.test(id) ? id : null };
  }
  if (agencyId) return { kind: 'agency', meetingId, agencyId };
  if (referralId) return { kind: 'case', meetingId, referralId };
  if (tail === 'matrix') return { kind: 'matrix', meetingId };
  // `/research/{meetingId}`: as the notice's `?meeting=`, the caller's agency for that meeting.
  return { kind: 'mine', meetingId };
}

const seg = encodeURIComponent;
export const researchPaths = {
  mine: () => '/research',
  agency: (meetingId: string, agencyId: string) => `/research/${seg(meetingId)}/${seg(agencyId)}`,
  matrix: (meetingId: string) => `/research/${seg(meetingId)}/matrix`,
  case: (meetingId: string, referralId: string) =>
    `/research/${seg(meetingId)}/cases/${seg(referralId)}`,
};

/**
 * Goes to another page of the tab without loading the page again: inside Teams or Outlook a
 * reload would sign the person in again. The browser's Back button comes back (popstate).
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  // Replacing: an address that only stood for another (`/research?meeting=`) is not kept in history.
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
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
