import type { ResearchDraft } from '#core/contracts/research.js';
import { markNothingKnown } from '#core/research/mark-nothing-known.js';
import type { ResearchDeps } from '#core/research/research-deps.js';
import { saveResearchDraft } from '#core/research/save-research-draft.js';
import { submitResearch } from '#core/research/submit-research.js';
import { backends } from '../../support/backends.js';
import { refusal, researchWorld, type ResearchWorld } from './research-world.js';

/**
 * Research through its use cases over the SQL store: sealed at rest under the case's key, drafts
 * kept, the deadline and the meeting's list enforced, refusals audited with nothing written.
 * Every name and sentence here is invented.
 */

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
  let w: ResearchWorld;
  let now: Date;
  let deps: ResearchDeps;
  let meetingId: string;
  let deadline: Date;
  let cases: string[];
  let on: ResearchWorld['on'];
  let off: ResearchWorld['off'];
  const repos = () => w.repos();
  const researchRows = () => w.researchRows();
  const auditCount = (action: string) => w.auditCount(action);

  beforeAll(async () => {
    w = await researchWorld(open);
    ({ meetingId, deadline, cases, on, off } = w);
    now = new Date(deadline.getTime() - 60 * 60 * 1000);
    deps = w.deps(() => now);
  });
  afterAll(() => w.db.close());

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

    const tables = await w.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables.rows) {
      const dump = await w.db.query<{ row: string }>(
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

  it('words a limit in the use case too, for a card that skipped the schema', async () => {
    const error = await refusal(
      saveResearchDraft(deps, {
        ...write(on[1]!, on[1]!.core, cases[0]!),
        response: { risksIdentified: 'x'.repeat(4001) },
      }),
    );
    expect(error.details).toEqual([
      { path: 'risksIdentified', message: 'use 4,000 characters or fewer' },
    ]);
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
    [
      'a case of another meeting',
      () => write(on[2]!, on[2]!.core, w.otherMeetingCase),
      'NOT_FOUND',
    ],
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

  it('still opens a response after its referral is merged into an earlier case', async () => {
    const key = write(on[0]!, on[0]!.core, cases[0]!);
    const before = (await repos().research.get(key))!.response;
    await w.db.query(
      'UPDATE referral SET case_id = (SELECT case_id FROM referral WHERE id = $2) WHERE id = $1',
      [cases[0], w.otherMeetingCase],
    );
    expect((await repos().research.get(key))!.response).toEqual(before);
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
