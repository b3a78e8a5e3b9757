import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A one-to-one message to a person in Teams. */
export interface TeamsNotifier {
  /** false when the person cannot be reached (never talked to the bot): not an error to retry. */
  send(personId: string, text: string): Promise<boolean>;
}

/**
 * Local mode: each message is a JSON file under `<data>/outbox/teams/`, as the bot would send it,
 * so nothing leaves the machine and a test (or a person) can read what would have been said.
 */
export function localTeamsOutbox(dir: string, now: () => Date): TeamsNotifier {
  return {
    async send(personId, text) {
      await mkdir(dir, { recursive: true });
      const name = `${now().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.json`;
      const activity = { type: 'message', recipientPersonId: personId, text, textFormat: 'plain' };
      await writeFile(path.join(dir, `${name}.tmp`), `${JSON.stringify(activity, null, 2)}\n`, {
        mode: 0o600,
      });
      await rename(path.join(dir, `${name}.tmp`), path.join(dir, name));
      return true;
    },
  };
}
