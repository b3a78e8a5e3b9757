import type { ReferralRecord, SentReferralRecord } from '../ports/referrals.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { londonDateOf } from '../calendar/london-time.js';
import { meetingDeadlines } from '../meetings/schedule.js';
import { londonToday, workingCalendarFor } from '../scheduling/area-calendar.js';
import { DomainError } from '../shared/errors.js';
import { settingsOf } from './assess-referral.js';
import type { ReferralDeps } from './referral-deps.js';

export type AcceptOutcome =
  | { kind: 'accepted'; referral: ReferralRecord; meeting: MeetingRecord; overCapacity: boolean }
  | {
      kind: 'over-capacity';
      meeting: MeetingRecord;
      cases: number;
      capacity: number;
      nextMeeting: MeetingRecord | null;
    };

async function openReferral(repos: Repos, id: string): Promise<SentReferralRecord> {
  const referral = await sentReferral(repos, id);
  if (!['submitted', 'needs-information'].includes(referral.status)) {
    throw new DomainError(
      'CONFLICT',
      `This referral is ${referral.status}; only a submitted one can be decided.`,
    );
  }
  return referral;
}

/** A referral past its draft: a draft is its referrer's alone, so the coordinator never finds one. */
async function sentReferral(repos: Repos, id: string): Promise<SentReferralRecord> {
  const referral = await repos.referrals.get(id);
  if (!referral || referral.status === 'draft')
    throw new DomainError('NOT_FOUND', 'There is no such referral.');
  return referral;
}

/**
 * The next meeting a referral made on `referredOn` can go to: the first coming meeting of the
 * area, not cancelled, whose referral deadline is on or after the day the referral arrived.
 */
async function nextMeetingFor(
  repos: Repos,
  referral: ReferralRecord,
  today: string,
  after?: string,
) {
  const area = (await repos.areas.get(referral.areaId))!;
  const cal = workingCalendarFor(area);
  const meetings = await repos.meetings.listForArea(area.id, { from: after ?? today });
  const arrived = referral.submittedAt ? londonDateOf(referral.submittedAt) : today;
  return (
    meetings.find(
      (m) =>
        m.status !== 'cancelled' &&
        m.date > (after ?? '') &&
        meetingDeadlines(m.date, area.protocol, cal).referralDeadline >= arrived,
    ) ?? null
  );
}

/**
 * Accepts a referral onto a meeting: the next one it is in time for, or one the coordinator names
 * (a late urgent referral needs a reason). A full meeting is not filled silently: the coordinator
 * is told and offered the next one, and can confirm the full one.
 */
export async function acceptReferral(
  deps: ReferralDeps,
  input: {
    referralId: string;
    meetingId?: string | undefined;
    lateReason?: string | undefined;
    confirmOverCapacity?: boolean | undefined;
  },
): Promise<AcceptOutcome> {
  const today = londonToday(deps.clock.now());
  return deps.uow.run(async (repos) => {
    const referral = await openReferral(repos, input.referralId);
    const area = (await repos.areas.get(referral.areaId))!;
    const inTime = await nextMeetingFor(repos, referral, today);
    let meeting = inTime;
    if (input.meetingId) {
      const named = await repos.meetings.get(input.meetingId);
      if (
        !named ||
        named.areaId !== area.id ||
        named.status === 'cancelled' ||
        named.date < today
      ) {
        throw new DomainError('VALIDATION_FAILED', 'Choose a coming meeting of this area.', [
          { path: 'meetingId', message: 'not a coming meeting of the area' },
        ]);
      }
      if (inTime && named.date < inTime.date && !input.lateReason) {
        throw new DomainError(
          'VALIDATION_FAILED',
          "This meeting's referral deadline has passed: give the reason for adding a late urgent referral.",
          [
            {
              path: 'lateReason',
              message: 'required for a meeting whose referral deadline has passed',
            },
          ],
        );
      }
      meeting = named;
    }
    if (!meeting)
      throw new DomainError(
        'CONFLICT',
        'The area has no coming meeting to put this referral on. Extend the series first.',
      );
    const cases = await repos.referrals.countOnMeeting(meeting.id);
    const capacity = settingsOf(area).capacityPerMeeting;
    if (cases >= capacity && !input.confirmOverCapacity) {
      return {
        kind: 'over-capacity',
        meeting,
        cases,
        capacity,
        nextMeeting: await nextMeetingFor(repos, referral, today, meeting.date),
      };
    }
    const accepted: SentReferralRecord = {
      ...referral,
      status: 'accepted',
      meetingId: meeting.id,
      decidedAt: deps.clock.now(),
    };
    await repos.referrals.update(accepted);
    await repos.referrals.touchCase(referral.caseId, referral.referredOn);
    await repos.outbox.enqueue(
      { kind: 'notify.referrer', referralId: referral.id, status: 'accepted' },
      `notify:${referral.id}:accepted`,
    );
    await repos.audit.record(
      input.lateReason ? 'referral.accept-late' : 'referral.accept',
      'referral',
      referral.id,
    );
    return { kind: 'accepted', referral: accepted, meeting, overCapacity: cases >= capacity };
  });
}

