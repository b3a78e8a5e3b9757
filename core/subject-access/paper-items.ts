import {
  agendaVersionLabel,
  casesInOrder,
  type Agenda,
  type AgendaCase,
  type AgendaPerson,
} from '../agendas/agenda.js';
import { actionLine } from '../after-meeting/minutes-draft.js';
import type { AgendaDeliveryRecord, AgendaVersionRecord } from '../ports/agendas.js';
import type { DocumentDeliveryRecord, MeetingDocumentRecord } from '../ports/meeting-documents.js';
import { meetingWords, type ItemContext } from './meeting-items.js';
import {
  answerWords,
  atInstant,
  field,
  onDate,
  type ReportField,
  type ReportItem,
} from './report.js';

/*
 * The papers that carried the case: each agenda version that listed it (its line, and the review
 * of its actions), the minutes' sections and the action plan's part that name it, and to whom
 * each went. Agendas and minutes are written by the coordinator from what agencies provided:
 * the MARAC is their provider.
 */

const born = (p: AgendaPerson) =>
  `${p.name}${p.otherNames.length > 0 ? ` (also known as ${p.otherNames.join(', ')})` : ''}${p.dateOfBirth ? `, born ${onDate(p.dateOfBirth)}` : ''}`;

function agendaLineFields(line: AgendaCase): ReportField[] {
  return [
    ...field(
      'Victim',
      `${born(line.victim)}${line.victim.address ? `; ${line.victim.address}` : ''}`,
    ),
    ...line.perpetrators.flatMap((p, i) =>
      field(`Person causing harm ${i + 1}`, born(p), 'third-party'),
    ),
    ...line.children.flatMap((c, i) =>
      field(`Child ${i + 1}`, `${born(c)}${c.school ? `; ${c.school}` : ''}`, 'third-party'),
    ),
    ...field('Referring agency', line.referringAgency),
    ...field('Reason', line.reason),
    ...field(
      'Risk level',
      `${answerWords(line.risk.band)}${line.risk.score === null ? '' : `, score ${line.risk.score}`} (${line.risk.checklist})`,
    ),
    ...field('Known risks', line.knownRisks, 'may-name-others'),
    ...field('Added late, because', line.lateReason, 'may-name-others'),
  ];
}

/** What an agenda says of the case: its line, its actions under review, a 12-month notice. */
function agendaMentions(
  agenda: Agenda,
  referralIds: ReadonlySet<string>,
  references: ReadonlySet<string>,
): ReportField[] {
  // Each of the case's referrals on the agenda (a repeat heard with the first is a line of its own).
  const lines = casesInOrder(agenda).filter((c) => referralIds.has(c.referralId));
  const fields = lines.flatMap((line) => [
    ...field('Case on the agenda', line.reference),
    ...agendaLineFields(line),
  ]);
  for (const section of agenda.sections) {
    if (section.kind === 'actions-review') {
      section.actions
        .filter((a) => references.has(a.reference))
        .forEach((a) =>
          fields.push(
            ...field(
              'Incomplete action under review',
              `${a.reference}: ${a.agency}: ${a.action} (due ${onDate(a.dueOn)})`,
              'may-name-others',
            ),
          ),
        );
    }
    if (section.kind === 'twelve-months') {
      section.notices
        .filter((n) => references.has(n.reference))
        .forEach((n) =>
          fields.push(
            ...field(
              '12 months since the last MARAC',
              `${n.reference}: last heard on ${onDate(n.lastHeardOn)}`,
            ),
          ),
        );
    }
  }
  return fields;
}

export interface CaseKeys {
  referralIds: ReadonlySet<string>;
  references: ReadonlySet<string>;
}

const MODE_WORDS: Record<string, string> = {
  smime: 'encrypted mail (S/MIME)',
  password: 'password-protected PDF',
  purview: 'Purview-encrypted mail',
  link: 'a notice with a link to the app',
};

function deliveryLine(d: { mode: string; status: string; sentAt: Date | null }): string {
  const how = MODE_WORDS[d.mode] ?? d.mode;
  if (d.status === 'sent') return `by ${how}, sent ${d.sentAt ? atInstant(d.sentAt) : ''}`.trim();
  return `by ${how}: ${d.status === 'dead' ? 'could not be delivered' : 'waiting to be sent'}`;
}

