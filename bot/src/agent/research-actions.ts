import { markNothingKnown } from '#core/research/mark-nothing-known.js';
import { saveResearchDraft } from '#core/research/save-research-draft.js';
import { submitResearch } from '#core/research/submit-research.js';
import { DomainError, isDomainError } from '#core/shared/errors.js';
import { researchCaseCard, researchRefusedCaseCard } from '../cards/research-case-card.js';
import { fitsOnACard } from '../cards/research-fit.js';
import { researchRefusedCard } from '../cards/research-refused-card.js';
import { researchTooLongCard } from '../cards/research-summary-cards.js';
import type { ResearchFieldError } from '../cards/research-types.js';
import { researchPickerCard } from '../cards/research-prompt-cards.js';
import { RESEARCH_VERBS, type ResearchVerb } from '../cards/verbs.js';
import type { CardReply } from './card-verbs.js';
import { caseIdsOf, draftOf, fieldErrorsOf, type ResearchAction } from './research-inputs.js';
import { caseOf, pickerOf, readForm, recordSeen, type ResearchActor } from './research-read.js';
import { answersOf } from './research-views.js';

/**
 * What a research card action led to: the card, whether it shows a person (then it may only be
 * a per-user answer, never a message the chat keeps), and a sentence without personal data.
 */
export type Reply = CardReply;

type Handler = (actor: ResearchActor, action: ResearchAction) => Promise<Reply>;

const caseId = (action: ResearchAction) => {
  if (!action.caseId) throw new DomainError('NOT_FOUND', 'Choose a case to open.');
  return action.caseId;
};

/** The case as it stands now, as this rep's card: the form, the summary or the closed card. */
async function showCase(
  actor: ResearchActor,
  action: ResearchAction,
  options: { edit?: boolean; notice?: string; seen?: boolean } = {},
): Promise<Reply> {
  const read = await readForm(actor, action);
  const view = caseOf(actor, read, caseId(action));
  if (options.seen) await recordSeen(actor, view);
  const card = researchCaseCard(
    { ...view, ...(options.notice ? { notice: options.notice } : {}) },
    actor.deps.clock.now(),
    options.edit,
  );
  return { card, personal: true, said: options.notice ?? `Case ${view.caseReference}.` };
}

async function showPicker(
  actor: ResearchActor,
  action: ResearchAction,
  extra: { notice?: string; errors?: string[] } = {},
): Promise<Reply> {
  const view = { ...pickerOf(actor, await readForm(actor, action)), ...extra };
  return {
    card: researchPickerCard(view),
    personal: false,
    said: extra.notice ?? 'Research cases.',
  };
}

/** Saves or submits what was typed; a refusal in words comes back on the form, typed text kept. */
const write =
  (kind: 'save' | 'submit'): Handler =>
  async (actor, action) => {
    const response = draftOf(action.inputs);
    const input = {
      meetingId: action.meetingId,
      agencyId: action.agencyId,
      referralId: caseId(action),
      personId: actor.personId,
      response,
    };
    try {
      await (kind === 'save' ? saveResearchDraft : submitResearch)(actor.deps, input);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      return refused(actor, action, input, fieldErrorsOf(error.details ?? []));
    }
    const notice =
      kind === 'save'
        ? 'Draft saved. It is not submitted yet.'
        : 'Submitted to the MARAC coordinator.';
    return showCase(actor, action, { notice });
  };

type Write = Parameters<typeof saveResearchDraft>[1];

/**
 * The form again with what was typed and each problem in words. What was typed may be too long
 * to show again on a card: it is then kept as a draft where a draft may be (not over a submitted
 * answer), so nothing typed is lost, and the card says where it went.
 */
