import {
  RESEARCH_QUESTIONS,
  RESEARCH_TEXT_FIELDS,
  type ResearchDraft,
} from '../contracts/research.js';

const KNOWN: Record<NonNullable<ResearchDraft['knownToAgency']>, string> = {
  yes: 'Yes',
  no: 'No',
  'not-known': 'Not known',
};

/**
 * An agency's research as the meeting reads it: each answer under the question the rep was
 * asked, in the order they were asked, children by their place on the agenda (never a name
 * here). Unanswered questions are left out rather than shown as a blank that reads as "no".
 */
export function researchLines(draft: ResearchDraft): { label: string; value: string }[] {
  const lines: { label: string; value: string }[] = [];
  if (draft.knownToAgency) {
    lines.push({ label: RESEARCH_QUESTIONS.knownToAgency, value: KNOWN[draft.knownToAgency] });
  }
  for (const field of RESEARCH_TEXT_FIELDS) {
    const value = draft[field]?.trim();
    if (value) lines.push({ label: RESEARCH_QUESTIONS[field], value });
  }
  (draft.children ?? []).forEach((child, i) => {
    const involvement = child.involvement?.trim();
    const contact = child.contactArrangements?.trim();
    if (involvement) lines.push({ label: `Child ${i + 1}: involvement`, value: involvement });
    if (contact) lines.push({ label: `Child ${i + 1}: contact arrangements`, value: contact });
  });
  if (draft.recordsFlagged != null) {
    lines.push({
      label: RESEARCH_QUESTIONS.recordsFlagged,
      value: draft.recordsFlagged ? 'Yes' : 'No',
    });
  }
  return lines;
}
