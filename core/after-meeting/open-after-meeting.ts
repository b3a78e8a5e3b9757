import { defaultConfidentialityStatement } from '../agendas/confidentiality.js';
import { londonInstant } from '../calendar/london-time.js';
import type { AgencyCopy, MeetingDocumentRecord } from '../ports/meeting-documents.js';
import type { IdGenerator, MeetingRecord, Repos } from '../ports/store.js';
import { workingCalendarFor } from '../scheduling/area-calendar.js';
import type { LocalDate } from '../shared/local-date.js';
import { buildActionPlan, planAgencies } from './action-plan.js';
import { draftMinutes, type MinutesAttendee, type MinutesCase } from './minutes-draft.js';

/**
 * What the close of a meeting opens, in the close's own transaction (issue #11): the action plan,
 * with one delivery row per agency that owns an action (sent at once, in the agency's mode, exactly
 * once), due the protocol's `actionPlanHours` after the close, and the minutes' first draft, due
 * the protocol's `minutesWorkingDays` working days after the meeting.
 */
export async function openAfterMeeting(
  repos: Repos,
  deps: { ids: IdGenerator },
  input: { meeting: MeetingRecord; startedAt: Date; closedAt: Date; closedBy: string | null },
): Promise<void> {
  const { meeting, closedAt } = input;
  const area = (await repos.areas.get(meeting.areaId))!;
  const agencies = await repos.areas.agencies(area.id);
  const agencyNames = new Map(agencies.map((a) => [a.id, a.name]));
  const cases = await repos.meetingRun.cases(meeting.id);
  const actions = await repos.meetingActions.forMeeting(meeting.id);
  const plan = buildActionPlan({ cases, actions, agencyNames });
  const stamp = { createdAt: closedAt, updatedAt: closedAt, updatedBy: input.closedBy };

  const planDocument: MeetingDocumentRecord<'action-plan'> = {
    id: deps.ids.newId(),
    meetingId: meeting.id,
    areaId: area.id,
    kind: 'action-plan',
    number: 1,
    // Produced, not drafted: it is the record of the actions, sent as it stands.
    state: 'circulated',
    content: { cases: plan },
    version: 1,
    dueAt: new Date(closedAt.getTime() + area.protocol.actionPlanHours * 3600_000),
    ...stamp,
    approvedAt: closedAt,
    approvedBy: input.closedBy,
    circulatedAt: closedAt,
    circulatedBy: input.closedBy,
  };
  await repos.meetingDocuments.insert(planDocument);
  await queueCopies(repos, planDocument, area.mailbox, planAgencies(plan));
  await repos.audit.record('action-plan.produce', 'meeting', meeting.id);

  // The minutes' draft, from the record.
  const attendance = await repos.meetingRun.attendance(meeting.id);
  const names = await repos.meetingRun.names(attendance.map((a) => a.personId));
  const attendees: MinutesAttendee[] = attendance
    .map((a) => ({
      name: names.get(a.personId) ?? 'A person no longer listed',
      seat: a.seat,
      agency: a.agencyId ? (agencyNames.get(a.agencyId) ?? null) : null,
      attendance: a.attendance,
      confirmedAt: a.confirmedAt,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const minutesCases: MinutesCase[] = [];
  for (const c of [...cases].sort((a, b) => a.position - b.position)) {
    const notes = await repos.meetingRun.notes(meeting.id, c.referralId);
    const deferredTo = c.deferredTo ? await repos.meetings.get(c.deferredTo) : null;
    minutesCases.push({
      reference: c.reference,
      state: c.state,
      notes,
      actions: actions
        .filter((a) => a.referralId === c.referralId)
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
        .map((a) => ({
          what: a.what,
          ownerAgencyId: a.ownerAgencyId,
          ownerAgency: agencyNames.get(a.ownerAgencyId) ?? 'An agency no longer listed',
          ownerPerson: a.ownerPerson,
          dueAt: a.dueAt.toISOString(),
          urgent: a.urgent,
          risk: a.risk,
        })),
      deferReason:
        c.state === 'deferred'
          ? await repos.meetingRun.deferReason(meeting.id, c.referralId)
          : null,
      deferredTo: deferredTo?.date ?? null,
    });
  }
  const sections = draftMinutes({
    areaName: area.name,
    meetingDate: meeting.date,
    startedAt: input.startedAt,
    closedAt,
    confidentialityStatement: defaultConfidentialityStatement,
    attendance: attendees,
    cases: minutesCases,
  });
  const dueOn = workingCalendarFor(area).addWorkingDays(
    meeting.date,
    area.protocol.minutesWorkingDays,
  );
  await repos.meetingDocuments.insert({
    id: deps.ids.newId(),
    meetingId: meeting.id,
    areaId: area.id,
    kind: 'minutes',
    number: 1,
    state: 'draft',
    content: { sections },
    version: 1,
    dueAt: endOfLondonDay(dueOn),
    ...stamp,
    approvedAt: null,
    approvedBy: null,
    circulatedAt: null,
    circulatedBy: null,
  });
  await repos.audit.record('minutes.draft', 'meeting', meeting.id);
}

/** The last minute of a London day: a document due "on" a date may go out until then. */
export const endOfLondonDay = (date: LocalDate): Date => londonInstant(date, '23:59');

/**
 * One copy per agency with a rep on the meeting, in the agency's mode now; a password copy's
 * password goes to each of the agency's reps by the bot, never with the mail.
 */
export async function queueCopies(
  repos: Repos,
  document: Pick<MeetingDocumentRecord, 'id' | 'kind' | 'areaId' | 'meetingId'>,
  mailbox: string,
  agencyIds: readonly string[] | 'all',
): Promise<number> {
  const recipients = await repos.agendas.recipients(document.meetingId, document.areaId);
  const copies = new Map<string, AgencyCopy>();
  for (const r of recipients) {
    if (agencyIds !== 'all' && !agencyIds.includes(r.agencyId)) continue;
    copies.set(r.agencyId, { agencyId: r.agencyId, mode: r.mode });
  }
  const rows = await repos.meetingDocuments.enqueueCopies({
    document,
    mailbox,
    copies: [...copies.values()],
  });
  for (const row of rows) {
    if (row.copy.mode !== 'password') continue;
    for (const rep of recipients.filter((r) => r.agencyId === row.copy.agencyId)) {
      await repos.outbox.enqueue(
        { kind: 'notify.document-password', deliveryId: row.id, personId: rep.personId },
        `document-password:${row.id}:${rep.personId}`,
      );
    }
  }
  return rows.length;
}
