import type { ReferralDraft } from '#core/contracts/referral.js';
import type { ReferralRecord } from '#core/ports/referrals.js';
import { londonToday } from '#core/scheduling/area-calendar.js';
import { dashInputId } from '../cards/dash-page-card.js';
import type { Services } from '../http/services.js';
import type { CardOutcome } from '../store/sql-card-operations.js';
import { DETAILS_IDS, detailsProblems, draftWithDetails, typedValues } from './details-form.js';
import type { Referrer } from './referral-actor.js';
import {
  draftOf,
  ownDraft,
  PAGE_SIZE,
  questionSetFor,
  saveDraft,
  sendReferral,
  stepsFor,
} from './referral-drafts.js';
import { completeForm } from './referral-review.js';
import type { Refusal } from './referral-views.js';

/** What a step's button led to: the card to show next, and what it refused, if anything. */
export interface StepResult {
  outcome: CardOutcome;
  refusal?: Refusal;
}
export interface StepInput {
  who: Referrer;
  referral: ReferralRecord | null;
  step: string;
  /** The card's inputs that came with the button. */
  inputs: Record<string, unknown>;
  correlationId: string;
}

const show = (referral: ReferralRecord | null, step: string): CardOutcome => ({
  ...(referral ? { referralId: referral.id } : {}),
  show: step,
});

/** Lays what the card sent over the draft: step 1's fields, or a checklist page's answers. */
async function typedDraft(
  s: Services,
  input: StepInput,
): Promise<{ draft: unknown; values: Record<string, string> }> {
  const before = draftOf(input.referral);
  if (input.step === 'details') {
    const values = typedValues(input.inputs, DETAILS_IDS);
    return { draft: draftWithDetails(before, values), values };
  }
  const set = await questionSetFor(s, before?.areaId);
  const ids = set.questions.map((q) => dashInputId(q.id));
  const values = typedValues(input.inputs, ids);
  const answers = Object.fromEntries(
    set.questions.flatMap((q) =>
      values[dashInputId(q.id)] ? [[q.id, values[dashInputId(q.id)]]] : [],
    ),
  );
  const earlier =
    before?.riskAssessment?.kind === 'dash' ? (before.riskAssessment.answers ?? {}) : {};
  const today = londonToday(s.clock.now());
  return {
    draft: {
      ...before,
      riskAssessment: {
        kind: 'dash',
        questionSet: set.id,
        completedOn: today,
        answers: { ...earlier, ...answers },
      },
    },
    values,
  };
}

/** Saves what the step's card sent; on the review there is nothing typed to save. */
async function saveStep(s: Services, input: StepInput) {
  if (input.step !== 'details' && !/^dash-\d+$/.test(input.step))
    return { ok: true as const, referral: input.referral, values: {} };
  const { draft, values } = await typedDraft(s, input);
  const saved = await saveDraft(s, input.who, input.referral, draft, input.correlationId);
  return saved.ok ? { ...saved, values } : { ...saved, values };
}

/** What the step still lacks before the next one, in words. */
async function stepProblems(
  s: Services,
  input: StepInput,
  draft: ReferralDraft,
): Promise<string[]> {
  if (input.step === 'details')
    return detailsProblems(draft, input.who.offer, londonToday(s.clock.now()));
  const page = Number(/^dash-(\d+)$/.exec(input.step)?.[1] ?? -1);
  const set = await questionSetFor(s, draft.areaId);
  const answers = draft.riskAssessment?.kind === 'dash' ? (draft.riskAssessment.answers ?? {}) : {};
  return set.questions
    .slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
    .flatMap((q, i) =>
      answers[q.id] ? [] : [`Question ${page * PAGE_SIZE + i + 1}: choose yes, no or not known`],
    );
}

async function neighbour(
  s: Services,
  draft: ReferralDraft | null,
  step: string,
  by: 1 | -1,
): Promise<string> {
  // Before the first step is the welcome; no checklist is needed to know that.
  if (step === 'details' && by < 0) return 'welcome';
  const steps = stepsFor(await questionSetFor(s, draft?.areaId));
  return steps[steps.indexOf(step) + by] ?? (by > 0 ? 'review' : 'welcome');
}

/** Next: save, check this step, and move on; a refused step comes back with what was typed. */
export async function nextStep(s: Services, input: StepInput): Promise<StepResult> {
  const saved = await saveStep(s, input);
  if (!saved.ok)
    return {
      outcome: show(input.referral, input.step),
      refusal: { errors: saved.errors, values: saved.values },
    };
  const draft = draftOf(saved.referral)!;
  const problems = await stepProblems(s, input, draft);
  if (problems.length > 0)
    return {
      outcome: show(saved.referral, input.step),
      refusal: { errors: problems, values: saved.values },
    };
  return { outcome: show(saved.referral, await neighbour(s, draft, input.step, 1)) };
}

/** Back: save what was typed, unchecked, and show the step before. */
export async function previousStep(s: Services, input: StepInput): Promise<StepResult> {
  // Only the area (chosen for the person when they have one) is no reason to start a draft.
  const untyped = ['op', 'referralId', 'step', ...(input.referral ? [] : ['area', 'agency'])];
  const typed = Object.entries(input.inputs).some(
    ([k, v]) => !untyped.includes(k) && typeof v === 'string' && v.trim() !== '',
  );
  const saved = typed
    ? await saveStep(s, input)
    : { ok: true as const, referral: input.referral, values: {} };
  if (!saved.ok)
    return {
      outcome: show(input.referral, input.step),
      refusal: { errors: saved.errors, values: saved.values },
    };
  return {
    outcome: show(saved.referral, await neighbour(s, draftOf(saved.referral), input.step, -1)),
  };
}

/** Submit: the whole form, checked, sent to the coordinator through the same use case as the tab. */
export async function submitStep(s: Services, input: StepInput): Promise<StepResult> {
  const { referral } = input;
  const draft = draftOf(referral);
  if (!referral || !draft) return { outcome: { show: 'expired' } };
  const set = await questionSetFor(s, draft.areaId);
  const confirmed = input.inputs.childrensServicesReferralMade === 'true';
  const complete = completeForm(
    {
      ...draft,
      childrensServicesReferralMade: confirmed
        ? true
        : (draft.childrensServicesReferralMade ?? null),
    },
    set,
    londonToday(s.clock.now()),
  );
  if (!complete.ok)
    return { outcome: show(referral, 'review'), refusal: { errors: [...complete.errors] } };
  const sent = await sendReferral(s, input.who, referral, complete.form, input.correlationId);
  if (!sent.ok) return { outcome: show(referral, 'review'), refusal: { errors: sent.errors } };
  return { outcome: show(sent.referral, 'submitted') };
}

export async function loadInput(
  s: Services,
  who: Referrer,
  data: Record<string, unknown>,
  correlationId: string,
): Promise<StepInput> {
  const referralId = typeof data.referralId === 'string' ? data.referralId : undefined;
  return {
    who,
    referral: await ownDraft(s, who, referralId),
    step: typeof data.step === 'string' ? data.step : 'details',
    inputs: data,
    correlationId,
  };
}
