import { londonDateOf, londonTimeOf } from '../calendar/london-time.js';
import type { MinutesSection, PlanAction } from '../contracts/document-api.js';
import type { Attendance, CaseState, Seat } from '../contracts/meeting-api.js';
import { dateInWords } from '../shared/date-words.js';
import type { LocalDate } from '../shared/local-date.js';

/*
 * The minutes' first draft (issue #11), built from the meeting's record when it closes: who came
 * and who sent apologies, who confirmed the confidentiality statement and when, each case heard
 * (the discussion notes, the risks, the actions and what was decided) and the cases deferred.
 * The coordinator edits each section's text before approving: the draft states what was
 * recorded and invents nothing.
 */

export interface MinutesAttendee {
  name: string;
  seat: Seat;
  agency: string | null;
  attendance: Attendance | null;
  confirmedAt: Date | null;
}

export interface MinutesCase {
  reference: string;
  state: CaseState;
  notes: { facts: string; opinion: string; riskSummary: string };
  actions: (PlanAction & { risk: string })[];
  deferReason: string | null;
  deferredTo: LocalDate | null;
}

export interface MinutesRecord {
  areaName: string;
  meetingDate: LocalDate;
  startedAt: Date;
  closedAt: Date;
  confidentialityStatement: string;
  attendance: readonly MinutesAttendee[];
  cases: readonly MinutesCase[];
}

const seatWords: Record<Seat, string> = {
  chair: 'chair',
  coordinator: 'MARAC coordinator',
  rep: 'agency representative',
  idva: 'IDVA',
  observer: 'observer',
};

const urgentWords = {
  'childrens-services-referral': 'urgent: referral to children\u2019s services',
  'strategy-discussion': 'urgent: strategy discussion',
} as const;

const whoIs = (a: MinutesAttendee): string =>
  `${a.name}, ${seatWords[a.seat]}${a.agency ? `, ${a.agency}` : ''}`;

const bullets = (lines: readonly string[], none: string): string =>
  lines.length === 0 ? none : lines.map((l) => `- ${l}`).join('\n');

/** When an action is due, in London words: "Tuesday 8 December 2026 at 17:00". */
export function dueInWords(dueAt: string): string {
  const at = new Date(dueAt);
  return `${dateInWords(londonDateOf(at), 'long')} at ${londonTimeOf(at)}`;
}

export function actionLine(a: PlanAction): string {
  const owner = a.ownerPerson ? `${a.ownerAgency} (${a.ownerPerson})` : a.ownerAgency;
  const urgent = a.urgent ? `; ${urgentWords[a.urgent]}` : '';
  return `${a.what} - ${owner} - by ${dueInWords(a.dueAt)}${urgent}`;
}

export function draftMinutes(record: MinutesRecord): MinutesSection[] {
  const present = record.attendance.filter((a) => a.attendance === 'present');
  const apologies = record.attendance.filter((a) => a.attendance === 'apologies');
  const unrecorded = record.attendance.filter((a) => a.attendance === null);
  const sections: MinutesSection[] = [
    {
      key: 'meeting',
      title: 'The meeting',
      text:
        `${record.areaName} MARAC, ${dateInWords(record.meetingDate, 'long')}. ` +
        `Started at ${londonTimeOf(record.startedAt)}, closed at ${londonTimeOf(record.closedAt)}.`,
    },
    {
      key: 'attendance',
      title: 'Attendance',
      text: [
        `Present:\n${bullets(present.map(whoIs), 'No one recorded present.')}`,
        `Apologies:\n${bullets(apologies.map(whoIs), 'None.')}`,
        ...(unrecorded.length > 0
          ? [`Attendance not recorded:\n${bullets(unrecorded.map(whoIs), '')}`]
          : []),
      ].join('\n\n'),
    },
    {
      key: 'confidentiality',
      title: 'Confidentiality statement',
      text: [
        record.confidentialityStatement,
        `Confirmed by:\n${bullets(
          record.attendance
            .filter((a) => a.confirmedAt)
            .map((a) => `${whoIs(a)}, at ${londonTimeOf(a.confirmedAt!)}`),
          'No one.',
        )}`,
      ].join('\n\n'),
    },
  ];
  const heard = record.cases.filter((c) => c.state !== 'deferred');
  heard.forEach((c, i) => {
    const orNone = (text: string) => (text.trim() ? text.trim() : 'Nothing recorded.');
    sections.push({
      key: `case-${i + 1}`,
      title: `Case ${i + 1}: ${c.reference}`,
      text: [
        `Discussion - facts:\n${orNone(c.notes.facts)}`,
        `Discussion - professional opinion:\n${orNone(c.notes.opinion)}`,
        `Risks:\n${orNone(c.notes.riskSummary)}`,
        `Actions agreed:\n${bullets(
          c.actions.map((a) => `${actionLine(a)}. Risk it addresses: ${a.risk}`),
          'None.',
        )}`,
        `Decision:\n${
          c.actions.length === 0
            ? 'Heard; no actions agreed.'
            : `Heard; ${c.actions.length === 1 ? '1 action' : `${c.actions.length} actions`} agreed, to be reviewed at the next meeting until complete.`
        }`,
      ].join('\n\n'),
    });
  });
  const deferred = record.cases.filter((c) => c.state === 'deferred');
  sections.push({
    key: 'deferred',
    title: 'Deferred cases',
    text: bullets(
      deferred.map(
        (c) =>
          `${c.reference}: deferred${c.deferredTo ? ` to ${dateInWords(c.deferredTo, 'long')}` : ''}${c.deferReason ? `. Reason: ${c.deferReason}` : ''}`,
      ),
      'None.',
    ),
  });
  return sections;
}