async function refused(
  actor: ResearchActor,
  action: ResearchAction,
  input: Write,
  errors: ResearchFieldError[],
): Promise<Reply> {
  const said = 'Some answers need putting right: nothing was submitted.';
  const view = caseOf(actor, await readForm(actor, action), input.referralId);
  const form = researchRefusedCard(
    { ...view, notice: 'Nothing was saved.' },
    answersOf(input.response),
    errors,
  );
  if (fitsOnACard(form)) return { card: form, personal: true, said };
  const kept =
    view.status !== 'submitted' &&
    (await saveResearchDraft(actor.deps, input).then(
      () => true,
      (error: unknown) => {
        if (isDomainError(error)) return false;
        throw error;
      },
    ));
  if (!kept) {
    const notice = 'Nothing was saved: what you typed is too long to show again on a card.';
    return {
      card: researchRefusedCaseCard({ ...view, notice }, view.answers, errors),
      personal: true,
      said,
    };
  }
  const saved = caseOf(actor, await readForm(actor, action), input.referralId);
  const notice =
    'Nothing was submitted. What you typed is too long to show again on a card, so it was saved as a draft.';
  return { card: researchTooLongCard({ ...saved, notice, errors }), personal: true, said };
}

const nothingKnown: Handler = async (actor, action) => {
  const result = await markNothingKnown(actor.deps, {
    meetingId: action.meetingId,
    agencyId: action.agencyId,
    personId: actor.personId,
    referralIds: [caseId(action)],
  });
  const notice =
    result.marked.length > 0
      ? 'Recorded: your agency has no record of this case.'
      : 'Your agency has already started or answered this case, so nothing was changed.';
  return showCase(actor, action, { notice });
};

const nothingKnownMany: Handler = async (actor, action) => {
  const chosen = caseIdsOf(action.inputs.caseIds);
  if (!chosen)
    throw new DomainError('NOT_FOUND', 'This case is not on this meeting\u2019s agenda.');
  if (chosen.length === 0)
    return showPicker(actor, action, {
      errors: ['Choose the cases your agency has no record of.'],
    });
  const result = await markNothingKnown(actor.deps, {
    meetingId: action.meetingId,
    agencyId: action.agencyId,
    personId: actor.personId,
    referralIds: chosen,
  });
  const cases = (n: number) => `${n} ${n === 1 ? 'case' : 'cases'}`;
  const kept = result.kept.length
    ? ` ${cases(result.kept.length)} already started or answered stayed as they were.`
    : '';
  return showPicker(actor, action, {
    notice: `Recorded nothing known for ${cases(result.marked.length)}.${kept}`,
  });
};

/** The picker's "Open": its `caseId` input, the case chosen. */
const open: Handler = async (actor, action) =>
  action.caseId
    ? showCase(actor, action, { seen: true })
    : showPicker(actor, action, { errors: ['Choose a case to open.'] });

export const RESEARCH_HANDLERS: Record<ResearchVerb, Handler> = {
  [RESEARCH_VERBS.view]: (actor, action) => showCase(actor, action, { seen: true }),
  [RESEARCH_VERBS.prompt]: (actor, action) => showPicker(actor, action),
  [RESEARCH_VERBS.open]: open,
  [RESEARCH_VERBS.save]: write('save'),
  [RESEARCH_VERBS.submit]: write('submit'),
  [RESEARCH_VERBS.nothingKnown]: nothingKnown,
  [RESEARCH_VERBS.nothingKnownMany]: nothingKnownMany,
  // Cancel: back to the case as last saved; nothing typed since is kept.
  [RESEARCH_VERBS.cancel]: (actor, action) => showCase(actor, action),
  [RESEARCH_VERBS.edit]: (actor, action) => showCase(actor, action, { edit: true }),
};

/** The verbs that change research: done once per operation id. */
export const WRITES: ReadonlySet<ResearchVerb> = new Set([
  RESEARCH_VERBS.save,
  RESEARCH_VERBS.submit,
  RESEARCH_VERBS.nothingKnown,
  RESEARCH_VERBS.nothingKnownMany,
]);

/** After a repeated click: the card as things stand, nothing done again. */
export const replay = (actor: ResearchActor, action: ResearchAction) =>
  action.verb === RESEARCH_VERBS.nothingKnownMany
    ? showPicker(actor, action)
    : showCase(actor, action);
