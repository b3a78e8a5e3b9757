import type { ReferralRecord, SentReferralRecord } from '../ports/referrals.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import type { LocalDate } from '../shared/local-date.js';
import type { SchedulingDeps } from './deps.js';

/**
 * The meeting a cancelled meeting's cases go to when the coordinator names none: the first one of
 * the area after it that is not cancelled. Referral deadlines do not apply: these cases were
 * already accepted and are only looking for a new date.
 */
export async function nextMeetingAfter(
  repos: Repos,
  meeting: MeetingRecord,
  today: LocalDate,
): Promise<MeetingRecord | null> {
  const from = meeting.date > today ? meeting.date : today;
  const later = await repos.meetings.listForArea(meeting.areaId, { from });
  return (
    later.find(
      (m) => m.id !== meeting.id && m.status !== 'cancelled' && m.startsAt > meeting.startsAt,
    ) ?? null
  );
}

/**
 * A meeting a case may be moved to: of the same area, coming (today or later), not cancelled.
 * `field` and `label` name the request field and its words, so the coordinator knows what to change.
 */
export async function comingMeetingOf(
  repos: Repos,
  input: { areaId: string; meetingId: string; today: LocalDate; field: string; label: string },
): Promise<MeetingRecord> {
  const meeting = await repos.meetings.get(input.meetingId);
  if (
    !meeting ||
    meeting.areaId !== input.areaId ||
    meeting.status === 'cancelled' ||
    meeting.date < input.today
  ) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${input.label}: choose a coming meeting of this area that is not cancelled.`,
      [{ path: input.field, message: 'must be a coming meeting of the area, not cancelled' }],
    );
  }
  return meeting;
}

/**
 * Puts one accepted case on another meeting inside the caller's transaction: the move is kept
 * with its reason, audited, and the referrer is told through the outbox (reference and the new
 * date only, never a name or the reason).
 */
export async function moveCase(
  deps: SchedulingDeps,
  repos: Repos,
  input: { referral: ReferralRecord; to: MeetingRecord; reason: string },
): Promise<ReferralRecord> {
  const { referral, to } = input;
  const moved: ReferralRecord = { ...referral, meetingId: to.id };
  await repos.referrals.update(moved);
  const moveId = deps.ids.newId();
  await repos.meetings.recordCaseMove({
    id: moveId,
    referralId: referral.id,
    caseId: referral.caseId,
    fromMeetingId: referral.meetingId!,
    toMeetingId: to.id,
    reason: input.reason,
    movedAt: deps.clock.now(),
  });
  await repos.outbox.enqueue(
    { kind: 'notify.referrer', referralId: referral.id, status: 'moved' },
    `notify:${referral.id}:moved:${moveId}`,
  );
  await repos.audit.record('referral.move', 'referral', referral.id);
  return moved;
}

/** The accepted referrals on a meeting, as records. */
export async function casesOn(repos: Repos, meetingId: string): Promise<SentReferralRecord[]> {
  const cases: SentReferralRecord[] = [];
  for (const id of await repos.meetings.caseIds(meetingId)) {
    const referral = await repos.referrals.get(id);
    // Only an accepted referral is on a meeting; a draft never is.
    if (referral && referral.status !== 'draft') cases.push(referral);
  }
  return cases;
}
