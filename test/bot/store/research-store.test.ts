import { randomUUID } from 'node:crypto';
import type { ResearchDraft } from '#core/contracts/research.js';
import { markNothingKnown } from '#core/research/mark-nothing-known.js';
import { researchDeadline } from '#core/research/research-deadline.js';
import type { ResearchDeps } from '#core/research/research-deps.js';
import { saveResearchDraft } from '#core/research/save-research-draft.js';
import { submitResearch } from '#core/research/submit-research.js';
import type { DomainError } from '#core/shared/errors.js';
import type { AppCrypto } from '../../../bot/src/crypto/app-crypto.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { seedDemo } from '../../../bot/src/demo/seed-demo.js';
import { reposOver, sqlUnitOfWork } from '../../../bot/src/store/unit-of-work.js';
import { backends, testCrypto } from '../../support/backends.js';

/**
 * Research through its use cases over the SQL store: sealed at rest under the case's key, drafts
 * kept, the deadline and the meeting's list enforced, refusals audited with nothing written.
 * Every name and sentence here is invented.
 */
const SEEDED_AT = new Date('2026-11-30T09:00:00Z');

/** Words a rep types: none may be found in any row of any table. */
const TYPED = {
  current: 'Marisol Quenby attends the Larkfield drop-in every Thursday',
  historic: 'Callout to Quenby Cottage after a neighbour heard shouting',
  opinion: 'Worker feels Marisol is minimising the threats',
};

const complete: ResearchDraft = {
  knownToAgency: 'yes',
  currentInvolvement: TYPED.current,
  historicalInvolvement: TYPED.historic,
  professionalOpinion: TYPED.opinion,
  recordsFlagged: true,
};

