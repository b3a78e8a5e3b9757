/**
 * Connects to the Teams (or Outlook) host when there is one. In a plain browser this gives up
 * after a short timeout and the tab carries on in local mode with the light theme: the page is
 * rendered first and never waits for this.
 */
export type HostTheme = 'default' | 'dark' | 'contrast';

export interface HostConnection {
  inTeams: boolean;
  theme: HostTheme;
}

const NOT_IN_TEAMS: HostConnection = { inTeams: false, theme: 'default' };

export async function connectToHost(
  onThemeChange: (theme: HostTheme) => void,
  timeoutMs = 1500,
): Promise<HostConnection> {
  // teams-js can only reach a host through a parent frame, an opener window or a mobile web
  // view's nativeInterface, and rejects without one; asking first also spares a plain browser the
  // SDK's download of its valid-domains list from Microsoft's CDN.
  const reachable =
    window.parent !== window || window.opener !== null || 'nativeInterface' in window;
  if (!reachable) return NOT_IN_TEAMS;
  try {
    // Loaded on demand so the SDK never delays the first paint.
    const { app } = await import('@microsoft/teams-js');
    const initialised = await Promise.race([
      app.initialize().then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
    ]);
    if (!initialised) return NOT_IN_TEAMS;
    const context = await app.getContext();
    app.registerOnThemeChangeHandler((theme) => onThemeChange(asHostTheme(theme)));
    return { inTeams: true, theme: asHostTheme(context.app.theme) };
  } catch {
    return NOT_IN_TEAMS;
  }
}

function asHostTheme(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}
