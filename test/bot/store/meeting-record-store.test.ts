import { londonDateOf } from '#core/calendar/london-time.js';
import { recordAction } from '#core/meeting-run/record-action.js';
import { saveCaseNotes } from '#core/meeting-run/save-case-notes.js';
import { updateAction } from '#core/meeting-run/update-action.js';
import type { MeetingViewer } from '#core/meeting-run/meeting-seat.js';
import { addDays } from '#core/shared/local-date.js';
import { isDomainError } from '#core/shared/errors.js';
import { backends } from '../../support/backends.js';
import { researchWorld, type ResearchWorld } from './research-world.js';

/**
 * Two people saving one record of a meeting at the same moment, from the same version, through
 * the use cases over the SQL store: on a PostgreSQL server the two transactions really overlap.
 * Exactly one is saved; the other is told (409) and overwrites nothing. Every word is invented.
 */
describe.each(backends())('versioned meeting writes on $name', ({ open }) => {
  let w: ResearchWorld;
  let now: Date;
  let referralId: string;
  let chair: MeetingViewer;
  let coordinator: MeetingViewer;
  const deps = () => w.deps(() => now);

  /** Runs both at once; returns what each came to: its answer, or the refusal's code. */
  async function race<T>(a: () => Promise<T>, b: () => Promise<T>) {
    const settled = await Promise.allSettled([a(), b()]);
    return settled.map((s) =>
      s.status === 'fulfilled'
        ? { ok: s.value }
        : { refused: isDomainError(s.reason) ? s.reason.code : String(s.reason) },
    );
  }

  beforeAll(async () => {
    w = await researchWorld(open);
    now = new Date(w.meeting.startsAt.getTime() + 10 * 60_000);
    referralId = w.cases[0]!;
    const referral = (
      await w.db.query<{ case_id: string; reference: string }>(
        'SELECT case_id, reference FROM referral WHERE id = $1',
        [referralId],
      )
    ).rows[0]!;
    const repos = w.repos();
    await repos.meetingRun.saveRun({
      meetingId: w.meetingId,
      state: 'in-progress',
      startedAt: now,
      startedBy: w.chairId,
      currentReferralId: null,
      closedAt: null,
      closedBy: null,
      version: 1,
    });
    await repos.meetingRun.insertCases([
      {
        meetingId: w.meetingId,
        referralId,
        caseId: referral.case_id,
        position: 0,
        reference: referral.reference,
        hasChildren: false,
        state: 'waiting',
        currentSince: null,
        secondsSpent: 0,
        deferredTo: null,
      },
    ]);
    for (const [personId, seat] of [
      [w.chairId, 'chair'],
      [w.coordinatorId, 'coordinator'],
    ] as const) {
      await repos.meetingRun.saveAttendance({
        meetingId: w.meetingId,
        personId,
        seat,
        agencyId: null,
        attendance: 'present',
        infoSentInAdvance: false,
        confirmedAt: now,
        recordedBy: personId,
        updatedAt: now,
        version: 1,
      });
    }
    chair = { meetingId: w.meetingId, personId: w.chairId, roles: ['chair'] };
    coordinator = { meetingId: w.meetingId, personId: w.coordinatorId, roles: ['coordinator'] };
  });
  afterAll(() => w.db.close());

  it('saves one of two notes written from one version, and refuses the other', async () => {
    const notes = (facts: string) => ({ facts, opinion: '', riskSummary: '', version: 0 });
    const results = await race(
      () => saveCaseNotes(deps(), { ...chair, referralId, notes: notes('Saw the bruising') }),
      () => saveCaseNotes(deps(), { ...coordinator, referralId, notes: notes('Nothing seen') }),
    );
    expect(results.filter((r) => 'ok' in r)).toHaveLength(1);
    expect(results.filter((r) => 'refused' in r)).toEqual([{ refused: 'VERSION_CONFLICT' }]);
    const winner = results.find((r) => 'ok' in r)!.ok!;
    const stored = await w.repos().meetingRun.notes(w.meetingId, referralId);
    expect(stored).toMatchObject({ facts: winner.facts, version: 1 });
  });

  it('saves one of two changes to an action from one version, and refuses the other', async () => {
    const body = (what: string) => ({
      ownerAgencyId: w.on[0]!.agencyId,
      ownerPerson: null,
      what,
      dueDate: addDays(londonDateOf(now), 3),
      dueTime: '10:00',
      risk: 'Further harm',
      urgent: null,
    });
    const agreed = await recordAction(deps(), {
      ...chair,
      referralId,
      action: body('Refer to housing'),
    });
    const results = await race(
      () =>
        updateAction(deps(), {
          ...chair,
          actionId: agreed.id,
          action: { ...body('Refer to housing today'), version: 1 },
        }),
      () =>
        updateAction(deps(), {
          ...coordinator,
          actionId: agreed.id,
          action: { ...body('Refer to housing next week'), version: 1 },
        }),
    );
    expect(results.filter((r) => 'refused' in r)).toEqual([{ refused: 'VERSION_CONFLICT' }]);
    const winner = results.find((r) => 'ok' in r)!.ok!;
    expect(await w.repos().meetingActions.get(agreed.id)).toMatchObject({
      what: winner.what,
      version: 2,
    });
  });
});
