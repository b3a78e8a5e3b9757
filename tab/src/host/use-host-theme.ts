import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import {
  connectToHost,
  onHostThemeChange,
  type HostConnection,
  type HostTheme,
} from './teams-host.js';

const themes: Record<HostTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/**
 * The host connection (null while it is being found out) and the Fluent theme that matches it:
 * the host's own theme inside Teams or Outlook, light elsewhere.
 */
export function useHost(): { theme: Theme; host: HostConnection | null } {
  const [hostTheme, setHostTheme] = useState<HostTheme>('default');
  const [host, setHost] = useState<HostConnection | null>(null);
  useEffect(() => {
    let live = true;
    const unsubscribe = onHostThemeChange((next) => live && setHostTheme(next));
    void connectToHost().then((connected) => {
      if (!live) return;
      setHost(connected);
      setHostTheme(connected.theme);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return { theme: themes[hostTheme], host };
}