/** Each agenda version that listed or named the case, and to whom that version went. */
export function agendaItems(
  ctx: ItemContext,
  meetingId: string,
  versions: readonly AgendaVersionRecord[],
  deliveries: readonly AgendaDeliveryRecord[],
  keys: CaseKeys,
): ReportItem[] {
  const items: ReportItem[] = [];
  for (const v of versions) {
    const fields = agendaMentions(v.agenda, keys.referralIds, keys.references);
    if (fields.length === 0) continue;
    const version = agendaVersionLabel(v.version);
    const label = `${version.charAt(0).toLowerCase()}${version.slice(1)} of the agenda of ${meetingWords(ctx, meetingId)}`;
    items.push({
      title: `${version} of the agenda of ${meetingWords(ctx, meetingId)}`,
      providedBy: `${ctx.marac} (coordinator)`,
      on: atInstant(v.publishedAt),
      fields,
    });
    const sent = deliveries.filter((d) => d.version === v.version);
    if (sent.length > 0) {
      items.push({
        title: `Who received ${label}`,
        providedBy: `${ctx.marac} (the app's delivery records)`,
        on: atInstant(v.publishedAt),
        review: 'third-party',
        fields: sent.map((d) => ({
          label: `${d.recipient} (${d.agency})`,
          value: deliveryLine(d),
        })),
      });
    }
  }
  return items;
}

const DOCUMENT_STATE: Record<string, string> = {
  draft: 'draft',
  approved: 'approved, not yet circulated',
  circulated: 'circulated',
};

function documentLabel(ctx: ItemContext, d: MeetingDocumentRecord): string {
  const what = d.kind === 'minutes' ? 'minutes' : 'action plan';
  const number = d.kind === 'minutes' && d.number > 1 ? `, correction ${d.number - 1}` : '';
  return `the ${what} of ${meetingWords(ctx, d.meetingId)}${number} (${DOCUMENT_STATE[d.state] ?? d.state})`;
}

/** The fields of a document that are about the case: minutes sections naming it, its plan part. */
function documentMentions(d: MeetingDocumentRecord, keys: CaseKeys): ReportField[] {
  if (d.kind === 'minutes') {
    const { sections } = d.content as MeetingDocumentRecord<'minutes'>['content'];
    return sections
      .filter((s) => [...keys.references].some((r) => s.title.includes(r) || s.text.includes(r)))
      .flatMap((s) => field(s.title, s.text, 'may-name-others'));
  }
  const { cases } = d.content as MeetingDocumentRecord<'action-plan'>['content'];
  return cases
    .filter((c) => keys.referralIds.has(c.referralId))
    .flatMap((c) =>
      c.actions.map((a, i) =>
        field(`${c.reference}: action ${i + 1}`, actionLine(a), 'may-name-others'),
      ),
    )
    .flat();
}

/** The minutes and action plans that name the case, and to which agencies each copy went. */
export function documentItems(
  ctx: ItemContext,
  documents: readonly {
    document: MeetingDocumentRecord;
    deliveries: readonly DocumentDeliveryRecord[];
  }[],
  keys: CaseKeys,
  ownerAgencies: ReadonlySet<string>,
): ReportItem[] {
  const items: ReportItem[] = [];
  for (const { document, deliveries } of documents) {
    const fields = documentMentions(document, keys);
    if (fields.length === 0) continue;
    const label = documentLabel(ctx, document);
    items.push({
      title: label.charAt(0).toUpperCase() + label.slice(1),
      providedBy: `${ctx.marac} (coordinator)`,
      on: atInstant(document.approvedAt ?? document.updatedAt),
      fields,
    });
    // An agency's copy of the plan holds only the cases in which it owns an action.
    const copies = deliveries.filter(
      (d) => document.kind === 'minutes' || ownerAgencies.has(d.agencyId),
    );
    if (copies.length > 0) {
      items.push({
        title: `Which agencies received ${label}`,
        providedBy: `${ctx.marac} (the app's delivery records)`,
        on: atInstant(document.circulatedAt ?? document.updatedAt),
        fields: copies.map((d) => ({ label: d.agency, value: deliveryLine(d) })),
      });
    }
  }
  return items;
}
