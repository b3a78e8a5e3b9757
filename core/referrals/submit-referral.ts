import type { ReferralForm } from '../contracts/referral.js';
import type { ReferralRecord } from '../ports/referrals.js';
import type { AreaRecord, Repos } from '../ports/store.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { DomainError } from '../shared/errors.js';
import { assessReferral, type Assessment } from './assess-referral.js';
import { CHILDRENS_SERVICES_MESSAGE, MAPPA_LEAD_MESSAGE, needsChildrensServicesConfirmation } from './flags.js';
import type { ReferralDeps } from './referral-deps.js';

export interface SubmitReferralInput {
  referrerPersonId: string;
  form: ReferralForm;
  /** false keeps it as a draft; true sends it to the coordinator, even if no criterion is met. */
  submit: boolean;
  /** An existing draft of this referrer's to update. */
  referralId?: string | undefined;
  /** A coordinator or admin referring for an agency they do not represent: audited as such. */
  onBehalfOfAgency?: boolean | undefined;
}

export interface SubmitReferralResult {
  referral: ReferralRecord;
  assessment: Assessment;
  /** What the referrer is told: never anything of another referral. */
  messages: string[];
}

const DUPLICATE_MESSAGE =
  'A referral for this person may already have been made. Please contact your MARAC coordinator before you do anything else.';

async function checkReferrer(repos: Repos, area: AreaRecord, form: ReferralForm): Promise<void> {
  const agencies = await repos.areas.agencies(area.id);
  if (!agencies.some((a) => a.id === form.referrerAgencyId)) {
    throw new DomainError('VALIDATION_FAILED', 'That agency does not sit on this MARAC area.', [
      { path: 'referrerAgencyId', message: 'must be an agency of the area' },
    ]);
  }
}

async function existingDraft(repos: Repos, input: SubmitReferralInput): Promise<ReferralRecord | null> {
  if (!input.referralId) return null;
  const draft = await repos.referrals.get(input.referralId);
  if (!draft || draft.referrerPersonId !== input.referrerPersonId) {
    throw new DomainError('NOT_FOUND', 'There is no such draft referral of yours.');
  }
  if (!['draft', 'needs-information'].includes(draft.status)) {
    throw new DomainError('CONFLICT', 'This referral has been submitted; the coordinator now holds it.');
  }
  if (draft.areaId !== input.form.areaId) {
    throw new DomainError('VALIDATION_FAILED', 'A draft cannot move to another area.', [{ path: 'areaId', message: 'must stay the same' }]);
  }
  return draft;
}

/**
 * Saves or submits a referral: checks it, scores it, runs the duplicate and repeat checks, and
 * stores it encrypted under its case's key, linking a repeat to the earlier case. A referral that
 * meets no criterion can still be submitted for the coordinator to decide.
 */
export async function submitReferral(deps: ReferralDeps, input: SubmitReferralInput): Promise<SubmitReferralResult> {
  const now = deps.clock.now();
  const today = londonToday(now);
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.get(input.form.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    await checkReferrer(repos, area, input.form);
    const draft = await existingDraft(repos, input);
    const assessment = await assessReferral(repos, { area, form: input.form, today, ...(draft ? { excludeReferralId: draft.id } : {}) });
    const caseId = assessment.repeatOf?.caseId ?? draft?.caseId ?? deps.ids.newId();
    if (assessment.repeatOf) await repos.referrals.touchCase(caseId, today);
    else if (!draft) await repos.referrals.newCase({ id: caseId, partnershipId: area.partnershipId, areaId: area.id, referredOn: today, repeatOf: null });
    const referral: ReferralRecord = {
      id: draft?.id ?? deps.ids.newId(),
      reference: draft?.reference ?? (await repos.referrals.nextReference(area.id, Number(today.slice(0, 4)))),
      caseId,
      areaId: area.id,
      partnershipId: area.partnershipId,
      referrerPersonId: input.referrerPersonId,
      referrerAgencyId: input.form.referrerAgencyId,
      status: input.submit ? 'submitted' : 'draft',
      form: input.form,
      questionSet: input.form.riskAssessment.kind === 'dash' ? input.form.riskAssessment.questionSet : null,
      score: assessment.risk.score,
      band: assessment.risk.band,
      criteria: assessment.criteria.criteriaMet,
      isRepeat: assessment.repeatOf !== null,
      mappaLead: assessment.mappaLead,
      childrenCount: input.form.children.length,
      meetingId: null,
      referredOn: today,
      submittedAt: input.submit ? now : null,
      decidedAt: null,
    };
    await (draft ? repos.referrals.update(referral) : repos.referrals.insert(referral));
    await repos.referrals.recordCandidates(referral.id, assessment.candidates);
    if (input.submit) {
      await repos.outbox.enqueue({ kind: 'notify.referrer', referralId: referral.id, status: 'submitted' }, `notify:${referral.id}:submitted`);
    }
    await repos.audit.record(input.submit ? 'referral.submit' : 'referral.save-draft', 'referral', referral.id);
    if (input.onBehalfOfAgency) await repos.audit.record('referral.on-behalf', 'referral', referral.id);
    // Telling a referrer of a likely match discloses that the victim may be known: only on
    // submission, and each time recorded for the coordinator (`GET /api/areas/{id}/match-notices`).
    if (input.submit && assessment.duplicates.length > 0) await repos.audit.record('referral.match-notice', 'referral', referral.id);
    return { referral, assessment, messages: messagesFor(referral, assessment) };
  });
}

function messagesFor(referral: ReferralRecord, assessment: Assessment): string[] {
  const messages: string[] = [];
  if (assessment.duplicates.length > 0 && referral.status === 'submitted') messages.push(DUPLICATE_MESSAGE);
  if (assessment.criteria.shortfall) messages.push(`No referral criterion is met yet: ${assessment.criteria.shortfall}`);
  if (referral.mappaLead) messages.push(MAPPA_LEAD_MESSAGE);
  if (needsChildrensServicesConfirmation({ band: referral.band, criteriaMet: assessment.criteria.criteriaMet }, referral.form.children)) {
    messages.push(CHILDRENS_SERVICES_MESSAGE);
  }
  // A repeat is not announced to the referrer: that the victim was heard before is the
  // coordinator's to know; the referral is linked to the earlier case all the same.
  return messages;
}
