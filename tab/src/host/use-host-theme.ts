import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { connectToHost, type HostTheme } from './teams-host.js';

const themes: Record<HostTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** The Fluent theme that matches the host: Teams' own theme inside Teams, light elsewhere. */
export function useHostTheme(): { theme: Theme; inTeams: boolean } {
  const [hostTheme, setHostTheme] = useState<HostTheme>('default');
  const [inTeams, setInTeams] = useState(false);
  useEffect(() => {
    let live = true;
    void connectToHost((next) => live && setHostTheme(next)).then((host) => {
      if (!live) return;
      setInTeams(host.inTeams);
      setHostTheme(host.theme);
    });
    return () => {
      live = false;
    };
  }, []);
  return { theme: themes[hostTheme], inTeams };
}
