import { randomUUID } from 'node:crypto';
import type { MeetingRecord } from '#core/ports/store.js';
import { researchDeadline } from '#core/research/research-deadline.js';
import type { ResearchDeps } from '#core/research/research-deps.js';
import type { DomainError } from '#core/shared/errors.js';
import type { AppCrypto } from '../../../bot/src/crypto/app-crypto.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { seedDemo } from '../../../bot/src/demo/seed-demo.js';
import { reposOver, sqlUnitOfWork } from '../../../bot/src/store/unit-of-work.js';
import { testCrypto } from '../../support/backends.js';

const SEEDED_AT = new Date('2026-11-30T09:00:00Z');

export interface Rep {
  agencyId: string;
  core: string;
  deputy: string;
}

/**
 * The demo partnership with its referrals, and the meeting holding the most cases, with three
 * agencies and the area's first chair on its list and a fourth agency left off it.
 */
export async function researchWorld(open: () => Promise<Db>) {
  const db = await open();
  await migrate(db);
  const crypto: AppCrypto = await testCrypto(db);
  await seedDemo(db, crypto, () => SEEDED_AT, { referrals: true });
  const repos = () => reposOver(db, crypto);
  const byMeeting = await db.query<{ meeting_id: string; ids: string[] }>(
    `SELECT meeting_id, array_agg(id::text ORDER BY reference) AS ids FROM referral
      WHERE status = 'accepted' GROUP BY meeting_id ORDER BY count(*) DESC`,
  );
  const meeting: MeetingRecord = (await repos().meetings.get(byMeeting.rows[0]!.meeting_id))!;
  const area = (await repos().areas.get(meeting.areaId))!;
  const agencies = await db.query<{
    agency_id: string;
    core_rep_id: string;
    deputy_rep_id: string;
  }>(
    'SELECT agency_id, core_rep_id, deputy_rep_id FROM area_agency WHERE area_id = $1 ORDER BY agency_id',
    [area.id],
  );
  const reps: Rep[] = agencies.rows.map((r) => ({
    agencyId: r.agency_id,
    core: r.core_rep_id,
    deputy: r.deputy_rep_id,
  }));
  const roleHolder = async (role: string) =>
    (
      await db.query<{ person_id: string }>(
        'SELECT person_id FROM area_role WHERE area_id = $1 AND role = $2 ORDER BY person_id',
        [area.id, role],
      )
    ).rows[0]!.person_id;
  const chairId = await roleHolder('chair');
  const on = reps.slice(0, 3);
  await repos().agendas.setMembers(meeting.id, {
    agencyIds: on.map((a) => a.agencyId),
    chairIds: [chairId],
    idvaIds: [],
  });
  return {
    db,
    crypto,
    repos,
    meeting,
    meetingId: meeting.id,
    cases: byMeeting.rows[0]!.ids,
    otherMeetingCase: byMeeting.rows[1]!.ids[0]!,
    on,
    off: reps[3]!,
    chairId,
    coordinatorId: await roleHolder('coordinator'),
    deadline: researchDeadline(meeting, area),
    deps: (now: () => Date): ResearchDeps => ({
      uow: sqlUnitOfWork(db, crypto),
      clock: { now },
      ids: { newId: randomUUID },
    }),
    researchRows: async () =>
      (
        await db.query<{ status: string; response: string | null }>(
          'SELECT status, response FROM research',
        )
      ).rows,
    auditCount: async (action: string) =>
      (
        await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM audit_log WHERE action = $1',
          [action],
        )
      ).rows[0]!.n,
  };
}
export type ResearchWorld = Awaited<ReturnType<typeof researchWorld>>;

/** The DomainError a promise is refused with; fails the test if it is not refused. */
export const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: DomainError) => error,
  );
