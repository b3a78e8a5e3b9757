import { randomUUID } from 'node:crypto';
import type { AppCrypto } from '../../bot/src/crypto/app-crypto.js';
import type { Db } from '../../bot/src/db/db.js';
import { saveConversation } from '../../bot/src/notify/bot-notifier.js';
import { upsertPerson } from '../../bot/src/store/sql-people.js';
import { acceptBenchCases } from './bench-partnership.js';

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
  const have = await db.query<{ n: string }>(
    'SELECT count(*)::text AS n FROM area_agency WHERE area_id = $1',
    [area.id],
  );
  for (let i = Number(have.rows[0]!.n); i < input.agencies; i += 1) {
    const id = randomUUID();
    await db.query('INSERT INTO agency (id, partnership_id, name, kind) VALUES ($1, $2, $3, $4)', [
      id,
      area.partnership_id,
      `Bench Agency ${i + 1}`,
      'other',
    ]);
    const [core, deputy] = await Promise.all(
      ['core', 'deputy'].map((role) =>
        upsertPerson(db, crypto, area.partnership_id, {
          name: `Bench ${role === 'core' ? 'Rep' : 'Deputy'} ${i + 1}`,
          email: `marac.${role}${i + 1}@agency${i + 1}.example`,
        }),
      ),
    );
    await db.query(
      `INSERT INTO area_agency (area_id, agency_id, core_rep_id, deputy_rep_id)
       VALUES ($1, $2, $3, $4)`,
      [area.id, id, core, deputy],
    );
  }
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
