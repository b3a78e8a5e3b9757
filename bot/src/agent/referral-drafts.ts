import {
  referralDraftSchema,
  type ReferralDraft,
  type ReferralForm,
} from '#core/contracts/referral.js';
import type { ReferralRecord } from '#core/ports/referrals.js';
import { settingsOf } from '#core/referrals/assess-referral.js';
import { findQuestionSet, type QuestionSet } from '#core/referrals/question-sets.js';
import { submitReferral } from '#core/referrals/submit-referral.js';
import { DomainError } from '#core/shared/errors.js';
import { checkReferringAgency } from '../http/routes/referrer-view.js';
import { depsFor, type Services } from '../http/services.js';
import { issueWords, problemsWords } from './field-words.js';
import type { Referrer } from './referral-actor.js';

/**
 * The bot keeps its draft on the server, through the same use case as the tab: encrypted like
 * any referral, saved as each step arrives. Nothing of it travels in a card's data.
 */
export type Saved = { ok: true; referral: ReferralRecord } | { ok: false; errors: string[] };

/** The person's own draft (or referral sent back for information), or null. */
export async function ownDraft(
  s: Services,
  who: Referrer,
  referralId: string | undefined,
): Promise<ReferralRecord | null> {
  if (!referralId) return null;
  const found = await s.uow.run((repos) => repos.referrals.get(referralId));
  if (!found || found.referrerPersonId !== who.principal.personId) return null;
  return found.status === 'draft' || found.status === 'needs-information' ? found : null;
}

export const draftOf = (referral: ReferralRecord | null): ReferralDraft | null =>
  referral ? referral.form : null;

const context = (s: Services, who: Referrer, correlationId: string) =>
  depsFor(s, { principal: who.principal, correlationId });

/** Saves what was typed; refuses only what breaks the draft's own limits, in words. */
export async function saveDraft(
  s: Services,
  who: Referrer,
  existing: ReferralRecord | null,
  typed: unknown,
  correlationId: string,
): Promise<Saved> {
  const parsed = referralDraftSchema.safeParse(typed);
  if (!parsed.success)
    return {
      ok: false,
      errors: [...new Set(parsed.error.issues.map((issue) => issueWords(issue, typed)))],
    };
  return guarded(async () => {
    // The same rule as the tab's: a referrer refers for an agency they represent.
    const { onBehalf } = await checkReferringAgency(s, who.principal, parsed.data);
    const result = await submitReferral(context(s, who, correlationId), {
      referrerPersonId: who.principal.personId,
      ...(existing ? { referralId: existing.id } : {}),
      form: parsed.data,
      submit: false,
      onBehalfOfAgency: onBehalf,
    });
    return result.referral;
  });
}

/** Sends the complete referral to the coordinator. */
export async function sendReferral(
  s: Services,
  who: Referrer,
  existing: ReferralRecord,
  form: ReferralForm,
  correlationId: string,
): Promise<Saved> {
  return guarded(async () => {
    const { onBehalf } = await checkReferringAgency(s, who.principal, form);
    const result = await submitReferral(context(s, who, correlationId), {
      referrerPersonId: who.principal.personId,
      referralId: existing.id,
      form,
      submit: true,
      onBehalfOfAgency: onBehalf,
    });
    return result.referral;
  });
}

/** A refusal of the use case becomes words on the card; anything else is unexpected. */
async function guarded(work: () => Promise<ReferralRecord>): Promise<Saved> {
  try {
    return { ok: true, referral: await work() };
  } catch (error) {
    if (
      error instanceof DomainError &&
      (error.code === 'VALIDATION_FAILED' || error.code === 'CONFLICT')
    ) {
      return {
        ok: false,
        errors: error.details?.length ? problemsWords(error.details) : [error.message],
      };
    }
    throw error;
  }
}

export async function questionSetFor(
  s: Services,
  areaId: string | undefined,
): Promise<QuestionSet> {
  const area = areaId ? await s.uow.run((repos) => repos.areas.get(areaId)) : null;
  const set = area ? findQuestionSet(settingsOf(area).questionSet) : null;
  if (!set) throw new DomainError('CONFLICT', "The area's risk checklist is not loaded.");
  return set;
}

export const PAGE_SIZE = 8;
export const dashPages = (set: QuestionSet) => Math.ceil(set.questions.length / PAGE_SIZE);

/** The steps in order: details, each checklist page, review. */
export function stepsFor(set: QuestionSet): string[] {
  return ['details', ...Array.from({ length: dashPages(set) }, (_, i) => `dash-${i}`), 'review'];
}