/** Asks the referrer for more, or declines with a reason; the referrer is told in Teams. */
export async function decideReferral(
  deps: ReferralDeps,
  input: { referralId: string; decision: 'needs-information' | 'declined'; note: string },
): Promise<ReferralRecord> {
  return deps.uow.run(async (repos) => {
    const referral = await openReferral(repos, input.referralId);
    const decided: SentReferralRecord = {
      ...referral,
      status: input.decision,
      decisionNote: input.note,
      decidedAt: deps.clock.now(),
    };
    await repos.referrals.update(decided);
    const key = `notify:${referral.id}:${input.decision}:${deps.ids.newId()}`;
    await repos.outbox.enqueue(
      { kind: 'notify.referrer', referralId: referral.id, status: input.decision },
      key,
    );
    await repos.audit.record(`referral.${input.decision}`, 'referral', referral.id);
    return decided;
  });
}

/** The coordinator's call on a possible duplicate: merge into the earlier referral, or dismiss. */
export async function resolveDuplicate(
  deps: ReferralDeps,
  input: { referralId: string; candidateId: string; decision: 'merged' | 'dismissed'; by: string },
): Promise<ReferralRecord> {
  return deps.uow.run(async (repos) => {
    const referral = await sentReferral(repos, input.referralId);
    if (
      !(await repos.referrals.decideCandidate(
        referral.id,
        input.candidateId,
        input.decision,
        input.by,
      ))
    ) {
      throw new DomainError(
        'NOT_FOUND',
        'That is not an open duplicate candidate of this referral.',
      );
    }
    let result = referral;
    if (input.decision === 'merged') {
      const earlier = (await repos.referrals.get(input.candidateId))!;
      result = {
        ...referral,
        status: 'merged',
        caseId: earlier.caseId,
        decidedAt: deps.clock.now(),
      };
      await repos.referrals.update(result);
    }
    await repos.audit.record(`referral.duplicate-${input.decision}`, 'referral', referral.id);
    return result;
  });
}

/** Records how the case links to MAPPA, which leads for a level 2 or 3 perpetrator. */
export async function recordMappaLink(
  deps: ReferralDeps,
  input: { referralId: string; note: string },
): Promise<ReferralRecord> {
  return deps.uow.run(async (repos) => {
    const referral = await sentReferral(repos, input.referralId);
    if (!referral.mappaLead)
      throw new DomainError(
        'CONFLICT',
        'No perpetrator in this referral is managed at MAPPA level 2 or 3.',
      );
    const linked = { ...referral, mappaLinkNote: input.note };
    await repos.referrals.update(linked);
    await repos.audit.record('referral.mappa-link', 'referral', referral.id);
    return linked;
  });
}
