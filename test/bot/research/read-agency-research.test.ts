import { readAgencyResearch } from '#core/research/read-agency-research.js';
import { saveResearchDraft } from '#core/research/save-research-draft.js';
import { backends } from '../../support/backends.js';
import { refusal, researchWorld, type ResearchWorld } from '../store/research-world.js';

/**
 * A rep's own research form over the SQL store: who each case is about, the agency's own draft,
 * who changed it last; refused (and audited) for anyone who is not a rep of an agency on the list.
 */
describe.each(backends())('reading an agency research form on $name', ({ open }) => {
  let w: ResearchWorld;
  let now: Date;
  const deps = () => w.deps(() => now);

  beforeAll(async () => {
    w = await researchWorld(open);
    now = new Date(w.deadline.getTime() - 60 * 60 * 1000);
  });
  afterAll(() => w.db.close());

  it('gives the core rep and deputy the cases in agenda order, with the agency draft', async () => {
    const [police] = w.on;
    await saveResearchDraft(deps(), {
      meetingId: w.meetingId,
      referralId: w.cases[0]!,
      agencyId: police!.agencyId,
      personId: police!.deputy,
      response: { currentInvolvement: 'Callout to Quillon Yard, invented' },
    });
    const before = await w.auditCount('research.case-read');
    const form = await readAgencyResearch(deps(), {
      meetingId: w.meetingId,
      agencyId: police!.agencyId,
      personId: police!.core,
    });
    expect(form.open).toBe(true);
    expect(form.deadline).toBe(w.deadline.toISOString());
    expect(new Set(form.cases.map((c) => c.referralId))).toEqual(new Set(w.cases));
    const withChildren = form.cases.map((c) => c.subjects.children.length > 0);
    expect(withChildren).toEqual([...withChildren].sort((a, b) => Number(b) - Number(a)));
    const drafted = form.cases.find((c) => c.referralId === w.cases[0])!;
    expect(drafted.status).toBe('draft');
    expect(drafted.response?.currentInvolvement).toBe('Callout to Quillon Yard, invented');
    expect(drafted.lastChange?.by).toEqual(expect.any(String));
    expect(drafted.subjects.victim.name).toEqual(expect.any(String));
    expect(form.cases.filter((c) => c.referralId !== w.cases[0]).every((c) => !c.response)).toBe(
      true,
    );
    expect(await w.auditCount('research.case-read')).toBe(before + w.cases.length);

    now = new Date(w.deadline.getTime() + 1000);
    const late = await readAgencyResearch(deps(), {
      meetingId: w.meetingId,
      agencyId: police!.agencyId,
      personId: police!.deputy,
    });
    expect(late.open).toBe(false);
    expect(late.cases.find((c) => c.referralId === w.cases[1])!.status).toBe('late');
  });

  it('refuses a rep of another agency, or of an agency off the list, and audits it', async () => {
    const refusedBefore = await w.auditCount('research.agency-read.refused');
    const attempts = [
      { agencyId: w.on[0]!.agencyId, personId: w.on[1]!.core },
      { agencyId: w.off.agencyId, personId: w.off.core },
      { agencyId: w.on[0]!.agencyId, personId: w.coordinatorId },
    ];
    for (const attempt of attempts) {
      const error = await refusal(
        readAgencyResearch(deps(), { meetingId: w.meetingId, ...attempt }),
      );
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(await w.auditCount('research.agency-read.refused')).toBe(refusedBefore + 3);
  });
});
