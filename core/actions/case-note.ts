import { defaultConfidentialityStatement } from '../agendas/confidentiality.js';
import type { CaseNote, OwnedAction } from '../contracts/action-api.js';
import { dateInWords } from '../shared/date-words.js';
import { deadlineInWords } from '../research/research-deadline.js';
import { requireActionOwner, type ActionActor } from './action-access.js';
import { ownedActionViews } from './owned-action-view.js';
import type { ActionDeps } from './update-action-outcome.js';

const STATUS_WORDS: Record<OwnedAction['status'], string> = {
  open: 'Open',
  ongoing: 'Ongoing',
  done: 'Done',
  'not-done': 'Not done (recorded at a review)',
  cannot: 'Cannot be done',
};

const OUTCOME_WORDS = { done: 'Done', update: 'New due date', cannot: 'Cannot be done' } as const;

/**
 * The "MARAC" case note an agency adds to its own case system (DOMAIN.md "Confidentiality
 * wording"): the meeting's date, a summary (the risk summary the meeting recorded), the
 * agency's actions on the case with what has happened to them, and the confidentiality
 * statement. Plain text, for pasting; no one else's research and no other agency's actions.
 */
export function caseNoteText(input: {
  reference: string;
  meetingDate: string;
  areaName: string;
  agencyName: string;
  riskSummary: string;
  actions: readonly OwnedAction[];
  statement: string;
}): string {
  const lines = [
    'MARAC case note',
    '',
    `Case reference: ${input.reference}`,
    `MARAC meeting: ${dateInWords(input.meetingDate, 'long')} (${input.areaName})`,
    `Agency: ${input.agencyName}`,
    '',
    'Summary',
    input.riskSummary.trim() || 'The meeting recorded no risk summary for this case.',
    '',
    `Actions for ${input.agencyName}`,
  ];
  input.actions.forEach((a, i) => {
    lines.push(`${i + 1}. ${a.what}`);
    if (a.ownerPerson) lines.push(`   Who: ${a.ownerPerson}`);
    lines.push(`   Risk it addresses: ${a.risk}`);
    lines.push(`   Due: ${deadlineInWords(new Date(a.dueAt))}`);
    if (a.feedbackBy) {
      lines.push(`   Feedback to MARAC by: ${dateInWords(a.feedbackBy, 'long')}`);
    }
    lines.push(`   Status: ${STATUS_WORDS[a.status]}`);
    for (const h of a.history) {
      lines.push(`   ${OUTCOME_WORDS[h.outcome]}, ${deadlineInWords(new Date(h.at))}: ${h.words}`);
    }
  });
  if (input.actions.length === 0) lines.push('No actions were agreed for this agency.');
  lines.push('', 'Confidentiality', input.statement);
  return lines.join('\n');
}

/**
 * The case note of the action's owner agency for the action's case, for a rep of that agency
 * or the area's coordinator (anyone else: no such action). Audited as a read of case data.
 */
export async function readCaseNote(
  deps: ActionDeps,
  input: ActionActor & { actionId: string },
): Promise<CaseNote> {
  return deps.uow.run(async (repos) => {
    const { action } = await requireActionOwner(repos, input, input.actionId);
    const meeting = await repos.meetings.get(action.meetingId);
    const area = await repos.areas.get(action.areaId);
    const meetingDate = meeting?.date ?? action.createdAt.toISOString().slice(0, 10);
    const agencyActions = (
      await repos.meetingActions.forMeeting(action.meetingId, action.referralId)
    ).filter((a) => a.ownerAgencyId === action.ownerAgencyId);
    const views = await ownedActionViews(
      repos,
      deps.clock.now(),
      agencyActions.map((a) => ({ action: a, meetingDate })),
    );
    const notes = await repos.meetingRun.notes(action.meetingId, action.referralId);
    const own = views.find((v) => v.id === action.id)!;
    await repos.audit.record('action.case-note-viewed', 'meeting_action', action.id);
    return {
      actionId: action.id,
      agencyName: own.ownerAgencyName,
      reference: own.reference,
      text: caseNoteText({
        reference: own.reference,
        meetingDate,
        areaName: area?.name ?? 'MARAC',
        agencyName: own.ownerAgencyName,
        riskSummary: notes.riskSummary,
        actions: views,
        statement: defaultConfidentialityStatement,
      }),
    };
  });
}
