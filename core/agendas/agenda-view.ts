import type { AgendaView } from '../contracts/agenda-api.js';
import type { AgendaVersionRecord } from '../ports/agendas.js';
import type { AreaRecord, MeetingRecord } from '../ports/store.js';
import { meetingDeadlines } from '../meetings/schedule.js';
import { workingCalendarFor } from '../scheduling/area-calendar.js';
import type { LocalDate } from '../shared/local-date.js';
import { agendaVersionLabel, type Agenda } from './agenda.js';
import { agendaChanges, describeChange } from './agenda-changes.js';
import { defaultConfidentialityStatement } from './confidentiality.js';

/** Working days before the circulation date from which the coordinator is warned. */
export const CIRCULATION_WARNING_WORKING_DAYS = 2;

/** Where a meeting stands against its agenda circulation date. */
export function circulationOf(
  meeting: MeetingRecord,
  area: AreaRecord,
  published: boolean,
  today: LocalDate,
): AgendaView['circulation'] {
  const cal = workingCalendarFor(area);
  const due = meetingDeadlines(meeting.date, area.protocol, cal).agendaCirculation;
  if (published) return { due, state: 'published' };
  if (today > due) return { due, state: 'passed' };
  const warnFrom = cal.addWorkingDays(due, -CIRCULATION_WARNING_WORKING_DAYS);
  return { due, state: today >= warnFrom ? 'near' : 'open' };
}

const summary = (v: AgendaVersionRecord) => ({
  version: v.version,
  label: agendaVersionLabel(v.version),
  publishedAt: v.publishedAt.toISOString(),
  changes: v.changes,
});

/** What publishing now would send as changed: null before the first publication. */
export function pendingChanges(
  draft: Agenda,
  versions: readonly AgendaVersionRecord[],
): string[] | null {
  const latest = versions[versions.length - 1];
  return latest ? agendaChanges(latest.agenda, draft).map(describeChange) : null;
}

/** The coordinator's view: the draft as it would be published now. */
export function draftView(input: {
  meeting: MeetingRecord;
  area: AreaRecord;
  draft: Agenda;
  versions: readonly AgendaVersionRecord[];
  today: LocalDate;
}): AgendaView {
  const { meeting, area, versions } = input;
  return {
    meetingId: meeting.id,
    meetingDate: meeting.date,
    areaName: area.name,
    kind: 'draft',
    version: versions.length + 1,
    label: agendaVersionLabel(versions.length + 1),
    agenda: { sections: input.draft.sections.map((s) => ({ ...s })) } as AgendaView['agenda'],
    pendingChanges: pendingChanges(input.draft, versions),
    versions: versions.map(summary),
    circulation: circulationOf(meeting, area, versions.length > 0, input.today),
    confidentiality: defaultConfidentialityStatement,
  };
}

/**
 * What a rep, the chair or an IDVA on the meeting reads: the latest published version, with the
 * cases they may no longer read taken out (a case moved to a meeting their agency is not on).
 */
export function publishedView(input: {
  meeting: MeetingRecord;
  area: AreaRecord;
  versions: readonly AgendaVersionRecord[];
  today: LocalDate;
  mayReadCase: (referralId: string) => boolean;
}): AgendaView {
  const { meeting, area, versions } = input;
  const latest = versions[versions.length - 1];
  const agenda = latest
    ? {
        sections: latest.agenda.sections.map((s) =>
          s.kind === 'cases-with-children' || s.kind === 'adult-cases'
            ? { ...s, cases: s.cases.filter((c) => input.mayReadCase(c.referralId)) }
            : s,
        ),
      }
    : null;
  return {
    meetingId: meeting.id,
    meetingDate: meeting.date,
    areaName: area.name,
    kind: 'published',
    version: latest?.version ?? 1,
    label: agendaVersionLabel(latest?.version ?? 1),
    agenda: agenda as AgendaView['agenda'],
    pendingChanges: null,
    versions: versions.map(summary),
    circulation: circulationOf(meeting, area, versions.length > 0, input.today),
    confidentiality: defaultConfidentialityStatement,
  };
}
