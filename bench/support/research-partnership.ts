import type { AppCrypto } from '../../bot/src/crypto/app-crypto.js';
import type { Db } from '../../bot/src/db/db.js';
import { saveConversation } from '../../bot/src/notify/bot-notifier.js';
import { acceptBenchCases, growAreaWithReps } from './bench-partnership.js';

/*
 * The research fan-out benchmark's partnership, on the demo partnership the app seeded: its
 * fortnightly area grown to `agencies` agencies, each with a core rep and a deputy (the added
 * ones copy by link, the default), `cases` invented cases accepted onto its next meeting through
 * the referral use cases (their notices sent first), and then every rep of the area remembered as having a one-to-one chat with
 * the bot at `serviceUrl`, one conversation each, all in one tenant. Every person is invented.
 */

export const BENCH_TENANT = '7f3e2c1a-0000-4000-8000-00000000be7c';

export interface ResearchMeeting {
  areaId: string;
  meetingId: string;
  /** Conversation id per rep (person id), for every rep of the area. */
  conversations: Map<string, string>;
}

export async function researchPartnership(
  db: Db,
  crypto: AppCrypto,
  input: {
    agencies: number;
    cases: number;
    serviceUrl: string;
    now: Date;
    drainOutbox: () => Promise<void>;
  },
): Promise<ResearchMeeting> {
  const area = (
    await db.query<{ id: string; partnership_id: string }>(
      `SELECT id, partnership_id FROM area WHERE name = 'Northbrook and Wellfield'`,
    )
  ).rows[0]!;
  await growAreaWithReps(db, crypto, area, input.agencies);
  const meetingId = await acceptBenchCases(db, crypto, {
    areaId: area.id,
    cases: input.cases,
    now: input.now,
  });
  // The referrer's notices of those cases go out now, before anyone has a chat to receive them,
  // so that nothing but the publication's messages reaches the connector in the timed run.
  await input.drainOutbox();
  const reps = await db.query<{ person_id: string }>(
    `SELECT rep AS person_id FROM area_agency, LATERAL (VALUES (core_rep_id), (deputy_rep_id)) AS r (rep)
      WHERE area_id = $1 AND rep IS NOT NULL ORDER BY rep`,
    [area.id],
  );
  const conversations = new Map<string, string>();
  for (const [n, { person_id: personId }] of reps.rows.entries()) {
    const conversationId = `a:bench-chat-${n + 1}`;
    conversations.set(personId, conversationId);
    await saveConversation(db, crypto, personId, {
      serviceUrl: input.serviceUrl,
      channelId: 'msteams',
      conversation: {
        id: conversationId,
        conversationType: 'personal',
        isGroup: false,
        tenantId: BENCH_TENANT,
      },
      agent: { id: '28:7d3c1b2a-0000-4000-8000-00000000b0b0', name: 'MARAC' },
      user: { id: `29:bench-user-${n + 1}`, name: `Bench user ${n + 1}` },
    });
  }
  return { areaId: area.id, meetingId, conversations };
}
