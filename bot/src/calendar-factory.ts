import path from 'node:path';
import type { CalendarPort } from '#core/ports/calendar.js';
import type { MailPort } from '#core/ports/mail.js';
import type { AppConfig } from './config/config.js';
import { GraphCalendar } from './graph/graph-calendar.js';
import { GraphClient } from './graph/graph-client.js';
import { GraphMail } from './graph/graph-mail.js';
import { GraphTeamsApps, type TeamsAppInstaller } from './graph/graph-teams-apps.js';
import { MsalTokenProvider } from './graph/msal-token-provider.js';
import { IcsCalendar } from './ics/ics-calendar.js';
import { EmlMail } from './mail/eml-mail.js';

export interface Outlook {
  calendar: CalendarPort;
  mail: MailPort;
  /** Graph mode with the app's catalog id: installs the app for a rep the bot cannot reach yet. */
  teamsApps: TeamsAppInstaller | null;
}

/**
 * Outlook as the app reaches it: through Graph in production, with one client for calendar and
 * mail so that together they share each mailbox's four concurrent requests and its pacing; `.ics`
 * and `.eml` files in the local outbox otherwise.
 */
export function createOutlook(config: AppConfig, now: () => Date): Outlook {
  if (config.graph.mode === 'local') {
    return {
      calendar: new IcsCalendar({ dir: path.join(config.outboxDir, 'calendar'), now }),
      mail: new EmlMail(path.join(config.outboxDir, 'mail')),
      teamsApps: null,
    };
  }
  const { tenantId, clientId, clientSecret, baseUrl, authorityHost, mailboxRate } = config.graph;
  const tokens = new MsalTokenProvider({
    tenantId,
    clientId,
    credential: { clientSecret },
    authorityHost,
  });
  const client = new GraphClient({ tokens, baseUrl, mailboxRate });
  return {
    calendar: new GraphCalendar(client),
    mail: new GraphMail(client),
    teamsApps: config.teamsAppCatalogId
      ? new GraphTeamsApps(client, config.teamsAppCatalogId)
      : null,
  };
}

/** The calendar alone (the configuration test asks which one a configuration gives). */
export const createCalendar = (config: AppConfig, now: () => Date): CalendarPort =>
  createOutlook(config, now).calendar;
