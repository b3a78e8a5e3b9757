import type { SentReferralRecord } from '#core/ports/referrals.js';
import { cancelMeeting, moveMeeting } from '#core/scheduling/change-meeting.js';
import { meetingCases } from '#core/scheduling/meeting-cases.js';
import { moveReferral } from '#core/scheduling/move-referral.js';
import { acceptedCase, fakeStore, meeting } from './fake-repos.js';

// Today is Tue 1 Dec 2026 (the fake clock); meetings every other Tuesday.
const M1 = '00000000-0000-4000-8000-0000000e0001';
const M2 = '00000000-0000-4000-8000-0000000e0002';
const M3 = '00000000-0000-4000-8000-0000000e0003';
const M4 = '00000000-0000-4000-8000-0000000e0004';
const R1 = '00000000-0000-4000-8000-0000000f0001';
const R2 = '00000000-0000-4000-8000-0000000f0002';

function twoCasesOnTheFirstMeeting() {
  return fakeStore({
    meetings: [
      meeting(M1, '2026-12-15'),
      meeting(M2, '2026-12-29', 'cancelled'),
      meeting(M3, '2027-01-12'),
      meeting(M4, '2027-01-26'),
    ],
    referrals: [
      acceptedCase(R1, 'NBW-2026-0001', M1, 'Amelia Hart-Lowe'),
      acceptedCase(R2, 'NBW-2026-0002', M1, 'Bryony Castlewood'),
    ],
  });
}

describe('cancelling a meeting that has cases on it', () => {
  it('moves every case to the next meeting that is not cancelled, in the same change', async () => {
    const store = twoCasesOnTheFirstMeeting();
    const done = await cancelMeeting(store.deps, { meetingId: M1, reason: 'Chair unavailable' });
    expect(done).toMatchObject({
      casesMoved: 2,
      casesMovedTo: { id: M3 },
      meeting: { status: 'cancelled' },
    });
    const s = store.state();
    expect(s.referrals.map((r) => r.meetingId)).toEqual([M3, M3]);
    expect(s.moves.map((m) => [m.referralId, m.fromMeetingId, m.toMeetingId, m.reason])).toEqual([
      [R1, M1, M3, 'Chair unavailable'],
      [R2, M1, M3, 'Chair unavailable'],
    ]);
    expect(s.outbox.map((o) => o.job)).toEqual([
      {
        kind: 'calendar.cancel-occurrence',
        seriesId: expect.any(String),
        meetingId: M1,
        sequence: 1,
      },
      { kind: 'notify.referrer', referralId: R1, status: 'moved' },
      { kind: 'notify.referrer', referralId: R2, status: 'moved' },
    ]);
    expect(s.audit.map((a) => `${a.action} ${a.recordId}`)).toEqual([
      `meeting.cancel ${M1}`,
      `referral.move ${R1}`,
      `referral.move ${R2}`,
    ]);
  });

  it('moves them to the meeting the coordinator chose', async () => {
    const store = twoCasesOnTheFirstMeeting();
    await cancelMeeting(store.deps, {
      meetingId: M1,
      reason: 'Chair unavailable',
      moveCasesTo: M4,
    });
    expect(store.state().referrals.map((r) => r.meetingId)).toEqual([M4, M4]);
  });

  it.each([
    ['a cancelled meeting', M2],
    ['the meeting being cancelled', M1],
    ['a meeting that does not exist', '00000000-0000-4000-8000-0000000e0099'],
  ])('refuses %s as the new meeting and changes nothing', async (_what, target) => {
    const store = twoCasesOnTheFirstMeeting();
    const before = store.state();
    await expect(
      cancelMeeting(store.deps, {
        meetingId: M1,
        reason: 'Chair unavailable',
        moveCasesTo: target,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'moveCasesTo' }] });
    expect(store.state()).toBe(before);
  });

  it('refuses to cancel when no later meeting can take the cases', async () => {
    const store = fakeStore({
      meetings: [meeting(M1, '2026-12-15')],
      referrals: [acceptedCase(R1, 'NBW-2026-0001', M1, 'Amelia Hart-Lowe')],
    });
    await expect(
      cancelMeeting(store.deps, { meetingId: M1, reason: 'Chair unavailable' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/1 case and there is no later meeting.*Add an extra meeting/),
    });
    expect(store.state().meetings[0]!.status).toBe('scheduled');
  });

  it('cancels a meeting without cases as before', async () => {
    const store = fakeStore({ meetings: [meeting(M1, '2026-12-15')] });
    const done = await cancelMeeting(store.deps, { meetingId: M1, reason: 'Chair unavailable' });
    expect(done).toMatchObject({ casesMoved: 0, casesMovedTo: null });
    expect(store.state().moves).toEqual([]);
  });
});

