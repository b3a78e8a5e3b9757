import type { AgencyResearch } from '#core/contracts/research-api.js';
import type { ResearchDraft, StoredResearchStatus } from '#core/contracts/research.js';
import {
  cardStatus,
  type ResearchAnswers,
  type ResearchCaseView,
  type ResearchPromptView,
} from '../cards/research-types.js';

type AgencyCase = AgencyResearch['cases'][number];

/** The contract's response as the card shows it: a null is a question not answered. */
export function answersOf(response: ResearchDraft | null | undefined): ResearchAnswers {
  if (!response) return {};
  const answers: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(response)) {
    if (value === null || value === undefined || key === 'children') continue;
    answers[key] = value;
  }
  if (response.children) {
    answers.children = response.children.map((child) => ({
      ...(child.involvement ? { involvement: child.involvement } : {}),
      ...(child.contactArrangements ? { contactArrangements: child.contactArrangements } : {}),
    }));
  }
  return answers as ResearchAnswers;
}

export interface ViewFor {
  /** The Teams user id of the one rep this view is for: the only id its refresh names. */
  viewerId: string;
  /** A new operation id for this rendering's buttons. */
  op: string;
  statuses: ReadonlyMap<string, StoredResearchStatus>;
}

/** One case of the agency's research form, as that rep's per-user card. */
export function caseViewOf(
  form: AgencyResearch,
  c: AgencyCase,
  v: ViewFor,
): ResearchCaseView & { open: boolean } {
  return {
    ids: { meetingId: form.meetingId, agencyId: form.agencyId, caseId: c.referralId },
    caseReference: c.reference,
    meetingDate: form.meetingDate,
    dueAt: new Date(form.deadline),
    open: form.open,
    status: cardStatus(v.statuses.get(c.referralId)),
    answers: answersOf(c.response),
    subjects: c.subjects,
    lastChange: c.lastChange ? { by: c.lastChange.by, at: new Date(c.lastChange.at) } : null,
    viewerId: v.viewerId,
    op: v.op,
  };
}

/** The agency's cases for the picker: references and statuses, nothing about anyone. */
export function promptViewOf(form: AgencyResearch, v: ViewFor): ResearchPromptView {
  return {
    meetingId: form.meetingId,
    agencyId: form.agencyId,
    meetingDate: form.meetingDate,
    dueAt: new Date(form.deadline),
    cases: form.cases.map((c) => ({
      caseId: c.referralId,
      reference: c.reference,
      status: cardStatus(v.statuses.get(c.referralId)),
    })),
    refreshUserIds: [v.viewerId],
    op: v.op,
  };
}