describe.each(backends())('research store on $name', ({ open }) => {
  let db: Db;
  let crypto: AppCrypto;
  let now: Date;
  let deps: ResearchDeps;
  let meetingId: string;
  let deadline: Date;
  let cases: string[];
  let otherMeetingCase: string;
  /** Agencies on the meeting's list, with their reps, and one agency left off it. */
  let on: { agencyId: string; core: string; deputy: string }[];
  let off: { agencyId: string; core: string };

  const repos = () => reposOver(db, crypto);
  const researchRows = async () =>
    (
      await db.query<{ status: string; response: string | null }>(
        'SELECT status, response FROM research',
      )
    ).rows;
  const auditCount = async (action: string) =>
    (
      await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [
        action,
      ])
    ).rows[0]!.n;
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: DomainError) => error,
    );

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    crypto = await testCrypto(db);
    await seedDemo(db, crypto, () => SEEDED_AT, { referrals: true });
    const byMeeting = await db.query<{ meeting_id: string; ids: string[] }>(
      `SELECT meeting_id, array_agg(id::text ORDER BY reference) AS ids FROM referral
        WHERE status = 'accepted' GROUP BY meeting_id ORDER BY count(*) DESC`,
    );
    meetingId = byMeeting.rows[0]!.meeting_id;
    cases = byMeeting.rows[0]!.ids;
    otherMeetingCase = byMeeting.rows[1]!.ids[0]!;
    const meeting = (await repos().meetings.get(meetingId))!;
    const area = (await repos().areas.get(meeting.areaId))!;
    deadline = researchDeadline(meeting, area);
    const agencies = await db.query<{
      agency_id: string;
      core_rep_id: string;
      deputy_rep_id: string;
    }>(
      'SELECT agency_id, core_rep_id, deputy_rep_id FROM area_agency WHERE area_id = $1 ORDER BY agency_id',
      [area.id],
    );
    const rows = agencies.rows.map((r) => ({
      agencyId: r.agency_id,
      core: r.core_rep_id,
      deputy: r.deputy_rep_id,
    }));
    on = rows.slice(0, 3);
    off = rows[3]!;
    await repos().agendas.setMembers(meetingId, {
      agencyIds: on.map((a) => a.agencyId),
      chairIds: [],
      idvaIds: [],
    });
    now = new Date(deadline.getTime() - 60 * 60 * 1000);
    deps = {
      uow: sqlUnitOfWork(db, crypto),
      clock: { now: () => now },
      ids: { newId: randomUUID },
    };
  });
  afterAll(() => db.close());

  const write = (agency: { agencyId: string }, personId: string, referralId: string) => ({
    meetingId,
    referralId,
    agencyId: agency.agencyId,
    personId,
  });

  it('keeps a draft sealed under the case key: no typed word in any row of any table', async () => {
    const saved = await saveResearchDraft(deps, {
      ...write(on[0]!, on[0]!.core, cases[0]!),
      response: { currentInvolvement: TYPED.current, professionalOpinion: TYPED.opinion },
    });
    expect(saved.status).toBe('draft');
    const back = await repos().research.get(write(on[0]!, on[0]!.core, cases[0]!));
    expect(back!.response).toEqual({
      currentInvolvement: TYPED.current,
      professionalOpinion: TYPED.opinion,
    });
    expect((await researchRows()).every((r) => r.response?.startsWith('enc:v1:'))).toBe(true);

    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables.rows) {
      const dump = await db.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM "${table_name}" t`,
      );
      for (const { row } of dump.rows) {
        for (const word of ['Marisol', 'Quenby', 'Larkfield', 'minimising'])
          expect(row).not.toContain(word);
      }
    }
    expect(await auditCount('research.save-draft')).toBe(1);
  });

  it('refuses a submission with a required answer missing, and writes nothing', async () => {
    const error = await refusal(
      submitResearch(deps, {
        ...write(on[0]!, on[0]!.core, cases[0]!),
        response: { knownToAgency: 'yes' },
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details!.map((d) => d.path)).toEqual([
      'currentInvolvement',
      'historicalInvolvement',
      'recordsFlagged',
    ]);
    expect((await repos().research.get(write(on[0]!, on[0]!.core, cases[0]!)))!.status).toBe(
      'draft',
    );
  });

  it('submits, lets the deputy change it by submitting again, and keeps it from slipping back to a draft', async () => {
    const key = write(on[0]!, on[0]!.core, cases[0]!);
    await submitResearch(deps, { ...key, response: complete });
    const changed = await submitResearch(deps, {
      ...write(on[0]!, on[0]!.deputy, cases[0]!),
      response: { ...complete, risksIdentified: 'Threats by text message.' },
    });
    expect([changed.status, changed.submittedBy]).toEqual(['submitted', on[0]!.deputy]);
    const error = await refusal(saveResearchDraft(deps, { ...key, response: {} }));
    expect(error.code).toBe('CONFLICT');
    expect((await repos().research.get(key))!.response!.risksIdentified).toBe(
      'Threats by text message.',
    );
  });

  it('refuses research for more children than the case has on the agenda', async () => {
    const error = await refusal(
      saveResearchDraft(deps, {
        ...write(on[1]!, on[1]!.core, cases[0]!),
        response: { children: [{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}] },
      }),
    );
    expect([error.code, error.details![0]!.path]).toEqual(['VALIDATION_FAILED', 'children']);
  });

  it('marks nothing known only on the cases the agency has not answered', async () => {
    await saveResearchDraft(deps, {
      ...write(on[1]!, on[1]!.core, cases[1]!),
      response: { historicalInvolvement: TYPED.historic },
    });
    const result = await markNothingKnown(deps, {
      meetingId,
      agencyId: on[1]!.agencyId,
      personId: on[1]!.deputy,
    });
    expect(result).toEqual({ marked: cases.filter((c) => c !== cases[1]), kept: [cases[1]] });
    const cells = await repos().research.statuses(meetingId, on[1]!.agencyId);
    expect(Object.fromEntries(cells.map((c) => [c.referralId, c.status]))).toEqual(
      Object.fromEntries(cases.map((c) => [c, c === cases[1] ? 'draft' : 'nothing-known'])),
    );
    const again = await markNothingKnown(deps, {
      meetingId,
      agencyId: on[1]!.agencyId,
      personId: on[1]!.core,
    });
    expect(again.marked).toEqual([]);
  });

  it.each([
    ['a rep of an agency not on the meeting', () => write(off, off.core, cases[0]!), 'FORBIDDEN'],
    [
      'a rep answering for another agency on it',
      () => write(on[2]!, on[0]!.core, cases[0]!),
      'FORBIDDEN',
    ],
    ['a case of another meeting', () => write(on[2]!, on[2]!.core, otherMeetingCase), 'NOT_FOUND'],
  ])('refuses %s, audits it and writes nothing', async (_, input, code) => {
    const before = await researchRows();
    const refused = await auditCount('research.submit.refused');
    const error = await refusal(submitResearch(deps, { ...input(), response: complete }));
    expect(error.code).toBe(code);
    expect(await researchRows()).toEqual(before);
    expect(await auditCount('research.submit.refused')).toBe(refused + 1);
  });

  it('refuses nothing known from an agency not on the meeting, audited', async () => {
    const before = await researchRows();
    const error = await refusal(
      markNothingKnown(deps, { meetingId, agencyId: off.agencyId, personId: off.core }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(await researchRows()).toEqual(before);
    expect(await auditCount('research.nothing-known.refused')).toBe(1);
  });

  it('refuses any change after the deadline with a message naming it', async () => {
    const before = await researchRows();
    now = new Date(deadline.getTime() + 1000);
    try {
      const error = await refusal(
        submitResearch(deps, { ...write(on[2]!, on[2]!.core, cases[0]!), response: complete }),
      );
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(
        /^The research deadline was 17:00 on \w+day \d+ \w+ \d{4}: research/,
      );
      expect(await researchRows()).toEqual(before);
      expect(await auditCount('research.submit.refused')).toBe(4);
    } finally {
      now = new Date(deadline.getTime() - 60 * 60 * 1000);
    }
  });

  it('keeps the area sharing setting, status-only until set, and the cases the chair opened', async () => {
    const meeting = (await repos().meetings.get(meetingId))!;
    expect(await repos().research.sharing(meeting.areaId)).toBe('status-only');
    await repos().research.setSharing(meeting.areaId, 'at-meeting');
    expect(await repos().research.sharing(meeting.areaId)).toBe('at-meeting');
    const at = new Date('2026-12-15T10:30:00Z');
    await repos().research.openCase({
      meetingId,
      referralId: cases[0]!,
      openedBy: on[0]!.core,
      at,
    });
    await repos().research.openCase({
      meetingId,
      referralId: cases[0]!,
      openedBy: on[0]!.core,
      at,
    });
    expect(await repos().research.openedCases(meetingId)).toEqual(new Set([cases[0]]));
  });
});
