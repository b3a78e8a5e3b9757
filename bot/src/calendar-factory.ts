import path from 'node:path';
import type { CalendarPort } from '#core/ports/calendar.js';
import type { MailPort } from '#core/ports/mail.js';
import type { AppConfig } from './config/config.js';
import { GraphCalendar } from './graph/graph-calendar.js';
import { GraphClient } from './graph/graph-client.js';
import { GraphMail } from './graph/graph-mail.js';
import { MsalTokenProvider } from './graph/msal-token-provider.js';
import { IcsCalendar } from './ics/ics-calendar.js';
import { EmlMail } from './mail/eml-mail.js';

let shared: { config: AppConfig; client: GraphClient } | null = null;

/**
 * One Graph client per configuration: calendar and mail calls to a mailbox share its limiter, so
 * together they stay within Outlook's four concurrent requests per mailbox.
 */
function graphClientFor(config: AppConfig): GraphClient {
  if (config.graph.mode === 'local') throw new Error('no Graph client in local mode');
  if (shared?.config === config) return shared.client;
  const { tenantId, clientId, clientSecret, baseUrl, authorityHost, mailboxRate } = config.graph;
  const tokens = new MsalTokenProvider({
    tenantId,
    clientId,
    credential: { clientSecret },
    authorityHost,
  });
  shared = { config, client: new GraphClient({ tokens, baseUrl, mailboxRate }) };
  return shared.client;
}

/** Outlook through Graph in production; `.ics` files in the local outbox otherwise. */
export function createCalendar(config: AppConfig, now: () => Date): CalendarPort {
  if (config.graph.mode === 'local') {
    return new IcsCalendar({ dir: path.join(config.outboxDir, 'calendar'), now });
  }
  return new GraphCalendar(graphClientFor(config));
}

/** Graph `sendMail` from the area's mailbox in production; `.eml` files in the local outbox otherwise. */
export function createMail(config: AppConfig): MailPort {
  if (config.graph.mode === 'local') return new EmlMail(path.join(config.outboxDir, 'mail'));
  return new GraphMail(graphClientFor(config));
}
