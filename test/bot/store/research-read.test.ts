import type { Role } from '#core/contracts/api.js';
import type { ResearchDraft, ResearchSharing } from '#core/contracts/research.js';
import { openCaseInMeeting } from '#core/research/open-case-in-meeting.js';
import { readMeetingResearch } from '#core/research/read-meeting-research.js';
import { saveResearchDraft } from '#core/research/save-research-draft.js';
import { setResearchSettings } from '#core/research/research-settings.js';
import { submitResearch } from '#core/research/submit-research.js';
import { backends } from '../../support/backends.js';
import { refusal, researchWorld, type ResearchWorld } from './research-world.js';

/**
 * What each reader gets back of a meeting's research under each sharing setting, through the
 * read use case over the SQL store: the words only where the setting allows, never a draft of
 * another agency, nothing at all for a rep whose agency is not on the meeting. Invented text.
 */
const police: ResearchDraft = {
  knownToAgency: 'yes',
  currentInvolvement: 'Bail conditions for Ansel Drewe until January',
  historicalInvolvement: 'Three callouts to Fennick Row in 2025',
  recordsFlagged: true,
};

describe.each(backends())('reading research on $name', ({ open }) => {
  let w: ResearchWorld;
  let now: Date;
  const deps = () => w.deps(() => now);
  /** What the person reads of the police's research on the first case, and of the housing draft. */
  async function reads(personId: string, roles: Role[]) {
    const view = await readMeetingResearch(deps(), { meetingId: w.meetingId, personId, roles });
    const cell = (referralId: string, agencyId: string) =>
      view.cells.find((c) => c.referralId === referralId && c.agencyId === agencyId);
    return { view, cell };
  }
  const texts = (view: Awaited<ReturnType<typeof reads>>['view']) =>
    view.cells.filter((c) => c.response !== undefined).map((c) => [c.referralId, c.agencyId]);

  const setSharing = (sharing: ResearchSharing) =>
    setResearchSettings(deps(), {
      areaId: w.meeting.areaId,
      settings: { sharing, deputies: 'always', reminderDays: [1, 3] },
    });

  beforeAll(async () => {
    w = await researchWorld(open);
    now = new Date(w.deadline.getTime() - 60 * 60 * 1000);
    const [policeRep, housingRep] = w.on;
    for (const referralId of w.cases) {
      await submitResearch(deps(), {
        meetingId: w.meetingId,
        referralId,
        agencyId: policeRep!.agencyId,
        personId: policeRep!.core,
        response: police,
      });
    }
    await saveResearchDraft(deps(), {
      meetingId: w.meetingId,
      referralId: w.cases[0]!,
      agencyId: housingRep!.agencyId,
      personId: housingRep!.core,
      response: { currentInvolvement: 'Tenancy at Fennick Row, rent arrears' },
    });
  });
  afterAll(() => w.db.close());

  it('status-only (the default): only the agency itself reads its words', async () => {
    const coordinator = await reads(w.coordinatorId, ['coordinator']);
    expect(coordinator.view.sharing).toBe('status-only');
    expect(coordinator.view.cells).toHaveLength(w.cases.length * w.on.length);
    expect(texts(coordinator.view)).toEqual([]);
    expect(coordinator.cell(w.cases[0]!, w.on[0]!.agencyId)!.status).toBe('submitted');
    expect(coordinator.cell(w.cases[0]!, w.on[1]!.agencyId)!.status).toBe('draft');
    expect(coordinator.cell(w.cases[0]!, w.on[2]!.agencyId)!.status).toBe('not-sent');

    const policeRep = await reads(w.on[0]!.deputy, ['rep']);
    expect(policeRep.cell(w.cases[0]!, w.on[0]!.agencyId)!.response).toEqual(police);
    expect(policeRep.cell(w.cases[0]!, w.on[1]!.agencyId)!.response).toBeUndefined();

    expect((await refusal(reads(w.off.core, ['rep']))).code).toBe('FORBIDDEN');
  });

  it('before-meeting: the coordinator and chair read submitted research, never a draft', async () => {
    await setSharing('before-meeting');
    const readsBefore = await w.auditCount('research.read');
    for (const [personId, role] of [
      [w.coordinatorId, 'coordinator'],
      [w.chairId, 'chair'],
    ] as const) {
      const { view, cell } = await reads(personId, [role]);
      expect(texts(view)).toEqual(w.cases.map((c) => [c, w.on[0]!.agencyId]));
      expect(cell(w.cases[0]!, w.on[0]!.agencyId)!.response).toEqual(police);
    }
    expect(await w.auditCount('research.read')).toBe(readsBefore + 2 * w.cases.length);
    expect(await w.auditCount('area.research-settings')).toBe(1);
    expect((await w.repos().research.settings(w.meeting.areaId)).reminderDays).toEqual([3, 1]);
    expect(texts((await reads(w.on[1]!.core, ['rep'])).view)).toEqual([
      [w.cases[0], w.on[1]!.agencyId],
    ]);
  });

  it('at-meeting: sealed until the chair opens the case in the meeting, then that case only', async () => {
    await setSharing('at-meeting');
    expect(texts((await reads(w.coordinatorId, ['coordinator'])).view)).toEqual([]);
    const open = (personId: string) =>
      openCaseInMeeting(deps(), { meetingId: w.meetingId, referralId: w.cases[0]!, personId });

    expect((await refusal(open(w.chairId))).code).toBe('CONFLICT');
    now = w.meeting.startsAt;
    expect((await refusal(open(w.on[0]!.core))).code).toBe('FORBIDDEN');
    expect(await w.auditCount('research.open-case.refused')).toBe(2);
    await open(w.chairId);

    const coordinator = await reads(w.coordinatorId, ['coordinator']);
    expect(texts(coordinator.view)).toEqual([[w.cases[0], w.on[0]!.agencyId]]);
    expect(coordinator.cell(w.cases[0]!, w.on[2]!.agencyId)!.status).toBe('late');
    expect(texts((await reads(w.on[2]!.core, ['rep'])).view)).toEqual([]);
  });
});
