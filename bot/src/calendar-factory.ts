import path from 'node:path';
import type { CalendarPort } from '#core/ports/calendar.js';
import type { AppConfig } from './config/config.js';
import { GraphCalendar } from './graph/graph-calendar.js';
import { GraphClient } from './graph/graph-client.js';
import { MsalTokenProvider } from './graph/msal-token-provider.js';
import { IcsCalendar } from './ics/ics-calendar.js';

/** Outlook through Graph in production; `.ics` files in the local outbox otherwise. */
export function createCalendar(config: AppConfig, now: () => Date): CalendarPort {
  if (config.graph.mode === 'local') {
    return new IcsCalendar({ dir: path.join(config.outboxDir, 'calendar'), now });
  }
  const { tenantId, clientId, clientSecret, baseUrl, authorityHost, mailboxRate } = config.graph;
  const tokens = new MsalTokenProvider({
    tenantId,
    clientId,
    credential: { clientSecret },
    authorityHost,
  });
  return new GraphCalendar(new GraphClient({ tokens, baseUrl, mailboxRate }));
}
