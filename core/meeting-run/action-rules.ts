import { URGENT_ACTION_MAX_HOURS, type UrgentKind } from '../contracts/meeting-api.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { londonInstant } from '../calendar/london-time.js';
import { deadlineInWords } from '../research/research-deadline.js';
import { DomainError } from '../shared/errors.js';
import type { LocalDate } from '../shared/local-date.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * When an action is due: the London date and time given at the meeting as an instant. It must
 * be after now; an urgent child safeguarding decision (a referral to children's services now, a
 * strategy discussion) must be due within hours, not at the next convenient date.
 */
export function actionDueAt(
  due: { dueDate: LocalDate; dueTime: string; urgent: UrgentKind | null },
  now: Date,
  before?: { dueAt: Date; urgent: UrgentKind | null },
): Date {
  const dueAt = londonInstant(due.dueDate, due.dueTime);
  // A change that keeps the due time and urgency (new words, a correction after the meeting)
  // is not refused because that time has since come closer or passed.
  if (before && before.dueAt.getTime() === dueAt.getTime() && before.urgent === due.urgent) {
    return dueAt;
  }
  if (dueAt.getTime() <= now.getTime()) {
    throw new DomainError('VALIDATION_FAILED', 'The action would be due before now.', [
      { path: 'dueDate', message: 'Due date and time: choose a time after now' },
    ]);
  }
  const latest = new Date(now.getTime() + URGENT_ACTION_MAX_HOURS * HOUR_MS);
  if (due.urgent && dueAt.getTime() > latest.getTime()) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `An urgent child safeguarding action is due within ${URGENT_ACTION_MAX_HOURS} hours.`,
      [
        {
          path: 'dueDate',
          message: `Due date and time: choose a time by ${deadlineInWords(latest)}`,
        },
      ],
    );
  }
  return dueAt;
}

/**
 * The agency that owns an action must be on the meeting's list: an action is agreed with an
 * agency at the table (or that sent its information), not handed to one that is not there.
 */
export async function requireOwnerAgency(
  repos: Repos,
  meeting: MeetingRecord,
  agencyId: string,
): Promise<void> {
  const { agencyIds } = await repos.agendas.members(meeting.id, meeting.areaId);
  if (agencyIds.includes(agencyId)) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    'The owner of an action is an agency on this meeting.',
    [
      {
        path: 'ownerAgencyId',
        message: 'Owner agency: choose an agency on this meeting\u2019s list',
      },
    ],
  );
}
