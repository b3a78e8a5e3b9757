import type { AgendaDeliveryRecord, AgendaVersionRecord } from '../ports/agendas.js';
import type { DocumentDeliveryRecord, MeetingDocumentRecord } from '../ports/meeting-documents.js';
import type { SentReferralRecord } from '../ports/referrals.js';
import type { Repos } from '../ports/store.js';
import { actionItem, actionUpdateItem, correctionItem } from './action-items.js';
import { caseMoveItem, notesItem, researchItem, type ItemContext } from './meeting-items.js';
import { agendaItems, documentItems, type CaseKeys } from './paper-items.js';
import { coordinatorNoteItems, referralItem } from './referral-items.js';
import type { ReportCase, ReportItem } from './report.js';
import { trailItem } from './trail-items.js';

/*
 * Everything held about one case, read through the stores as every other read is (each decrypts
 * under the case's or the area's key), then written out as items. Reads only: the use case
 * audits them once the whole record is read.
 */

/** Reads of a meeting's papers that showed this case to the reader (the audit trail's part). */
export const MEETING_READS = [
  'agenda.read',
  'minutes.read',
  'action-plan.read',
  'meeting.cases.read',
];

export interface GatheredCase {
  report: ReportCase;
  /** The referrals read, for the audit. */
  referralIds: string[];
}

interface Names {
  agencies: ReadonlyMap<string, string>;
  areas: ReadonlyMap<string, string>;
}

async function papers(
  repos: Repos,
  meetings: readonly { id: string; areaId: string }[],
  keys: CaseKeys,
) {
  const agendas: {
    meetingId: string;
    versions: AgendaVersionRecord[];
    deliveries: AgendaDeliveryRecord[];
  }[] = [];
  const documents: { document: MeetingDocumentRecord; deliveries: DocumentDeliveryRecord[] }[] = [];
  for (const meeting of meetings) {
    const versions = await repos.agendas.versions(meeting.id, meeting.areaId);
    const naming = versions.filter((v) => mentions(JSON.stringify(v.agenda), keys));
    if (naming.length > 0) {
      agendas.push({
        meetingId: meeting.id,
        versions: naming,
        deliveries: await repos.agendas.deliveries(meeting.id),
      });
    }
    for (const document of await repos.subjectAccess.documents(meeting.id)) {
      if (!mentions(JSON.stringify(document.content), keys)) continue;
      documents.push({
        document,
        deliveries: await repos.meetingDocuments.deliveries(document.id),
      });
    }
  }
  return { agendas, documents };
}

/** A quick test before the item builders look closer: the paper names a reference or referral. */
const mentions = (text: string, keys: CaseKeys) =>
  [...keys.references, ...keys.referralIds].some((k) => text.includes(k));

/** The case's record, in the coordinator's areas only (`areaIds`), as report items. */
export async function gatherCase(
  repos: Repos,
  input: { caseId: string; referralIds: readonly string[]; names: Names },
): Promise<GatheredCase> {
  const { names } = input;
  const sa = repos.subjectAccess;
  const referrals: SentReferralRecord[] = [];
  for (const id of input.referralIds) {
    const referral = await repos.referrals.get(id);
    if (referral && referral.status !== 'draft') referrals.push(referral);
  }
  const ids = referrals.map((r) => r.id);
  const keys: CaseKeys = {
    referralIds: new Set(ids),
    references: new Set(referrals.map((r) => r.reference)),
  };
  const areaIds = [...new Set(referrals.map((r) => r.areaId))];
  const areaName = names.areas.get(referrals[0]?.areaId ?? '') ?? 'The area';
  const since = referrals.map((r) => r.referredOn).sort()[0] ?? '1900-01-01';

  const research = await sa.research(ids);
  const runCases = await sa.runCases(ids);
  const actions = await sa.actions(ids);
  const actionIds = actions.map((a) => a.id);
  const reviews = await sa.actionReviews(actionIds);
  const updates = await repos.actionUpdates.forActions(actionIds);
  const corrections = await sa.corrections(ids, actionIds);
  const moves = await sa.caseMoves(ids);
  const meetings = await sa.areaMeetings(areaIds, since);
  const { agendas, documents } = await papers(repos, meetings, keys);
  const seen = new Set([
    ...agendas.map((a) => a.meetingId),
    ...documents.map((d) => d.document.meetingId),
    ...runCases.map((r) => r.meetingId),
  ]);
  const trail = await sa.auditTrail({
    records: [
      { recordType: 'case', recordId: input.caseId },
      ...ids.map((recordId) => ({ recordType: 'referral', recordId })),
      ...research.map((r) => ({ recordType: 'research', recordId: r.id })),
      ...actionIds.map((recordId) => ({ recordType: 'meeting_action', recordId })),
    ],
    meetingIds: [...seen],
    meetingReads: MEETING_READS,
  });
  const people = await sa.people(
    [
      ...research.map((r) => r.submittedBy),
      ...runCases.map((r) => r.notes.updatedBy),
      ...actions.map((a) => a.createdBy),
      ...updates.map((u) => u.updatedBy),
      ...corrections.map((c) => c.correctedBy),
      ...trail.map((e) => e.actorId),
    ].filter((id): id is string => Boolean(id)),
  );

  const marac = `${areaName} MARAC`;
  const ctx: ItemContext = {
    marac,
    agencies: names.agencies,
    people,
    meetingDates: new Map(meetings.map((m) => [m.id, m.date])),
    references: new Map(referrals.map((r) => [r.id, r.reference])),
  };
  const items: ReportItem[] = [];
  for (const referral of referrals) {
    const referrer = (await repos.referrals.referrerOf(referral.id)) ?? {
      name: 'Not known',
      agencyName: names.agencies.get(referral.referrerAgencyId) ?? null,
    };
    items.push(referralItem(referral, referrer), ...coordinatorNoteItems(referral, marac));
  }
  items.push(...moves.map((m) => caseMoveItem(ctx, m)));
  for (const a of agendas)
    items.push(...agendaItems(ctx, a.meetingId, a.versions, a.deliveries, keys));
  items.push(...research.map((r) => researchItem(ctx, r)));
  items.push(...runCases.flatMap((r) => notesItem(ctx, r) ?? []));
  for (const action of actions) {
    items.push(
      actionItem(
        ctx,
        action,
        reviews.filter((r) => r.actionId === action.id),
      ),
    );
    for (const u of updates.filter((x) => x.actionId === action.id))
      items.push(actionUpdateItem(ctx, action, u));
  }
  const referralOfCorrection = (c: { recordType: string; recordId: string }) =>
    c.recordType === 'notes'
      ? c.recordId
      : (actions.find((a) => a.id === c.recordId)?.referralId ?? '');
  items.push(...corrections.map((c) => correctionItem(ctx, c, referralOfCorrection)));
  const owners = new Set(actions.map((a) => a.ownerAgencyId));
  items.push(...documentItems(ctx, documents, keys, owners));
  const trailed = trailItem(ctx, trail, marac);
  if (trailed) items.push(trailed);
  return {
    report: { caseId: input.caseId, areaName, references: [...keys.references], items },
    referralIds: ids,
  };
}
