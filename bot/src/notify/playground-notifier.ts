import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Queryable } from '../db/db.js';
import { Activity } from '@microsoft/agents-activity';
import { rememberedConversation, sendPaced } from './bot-notifier.js';
import { cardActivity, type TeamsNotifier } from './teams-notifier.js';
import { TeamsThrottledError, type TeamsPace } from './teams-pace.js';

/** The Playground runs on this machine; a reference to anywhere else is never sent to unsigned. */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/**
 * Local mode without bot credentials: every notice is written to the local outbox (the record),
 * and a person who has talked to the bot in the Microsoft 365 Agents Playground also gets it
 * there, through the Playground's own connector (the serviceUrl of their conversation), paced as
 * Teams would be. The Playground takes unsigned calls; a real Teams service would not, and is
 * never tried.
 */
export function localNotifier(options: {
  outbox: TeamsNotifier;
  db: Queryable;
  crypto: AppCrypto;
  adapter: CloudAdapter;
  log: Logger;
  pace: TeamsPace;
}): TeamsNotifier {
  // No app id: the adapter then calls the connector anonymously, as the Playground expects.
  const anonymous = { aud: '' } as Extract<
    Parameters<CloudAdapter['continueConversation']>[0],
    object
  >;
  /**
   * The Playground's copy; a 429 is passed on (the job waits), anything else only logged.
   * false when the person has no chat with the bot at all.
   */
  const toPlayground = async (personId: string, activity: string | Activity) => {
    const reference = await rememberedConversation(options.db, options.crypto, personId);
    if (!reference) return false;
    if (!isLoopbackUrl(reference.serviceUrl)) return true;
    try {
      await sendPaced({ ...options, botAppId: anonymous, reference, activity });
    } catch (error) {
      if (error instanceof TeamsThrottledError) throw error;
      // The Playground may simply not be running now; the outbox file is the record.
      options.log.warn({ err: { name: (error as Error).name } }, 'playground notice not sent');
    }
    return true;
  };
  return {
    async send(personId, text) {
      await toPlayground(personId, text);
      return options.outbox.send(personId, text);
    },
    // A card goes only where Teams could take it: to someone with a chat with the bot. Anyone
    // else is told another way (a research prompt becomes a link by mail), as in Teams.
    async sendCard(personId, message) {
      const card = Activity.fromObject(cardActivity(message));
      if (!(await toPlayground(personId, card))) return false;
      return options.outbox.sendCard(personId, message);
    },
  };
}
