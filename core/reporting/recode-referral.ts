import { EQUALITY_FIELDS, type EqualityField } from '../contracts/equality.js';
import type { RecodeBody, Recoded } from '../contracts/recode-api.js';
import type { SentReferralRecord } from '../ports/referrals.js';
import { DomainError } from '../shared/errors.js';
import type { RecodeDeps } from './list-to-recode.js';

const FIELD_WORDS: Record<EqualityField, string> = {
  ethnicity: "Victim's ethnicity",
  sexuality: "Victim's sexuality",
};

function viewOf(referral: SentReferralRecord): Recoded {
  const v = referral.form.victim;
  return {
    referralId: referral.id,
    reference: referral.reference,
    ethnicity: { category: v.ethnicity ?? null, asWritten: referral.asWritten?.ethnicity ?? null },
    sexuality: { category: v.sexuality ?? null, asWritten: referral.asWritten?.sexuality ?? null },
  };
}

/** What may be recoded: a field with words written and no category yet (or this one already). */
function check(referral: SentReferralRecord, field: EqualityField, wanted: string): boolean {
  const now = referral.form.victim[field];
  if (now === wanted) return false;
  const refuse = (what: string) => {
    throw new DomainError('CONFLICT', `${FIELD_WORDS[field]}: ${what}`, [
      { path: field, message: `${FIELD_WORDS[field]}: ${what}` },
    ]);
  };
  // Said without the category: a message never carries what the case says.
  if (now !== undefined)
    refuse('this referral already has a category for it. Reload the list to see what is left.');
  if (!referral.asWritten?.[field])
    refuse('nothing was written for it on this referral, so there is nothing to recode.');
  return true;
}

/**
 * The coordinator gives a referral's ethnicity or sexuality, written in words before the form
 * offered categories, the category the words mean (issue #13). The words stay, as "first
 * written as"; the return counts the category from now on. One transaction; saving what is
 * already saved changes nothing and records nothing. The audit names the field recoded, not the
 * category: the log outlives the case (retention) and is read more widely, and an ethnic group
 * or a sexual orientation is what the case says, which the log never holds.
 */
export async function recodeReferral(
  deps: RecodeDeps,
  input: { referralId: string } & RecodeBody,
): Promise<Recoded> {
  return deps.uow.run(async (repos) => {
    const referral = await repos.referrals.get(input.referralId);
    // A draft is its referrer's own, still being written: they choose the category themselves.
    if (!referral || referral.status === 'draft')
      throw new DomainError('NOT_FOUND', 'There is no such referral.');
    const changed = EQUALITY_FIELDS.filter((field) => {
      const wanted = input[field];
      return wanted !== undefined && check(referral, field, wanted);
    });
    if (changed.length === 0) return viewOf(referral);
    const victim = { ...referral.form.victim };
    for (const field of changed) Object.assign(victim, { [field]: input[field] });
    const recoded: SentReferralRecord = { ...referral, form: { ...referral.form, victim } };
    await repos.referrals.update(recoded);
    for (const field of changed)
      await repos.audit.record(`referral.recode-${field}`, 'referral', referral.id);
    return viewOf(recoded);
  });
}
