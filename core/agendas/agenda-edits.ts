import type { SchedulingDeps } from '../scheduling/deps.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { comingMeetingOf, moveCase } from '../scheduling/move-cases.js';
import { DomainError } from '../shared/errors.js';
import { openAgendaMeeting } from './agenda-meeting.js';
import { buildAgenda } from './build-agenda.js';
import { draftAgenda } from './meeting-agenda.js';

/**
 * The coordinator's order of the cases. Groups stay as SafeLives sets them (cases with children
 * first), whatever the order says; the order must name each case of the meeting at most once.
 */
export async function setAgendaOrder(
  deps: SchedulingDeps,
  input: { meetingId: string; order: string[] },
): Promise<void> {
  const today = londonToday(deps.clock.now());
  await deps.uow.run(async (repos) => {
    const { meeting, area } = await openAgendaMeeting(repos, input.meetingId, today);
    const draft = await draftAgenda(repos, meeting, area);
    const cases = draft.sections.flatMap((s) =>
      s.kind === 'cases-with-children' || s.kind === 'adult-cases' ? s.cases : [],
    );
    buildAgenda({ cases, order: input.order }); // refuses an order naming another meeting's case
    await repos.agendas.setOrder(meeting.id, input.order);
    await repos.audit.record('agenda.order', 'meeting', meeting.id);
  });
}

/**
 * Brings an accepted case of the area onto this meeting after its referral deadline, with the
 * coordinator's reason, which the agenda prints. The case moves from the meeting it was on (its
 * referrer is told the new date, never the reason).
 */
export async function addLateCase(
  deps: SchedulingDeps,
  input: { meetingId: string; referralId: string; reason: string },
): Promise<void> {
  const today = londonToday(deps.clock.now());
  await deps.uow.run(async (repos) => {
    const { meeting, area } = await openAgendaMeeting(repos, input.meetingId, today);
    const referral = await repos.referrals.get(input.referralId);
    if (!referral || referral.areaId !== area.id) {
      throw new DomainError('VALIDATION_FAILED', 'Case: choose a case of this area.', [
        { path: 'body.referralId', message: 'Case: choose a case of this area.' },
      ]);
    }
    if (referral.status !== 'accepted' || !referral.meetingId) {
      throw new DomainError(
        'CONFLICT',
        `Case ${referral.reference} is not accepted yet. Accept the referral onto this meeting from the referrals list.`,
      );
    }
    if (referral.meetingId !== meeting.id) {
      const to = await comingMeetingOf(repos, {
        areaId: area.id,
        meetingId: meeting.id,
        today,
        field: 'meetingId',
        label: 'Meeting',
      });
      await moveCase(deps, repos, { referral, to, reason: input.reason });
    }
    await repos.agendas.addLateCase({
      meetingId: meeting.id,
      areaId: area.id,
      referralId: referral.id,
      reason: input.reason,
      at: deps.clock.now(),
    });
    await repos.audit.record('agenda.late-case', 'referral', referral.id);
  });
}
