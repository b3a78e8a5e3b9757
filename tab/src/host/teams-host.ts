/**
 * Connects to the Microsoft 365 host (Teams, Outlook, the Microsoft 365 app) when there is one.
 * In a plain browser this answers at once, and in a frame that is not a host it gives up after a
 * short timeout: the tab then carries on outside a host with the light theme. The page is rendered
 * first and never waits for this; the sign-in waits for it (it decides how to sign in).
 *
 * teams-js is loaded on demand, once, and `app.initialize()` runs once for the whole page.
 */
export type HostTheme = 'default' | 'dark' | 'contrast';

export interface HostConnection {
  /** teams-js initialised: the page runs inside a Microsoft 365 host. */
  inHost: boolean;
  theme: HostTheme;
  /** The host's own name as teams-js reports it ('Teams', 'Outlook', 'Office', ...). */
  hostName: string | null;
  /** 'content', 'settings' (a configurable tab's configuration page), 'sidePanel', ... */
  frameContext: string | null;
  /** The host recommends nested app authentication (MSAL's nestable client) over getAuthToken. */
  naaRecommended: boolean;
}

export const NOT_IN_HOST: HostConnection = {
  inHost: false,
  theme: 'default',
  hostName: null,
  frameContext: null,
  naaRecommended: false,
};

type TeamsJs = typeof import('@microsoft/teams-js');

let teamsJs: Promise<TeamsJs> | null = null;
let connection: Promise<HostConnection> | null = null;
const themeListeners = new Set<(theme: HostTheme) => void>();

/** Loaded on demand so the SDK never delays the first paint, and never loads in a plain browser. */
function loadTeamsJs(): Promise<TeamsJs> {
  teamsJs ??= import('@microsoft/teams-js');
  return teamsJs;
}

/** Whether teams-js could reach a host at all: a parent frame, an opener, or a mobile web view. */
export function hostReachable(win: Window = window): boolean {
  return win.parent !== win || win.opener !== null || 'nativeInterface' in win;
}

/** The one connection to the host for this page (initialised on the first call). */
export function connectToHost(timeoutMs = 3000): Promise<HostConnection> {
  connection ??= connect(timeoutMs);
  return connection;
}

/** Follows the host's theme while the page is open; returns the unsubscribe function. */
export function onHostThemeChange(listener: (theme: HostTheme) => void): () => void {
  themeListeners.add(listener);
  return () => themeListeners.delete(listener);
}

async function connect(timeoutMs: number): Promise<HostConnection> {
  // teams-js rejects without a parent, opener or native interface; asking first also spares a
  // plain browser the SDK's download of its valid-domains list from Microsoft's CDN.
  if (!hostReachable()) return NOT_IN_HOST;
  try {
    const { app, nestedAppAuth } = await loadTeamsJs();
    const initialised = await Promise.race([
      app.initialize().then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
    ]);
    if (!initialised) return NOT_IN_HOST;
    const context = await app.getContext();
    app.registerOnThemeChangeHandler((theme) => {
      for (const listener of themeListeners) listener(asHostTheme(theme));
    });
    return {
      inHost: true,
      theme: asHostTheme(context.app.theme),
      hostName: context.app.host?.name ?? null,
      frameContext: context.page?.frameContext ?? null,
      naaRecommended: safely(() => nestedAppAuth.isNAAChannelRecommended(), false),
    };
  } catch {
    return NOT_IN_HOST;
  }
}

/** The host's single sign-on: an Entra ID access token for the app's API (the manifest's resource). */
export async function getHostAuthToken(): Promise<string> {
  const { authentication } = await loadTeamsJs();
  return authentication.getAuthToken();
}

/** What the meeting tab's configuration page saves: the chair's meeting view. */
export interface MeetingTabConfig {
  contentUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

export function meetingTabConfig(origin: string): MeetingTabConfig {
  return {
    contentUrl: `${origin}/meeting`,
    entityId: 'marac-meeting',
    suggestedDisplayName: 'MARAC',
  };
}

/**
 * The configurable tab's configuration page: the tab needs no choices, so Save is enabled at once
 * and saves the meeting view. Rejects when the page is not the host's configuration frame.
 */
export async function offerMeetingTabConfig(
  config: MeetingTabConfig,
  onSaveFailed: () => void,
): Promise<void> {
  const { pages } = await loadTeamsJs();
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config.setConfig(config).then(
      () => saveEvent.notifySuccess(),
      () => {
        saveEvent.notifyFailure('The MARAC tab could not be saved.');
        onSaveFailed();
      },
    );
  });
  pages.config.setValidityState(true);
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function asHostTheme(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}
