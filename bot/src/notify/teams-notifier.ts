import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AdaptiveCard } from '../cards/card-types.js';
import { CARD_CONTENT_TYPE } from '../cards/card-types.js';

/**
 * A card message: the card, and the words a notification or an old client shows instead of it.
 * The chat keeps both, so neither holds personal data (see DESIGN.md, "Cards carry no personal
 * data at rest").
 */
export interface CardMessage {
  card: AdaptiveCard;
  summary: string;
}

/** A one-to-one message to a person in Teams. */
export interface TeamsNotifier {
  /** false when the person cannot be reached (never talked to the bot): not an error to retry. */
  send(personId: string, text: string): Promise<boolean>;
  /** As `send`, with a card. */
  sendCard(personId: string, message: CardMessage): Promise<boolean>;
}

/** The activity a card message is, as the bot sends it. */
export const cardActivity = (message: CardMessage) => ({
  type: 'message' as const,
  summary: message.summary,
  attachments: [{ contentType: CARD_CONTENT_TYPE, content: message.card }],
});

/**
 * Local mode: each message is a JSON file under `<data>/outbox/teams/`, as the bot would send it,
 * so nothing leaves the machine and a test (or a person) can read what would have been said.
 */
export function localTeamsOutbox(dir: string, now: () => Date): TeamsNotifier {
  const write = async (activity: Record<string, unknown>) => {
    await mkdir(dir, { recursive: true });
    const name = `${now().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.json`;
    await writeFile(path.join(dir, `${name}.tmp`), `${JSON.stringify(activity, null, 2)}\n`, {
      mode: 0o600,
    });
    await rename(path.join(dir, `${name}.tmp`), path.join(dir, name));
    return true;
  };
  return {
    send: (personId, text) =>
      write({ type: 'message', recipientPersonId: personId, text, textFormat: 'plain' }),
    sendCard: (personId, message) =>
      write({ ...cardActivity(message), recipientPersonId: personId }),
  };
}
