import type { Role } from '#core/contracts/api.js';
import { setAttendance } from '#core/meeting-run/attendance.js';
import { seatOf } from '#core/meeting-run/meeting-seat.js';
import { loadMeetingSnapshot } from '#core/meeting-run/meeting-snapshot.js';
import { seatInSnapshot } from '#core/meeting-run/meeting-view.js';
import { backends } from '../../support/backends.js';
import { researchWorld, type ResearchWorld } from './research-world.js';

/**
 * The meeting run's store (issue #10) on PGlite and on a PostgreSQL server: what is written reads
 * back the same, what is said about a family is sealed under the case's key, and the snapshot's
 * register seats everyone as `seatOf` does.
 */
describe.each(backends())('meeting run store on $name', ({ open }) => {
  let w: ResearchWorld;
  const at = new Date('2026-12-15T10:00:00Z');

  beforeAll(async () => {
    w = await researchWorld(open);
  }, 120_000);
  afterAll(() => w.db.close());

  it('keeps the run, the register and the running order as written', async () => {
    const repos = w.repos();
    expect(await repos.meetingRun.run(w.meetingId)).toBeNull();
    const run = {
      meetingId: w.meetingId,
      state: 'in-progress' as const,
      startedAt: at,
      startedBy: w.chairId,
      currentReferralId: null,
      closedAt: null,
      closedBy: null,
      version: 1,
    };
    await repos.meetingRun.saveRun(run);
    const referrals = await Promise.all(
      w.cases.map(async (id) => (await repos.referrals.get(id))!),
    );
    await repos.meetingRun.insertCases(
      referrals.map((referral, i) => ({
        meetingId: w.meetingId,
        referralId: referral.id,
        caseId: referral.caseId,
        position: i + 1,
        reference: referral.reference,
        hasChildren: i === 0,
        state: 'waiting' as const,
        currentSince: null,
        secondsSpent: 0,
        deferredTo: null,
      })),
    );
    const cases = await repos.meetingRun.cases(w.meetingId);
    expect(cases.map((c) => c.referralId)).toEqual(w.cases);
    await repos.meetingRun.saveCase({ ...cases[0]!, state: 'current', currentSince: at });
    await repos.meetingRun.saveRun({ ...run, currentReferralId: w.cases[0]!, version: 2 });
    expect(await repos.meetingRun.run(w.meetingId)).toEqual({
      ...run,
      currentReferralId: w.cases[0],
      version: 2,
    });
    expect((await repos.meetingRun.cases(w.meetingId))[0]).toMatchObject({
      state: 'current',
      currentSince: at,
    });

    const line = {
      meetingId: w.meetingId,
      personId: w.on[0]!.core,
      seat: 'rep' as const,
      agencyId: w.on[0]!.agencyId,
      attendance: 'present' as const,
      infoSentInAdvance: true,
      confirmedAt: at,
      recordedBy: w.coordinatorId,
      updatedAt: at,
      version: 2,
    };
    await repos.meetingRun.saveAttendance(line);
    await repos.meetingRun.saveAttendance({ ...line, attendance: 'apologies', version: 3 });
    expect(await repos.meetingRun.attendanceOf(w.meetingId, line.personId)).toEqual({
      ...line,
      attendance: 'apologies',
      version: 3,
    });
    expect(await repos.meetingRun.attendance(w.meetingId)).toHaveLength(1);
  });

  it('seals the notes and the defer reason under the case key, and reads them back', async () => {
    const repos = w.repos();
    const referralId = w.cases[1]!;
    const [record] = (await repos.meetingRun.cases(w.meetingId)).filter(
      (c) => c.referralId === referralId,
    );
    expect(await repos.meetingRun.notes(w.meetingId, referralId)).toEqual({
      facts: '',
      opinion: '',
      riskSummary: '',
      version: 0,
      updatedBy: null,
      updatedAt: null,
    });
    const notes = {
      facts: 'Marrowby Lane incident on 3 December',
      opinion: 'The refuge worker fears escalation',
      riskSummary: 'High risk of serious harm',
      version: 1,
      updatedBy: w.chairId,
      updatedAt: at,
    };
    await repos.meetingRun.saveNotes(w.meetingId, referralId, record!.caseId, notes);
    expect(await repos.meetingRun.notes(w.meetingId, referralId)).toEqual(notes);
    await repos.meetingRun.setDeferReason({
      meetingId: w.meetingId,
      referralId,
      caseId: record!.caseId,
      reason: 'Marrowby report not ready',
    });
    expect(await repos.meetingRun.deferReason(w.meetingId, referralId)).toBe(
      'Marrowby report not ready',
    );
    expect(await repos.meetingRun.deferReason(w.meetingId, w.cases[0]!)).toBeNull();
    const stored = await w.db.query<{ notes: string; defer_reason: string }>(
      'SELECT notes, defer_reason FROM meeting_case WHERE meeting_id = $1 AND referral_id = $2',
      [w.meetingId, referralId],
    );
    for (const value of Object.values(stored.rows[0]!)) {
      expect(value).toMatch(/^enc:v1:/);
      expect(value).not.toContain('Marrowby');
    }
  });

  it('keeps the target minutes per case on the area, 12 until set', async () => {
    const repos = w.repos();
    expect(await repos.meetingRun.caseTargetMinutes(w.meeting.areaId)).toBe(12);
    await repos.meetingRun.setCaseTargetMinutes(w.meeting.areaId, 15);
    expect(await repos.meetingRun.caseTargetMinutes(w.meeting.areaId)).toBe(15);
  });

  it('names people, and finds those holding a role in the area', async () => {
    const repos = w.repos();
    const names = await repos.meetingRun.names([w.chairId, w.coordinatorId]);
    expect(names.size).toBe(2);
    expect([...names.values()].every((n) => n.length > 0)).toBe(true);
    expect(await repos.meetingRun.names([])).toEqual(new Map());
    const coordinators = await repos.meetingRun.areaPeople(w.meeting.areaId, 'coordinator');
    expect(coordinators.map((p) => p.id)).toContain(w.coordinatorId);
  });

  it('seats everyone in the snapshot as seatOf does, and no one off the meeting', async () => {
    const snapshot = (await loadMeetingSnapshot(w.repos(), w.meetingId))!;
    const people: [string, Role[]][] = [
      [w.chairId, ['chair']],
      [w.coordinatorId, ['coordinator']],
      [w.on[0]!.core, ['rep']],
      [w.on[1]!.deputy, ['rep']],
      [w.off.core, ['rep']],
    ];
    for (const [personId, roles] of people) {
      const viewer = { meetingId: w.meetingId, personId, roles };
      const fromStore = await seatOf(w.repos(), viewer);
      const fromSnapshot = seatInSnapshot(snapshot, viewer);
      expect([personId, fromSnapshot?.seat ?? null]).toEqual([personId, fromStore?.seat ?? null]);
      expect(fromSnapshot?.agencyIds ?? []).toEqual(fromStore?.agencyIds ?? []);
    }
    expect(seatInSnapshot(snapshot, { personId: w.off.core, roles: ['rep'] })).toBeNull();
    expect(snapshot.cases.map((c) => c.referralId)).toEqual(w.cases);
  });

  it('refuses the second of two people saving one line at once: nothing is lost silently', async () => {
    const deps = w.deps(() => at);
    const personId = w.on[1]!.core;
    const write = (attendance: 'present' | 'apologies') =>
      setAttendance(deps, {
        viewer: { meetingId: w.meetingId, personId: w.coordinatorId, roles: ['coordinator'] },
        personId,
        attendance,
        infoSentInAdvance: false,
        version: 1,
      });
    const results = await Promise.allSettled([write('present'), write('apologies')]);
    const saved = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect(await w.repos().meetingRun.attendanceOf(w.meetingId, personId)).toMatchObject({
      attendance: (saved[0] as PromiseFulfilledResult<{ attendance: string }>).value.attendance,
      version: 2,
    });
  });
});
