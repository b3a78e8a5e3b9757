import type { SentReferralRecord } from '../ports/referrals.js';
import { findQuestionSet } from '../referrals/question-sets.js';
import type { AgendaCase } from './agenda.js';

const CRITERIA_WORDS: Record<string, string> = {
  'visible-high-risk': 'Visible high risk',
  'professional-judgement': 'Professional judgement',
  'potential-escalation': 'Potential escalation',
  repeat: 'Repeat within 12 months',
};

/** An address on one line, as the agenda and a rep's research show it. */
export function address(a: SentReferralRecord['form']['victim']['address']): string | null {
  if (!a) return null;
  return [a.line1, a.line2, a.town, a.postcode].filter(Boolean).join(', ');
}

/**
 * A referral as its line on the MARAC case summary list: who, who harms them, the children and
 * their schools, why it is here and the risks known. What the referrer wrote is kept in their
 * words; nothing is invented where they left a field empty.
 */
export function agendaCaseOf(
  referral: SentReferralRecord,
  input: { referringAgency: string; lateReason: string | null },
): AgendaCase {
  const { form } = referral;
  const assessment = form.riskAssessment;
  const checklist =
    assessment.kind === 'dash'
      ? (findQuestionSet(assessment.questionSet)?.title ?? 'DASH risk checklist')
      : 'DARA';
  const total =
    assessment.kind === 'dash' ? findQuestionSet(assessment.questionSet)?.questions.length : null;
  const criteria = referral.criteria.map((c) => CRITERIA_WORDS[c] ?? c);
  const scoreWords =
    referral.score === null ? '' : ` (score ${referral.score}${total ? ` of ${total}` : ''})`;
  const knownRisks = [
    form.reasonsForReferral,
    form.victimFears && `Victim fears: ${form.victimFears}`,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    referralId: referral.id,
    reference: referral.reference,
    victim: {
      name: form.victim.name,
      otherNames: [...form.victim.otherNames],
      dateOfBirth: form.victim.dateOfBirth,
      address: address(form.victim.address),
    },
    perpetrators: form.perpetrators.map((p) => ({
      name: p.name,
      otherNames: [...p.otherNames],
      dateOfBirth: p.dateOfBirth,
    })),
    children: form.children.map((c) => ({
      name: c.name,
      otherNames: [],
      dateOfBirth: c.dateOfBirth,
      school: c.school ?? null,
    })),
    referringAgency: input.referringAgency,
    reason: `${criteria.join('; ') || 'Referred'}${scoreWords}`,
    risk: { band: referral.band, score: referral.score, checklist },
    isRepeat: referral.isRepeat,
    mappaLead: referral.mappaLead,
    knownRisks,
    lateReason: input.lateReason,
  };
}
