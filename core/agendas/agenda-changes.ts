import { casesInOrder, type Agenda, type AgendaCase } from './agenda.js';

/** What an addendum says changed since the version before it. Field names only, no values. */
export type AgendaChange =
  | { kind: 'added'; reference: string; lateReason: string | null }
  | { kind: 'removed'; reference: string }
  | { kind: 'changed'; reference: string; fields: string[] }
  | { kind: 'reordered' };

type Field = { label: string; read: (c: AgendaCase) => unknown };

/** The parts of a case line an agency would re-research if they changed, in words. */
const FIELDS: readonly Field[] = [
  { label: 'victim\u2019s name', read: (c) => [c.victim.name, c.victim.otherNames] },
  { label: 'victim\u2019s date of birth', read: (c) => c.victim.dateOfBirth },
  { label: 'victim\u2019s address', read: (c) => c.victim.address },
  { label: 'perpetrators', read: (c) => c.perpetrators },
  { label: 'children', read: (c) => c.children },
  { label: 'referring agency', read: (c) => c.referringAgency },
  { label: 'reason for referral', read: (c) => c.reason },
  { label: 'risk level', read: (c) => c.risk },
  { label: 'repeat', read: (c) => c.isRepeat },
  { label: 'MAPPA lead', read: (c) => c.mappaLead },
  { label: 'known risks', read: (c) => c.knownRisks },
];

/** Compares two versions of an agenda; an empty list means nothing an agency needs changed. */
export function agendaChanges(before: Agenda, after: Agenda): AgendaChange[] {
  const old = casesInOrder(before);
  const now = casesInOrder(after);
  const oldById = new Map(old.map((c) => [c.referralId, c]));
  const nowIds = new Set(now.map((c) => c.referralId));
  const changes: AgendaChange[] = [];
  for (const line of now) {
    const previous = oldById.get(line.referralId);
    if (!previous) {
      changes.push({ kind: 'added', reference: line.reference, lateReason: line.lateReason });
      continue;
    }
    const fields = FIELDS.filter(
      (f) => JSON.stringify(f.read(previous)) !== JSON.stringify(f.read(line)),
    ).map((f) => f.label);
    if (fields.length > 0) changes.push({ kind: 'changed', reference: line.reference, fields });
  }
  for (const line of old)
    if (!nowIds.has(line.referralId)) changes.push({ kind: 'removed', reference: line.reference });
  const keptOld = old.filter((c) => nowIds.has(c.referralId)).map((c) => c.referralId);
  const keptNow = now.filter((c) => oldById.has(c.referralId)).map((c) => c.referralId);
  if (keptOld.join() !== keptNow.join()) changes.push({ kind: 'reordered' });
  return changes;
}

/** One sentence per change, for the addendum's first page. */
export function describeChange(change: AgendaChange): string {
  switch (change.kind) {
    case 'added':
      return change.lateReason
        ? `Case ${change.reference} added after the referral deadline: ${change.lateReason}`
        : `Case ${change.reference} added.`;
    case 'removed':
      return `Case ${change.reference} removed from this meeting.`;
    case 'changed':
      return `Case ${change.reference}: ${joinWords(change.fields)} changed.`;
    case 'reordered':
      return 'The order in which cases will be heard changed.';
  }
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
