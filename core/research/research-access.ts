import type { AreaRecord, MeetingRecord, Repos } from '../ports/store.js';
import { auditingRefusals } from '../shared/audited-refusals.js';
import { DomainError, type ErrorCode } from '../shared/errors.js';
import { deadlineInWords, researchDeadline } from './research-deadline.js';
import type { ResearchAuthor, ResearchDeps } from './research-deps.js';

export interface OpenResearch {
  meeting: MeetingRecord;
  area: AreaRecord;
  deadline: Date;
  /** The cases on the meeting (accepted referrals), by referral id. */
  caseIds: string[];
}

/**
 * The meeting an agency's rep may write research for, at `now`: it exists and is not cancelled,
 * the person is the core rep or deputy of the agency and the agency is on the meeting's list,
 * and the research deadline has not passed. Refusals are DomainErrors; nothing is written.
 */
export async function openResearch(
  repos: Repos,
  input: ResearchAuthor & { meetingId: string },
  now: Date,
): Promise<OpenResearch> {
  const { meeting, area } = await requireAgencyRep(repos, input, 'give');
  if (meeting.status === 'cancelled') {
    throw new DomainError(
      'MEETING_CANCELLED',
      'This meeting is cancelled: its cases moved to another meeting. Give your research there.',
    );
  }
  const deadline = researchDeadline(meeting, area);
  if (now.getTime() > deadline.getTime()) {
    throw new DomainError(
      'CONFLICT',
      `The research deadline was ${deadlineInWords(deadline)}: research for this meeting can no longer be saved or changed. Share what you know with the coordinator or at the meeting.`,
    );
  }
  return { meeting, area, deadline, caseIds: await repos.meetings.caseIds(meeting.id) };
}

/**
 * The meeting, when the person is the core rep or deputy of the agency and the agency is on the
 * meeting's list; refused otherwise, whatever the deadline (reading stays open after it).
 */
export async function requireAgencyRep(
  repos: Repos,
  input: ResearchAuthor & { meetingId: string },
  verb: 'give' | 'read',
): Promise<{ meeting: MeetingRecord; area: AreaRecord }> {
  const meeting = await repos.meetings.get(input.meetingId);
  if (!meeting) throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting.');
  const area = (await repos.areas.get(meeting.areaId))!;
  const reps = await repos.agendas.recipients(meeting.id, area.id);
  if (!reps.some((r) => r.personId === input.personId && r.agencyId === input.agencyId)) {
    throw new DomainError(
      'FORBIDDEN',
      `Only the core rep or deputy of an agency on this meeting can ${verb} its research. If your agency should be on the meeting, ask the coordinator to add it.`,
    );
  }
  return { meeting, area };
}

/** The case must be on the meeting: a forged card naming another meeting's case is refused. */
export function requireCaseOnMeeting(open: OpenResearch, referralId: string): void {
  if (!open.caseIds.includes(referralId)) {
    throw new DomainError('NOT_FOUND', 'This case is not on this meeting\u2019s agenda.');
  }
}

const REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'FORBIDDEN',
  'NOT_FOUND',
  'MEETING_NOT_FOUND',
  'MEETING_CANCELLED',
  'CONFLICT',
]);

/**
 * Runs a research write; a refusal (not a rep on the list, a case of another meeting, a closed
 * deadline) rolls the write back and is audited in a transaction of its own, ids only.
 */
export async function auditedWrite<T>(
  deps: ResearchDeps,
  action: string,
  meetingId: string,
  work: () => Promise<T>,
): Promise<T> {
  return auditingRefusals(deps.uow, REFUSALS, { action, meetingId }, work);
}