describe('moving a meeting', () => {
  it('keeps its cases and tells each referrer the new date', async () => {
    const store = twoCasesOnTheFirstMeeting();
    await moveMeeting(store.deps, { meetingId: M1, date: '2026-12-16', reason: 'Room clash' });
    const s = store.state();
    expect(s.referrals.map((r) => r.meetingId)).toEqual([M1, M1]);
    expect(s.outbox.filter((o) => o.job.kind === 'notify.referrer').map((o) => o.job)).toEqual([
      { kind: 'notify.referrer', referralId: R1, status: 'moved' },
      { kind: 'notify.referrer', referralId: R2, status: 'moved' },
    ]);
  });
});

describe('moving one case to another meeting', () => {
  it('moves an accepted case, keeps the reason, audits it and tells the referrer', async () => {
    const store = twoCasesOnTheFirstMeeting();
    const moved = await moveReferral(store.deps, {
      referralId: R1,
      meetingId: M3,
      reason: 'Needs the housing rep',
    });
    expect(moved.meetingId).toBe(M3);
    const s = store.state();
    expect(s.referrals.find((r) => r.id === R2)!.meetingId).toBe(M1);
    expect(s.moves).toEqual([
      expect.objectContaining({ referralId: R1, fromMeetingId: M1, toMeetingId: M3 }),
    ]);
    expect(s.outbox.map((o) => o.job)).toEqual([
      { kind: 'notify.referrer', referralId: R1, status: 'moved' },
    ]);
    expect(s.audit.map((a) => a.action)).toEqual(['referral.move']);
  });

  it('writes nothing when asked again for the meeting the case is already on', async () => {
    const store = twoCasesOnTheFirstMeeting();
    await moveReferral(store.deps, {
      referralId: R1,
      meetingId: M3,
      reason: 'Needs the housing rep',
    });
    const once = store.state();
    await moveReferral(store.deps, {
      referralId: R1,
      meetingId: M3,
      reason: 'Needs the housing rep',
    });
    expect(store.state().moves).toHaveLength(1);
    expect(store.state().outbox).toEqual(once.outbox);
  });

  it('refuses a cancelled meeting, naming the field', async () => {
    const store = twoCasesOnTheFirstMeeting();
    await expect(
      moveReferral(store.deps, { referralId: R1, meetingId: M2, reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^Meeting to move the case to: choose a coming meeting/),
    });
  });

  it('moves only accepted cases', async () => {
    const store = twoCasesOnTheFirstMeeting();
    await store.deps.uow.run(async (repos) => {
      const r = (await repos.referrals.get(R1))! as SentReferralRecord;
      await repos.referrals.update({ ...r, status: 'declined' });
    });
    await expect(
      moveReferral(store.deps, { referralId: R1, meetingId: M3, reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

it("lists a meeting's cases with reference, band, referring agency and the victim's name", async () => {
  const store = twoCasesOnTheFirstMeeting();
  const cases = await store.deps.uow.run((repos) => meetingCases(repos, M1));
  expect(cases).toEqual([
    {
      referralId: R1,
      reference: 'NBW-2026-0001',
      band: 'high',
      referrerAgency: 'Riverside Police',
      victimName: 'Amelia Hart-Lowe',
    },
    {
      referralId: R2,
      reference: 'NBW-2026-0002',
      band: 'high',
      referrerAgency: 'Riverside Police',
      victimName: 'Bryony Castlewood',
    },
  ]);
});
