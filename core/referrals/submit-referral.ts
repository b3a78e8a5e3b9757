import {
  referralFormSchema,
  type ReferralDraft,
  type ReferralForm,
} from '../contracts/referral.js';
import type {
  DraftReferralRecord,
  ReferralRecord,
  SentReferralRecord,
} from '../ports/referrals.js';
import type { AreaRecord, Repos } from '../ports/store.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { DomainError } from '../shared/errors.js';
import type { LocalDate } from '../shared/local-date.js';
import { assessDraft } from './assess-draft.js';
import { assessReferral, type Assessment } from './assess-referral.js';
import type { CriteriaResult } from './criteria.js';
import {
  CHILDRENS_SERVICES_MESSAGE,
  MAPPA_LEAD_MESSAGE,
  needsChildrensServicesConfirmation,
} from './flags.js';
import type { ReferralDeps } from './referral-deps.js';

/** `submit: false` keeps whatever has been typed as a draft; `submit: true` needs the whole form. */
export type SubmitReferralInput = {
  referrerPersonId: string;
  /** An existing draft of this referrer's (or a referral sent back for information) to update. */
  referralId?: string | undefined;
  /** A coordinator or admin referring for an agency they do not represent: audited as such. */
  onBehalfOfAgency?: boolean | undefined;
} & ({ submit: false; form: ReferralDraft } | { submit: true; form: ReferralForm });

export interface SubmitReferralResult {
  referral: ReferralRecord;
  /** The criteria as the referrer may be told them: a repeat never shows (see Assessment). */
  criteria: CriteriaResult;
  /** Only on a complete form: a draft runs no duplicate or repeat check. */
  assessment: Assessment | null;
  /** What the referrer is told: never anything of another referral. */
  messages: string[];
}

const DUPLICATE_MESSAGE =
  'A referral for this person may already have been made. Please contact your MARAC coordinator before you do anything else.';

async function checkReferrer(
  repos: Repos,
  area: AreaRecord,
  agencyId: string | null | undefined,
): Promise<void> {
  if (!agencyId) return;
  const agencies = await repos.areas.agencies(area.id);
  if (!agencies.some((a) => a.id === agencyId)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Your agency: choose an agency that sits on this MARAC area.',
      [
        {
          path: 'referrerAgencyId',
          message: 'Your agency: choose an agency that sits on this MARAC area.',
        },
      ],
    );
  }
}

async function existingReferral(
  repos: Repos,
  input: SubmitReferralInput,
): Promise<ReferralRecord | null> {
  if (!input.referralId) return null;
  const found = await repos.referrals.get(input.referralId);
  if (!found || found.referrerPersonId !== input.referrerPersonId) {
    throw new DomainError('NOT_FOUND', 'There is no such draft referral of yours.');
  }
  if (found.status !== 'draft' && found.status !== 'needs-information') {
    throw new DomainError(
      'CONFLICT',
      'This referral has been submitted; the coordinator now holds it.',
    );
  }
  if (found.areaId !== input.form.areaId) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'MARAC area: a draft stays in its area; start a new referral for another area.',
      [
        {
          path: 'areaId',
          message: 'MARAC area: a draft stays in its area; start a new referral for another area.',
        },
      ],
    );
  }
  return found;
}

/**
 * A referral sent back for information stays with the coordinator, so it stays complete: saving
 * it without submitting checks the whole form, as a submission does.
 */
function completeForm(draft: ReferralDraft): ReferralForm {
  const parsed = referralFormSchema.safeParse(draft);
  if (parsed.success) return parsed.data;
  const message =
    'A referral sent back for more information stays complete: fill in this field, or submit it.';
  throw new DomainError(
    'VALIDATION_FAILED',
    message,
    parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message })),
  );
}

/**
 * Saves a draft or submits a referral. A draft keeps whatever has been typed (only the area is
 * required), encrypted like any referral, and runs no duplicate or repeat check. A submission is
 * checked, scored, matched against earlier referrals by blind index and stored encrypted under
 * its case's key, linking a repeat to the earlier case. A referral that meets no criterion can
 * still be submitted for the coordinator to decide.
 */
export async function submitReferral(
  deps: ReferralDeps,
  input: SubmitReferralInput,
): Promise<SubmitReferralResult> {
  const now = deps.clock.now();
  const today = londonToday(now);
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.get(input.form.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    await checkReferrer(repos, area, input.form.referrerAgencyId);
    const existing = await existingReferral(repos, input);
    const base = { repos, area, today, existing, referrerPersonId: input.referrerPersonId };
    if (!input.submit && existing?.status !== 'needs-information') {
      const { referral, criteria } = await saveDraft(deps, base, input.form);
      await repos.audit.record('referral.save-draft', 'referral', referral.id);
      if (input.onBehalfOfAgency)
        await repos.audit.record('referral.on-behalf', 'referral', referral.id);
      return { referral, criteria, assessment: null, messages: [] };
    }
    const form = input.submit ? input.form : completeForm(input.form);
    const { referral, assessment } = await saveComplete(
      deps,
      base,
      form,
      input.submit ? 'submitted' : 'needs-information',
      now,
    );
    if (input.submit) {
      await repos.outbox.enqueue(
        { kind: 'notify.referrer', referralId: referral.id, status: 'submitted' },
        `notify:${referral.id}:submitted`,
      );
    }
    await repos.audit.record(
      input.submit ? 'referral.submit' : 'referral.save-draft',
      'referral',
      referral.id,
    );
    if (input.onBehalfOfAgency)
      await repos.audit.record('referral.on-behalf', 'referral', referral.id);
    // Telling a referrer of a likely match discloses that the victim may be known: only on
    // submission, and each time recorded for the coordinator (`GET /api/areas/{id}/match-notices`).
    if (input.submit && assessment.duplicates.length > 0) {
      await repos.audit.record('referral.match-notice', 'referral', referral.id);
    }
    return {
      referral,
      criteria: assessment.referrerCriteria,
      assessment,
      messages: messagesFor(referral, assessment),
    };
  });
}

/**
 * The words written before the form offered categories go with every save: the form that comes
 * back from the tab or the bot holds only a category (or nothing), never the words, so they are
 * taken from the stored referral, whatever category is now chosen (stored-form.ts).
 */
const keptWords = (existing: ReferralRecord | null) =>
  existing?.asWritten ? { asWritten: existing.asWritten } : {};

interface SaveBase {
  repos: Repos;
  area: AreaRecord;
  today: LocalDate;
  existing: ReferralRecord | null;
  referrerPersonId: string;
}

async function identity(
  deps: ReferralDeps,
  { repos, area, today, existing }: SaveBase,
  caseId: string | null,
) {
  const id = caseId ?? existing?.caseId ?? deps.ids.newId();
  if (!caseId && !existing) {
    await repos.referrals.newCase({
      id,
      partnershipId: area.partnershipId,
      areaId: area.id,
      referredOn: today,
      repeatOf: null,
    });
  }
  return {
    id: existing?.id ?? deps.ids.newId(),
    reference:
      existing?.reference ??
      (await repos.referrals.nextReference(area.id, Number(today.slice(0, 4)))),
    caseId: id,
    areaId: area.id,
    partnershipId: area.partnershipId,
  };
}

async function saveDraft(
  deps: ReferralDeps,
  base: SaveBase,
  form: ReferralDraft,
): Promise<{ referral: DraftReferralRecord; criteria: CriteriaResult }> {
  const assessed = assessDraft(base.area, form, base.today);
  const referral: DraftReferralRecord = {
    ...(await identity(deps, base, null)),
    referrerPersonId: base.referrerPersonId,
    referrerAgencyId: form.referrerAgencyId ?? null,
    status: 'draft',
    form,
    questionSet: assessed.questionSet,
    score: assessed.risk?.score ?? null,
    band: assessed.risk?.band ?? 'standard',
    criteria: assessed.criteria.criteriaMet,
    isRepeat: false,
    mappaLead: false,
    childrenCount: form.children?.length ?? 0,
    meetingId: null,
    referredOn: base.today,
    submittedAt: null,
    decidedAt: null,
    ...keptWords(base.existing),
  };
  await (base.existing
    ? base.repos.referrals.update(referral)
    : base.repos.referrals.insert(referral));
  return { referral, criteria: assessed.criteria };
}

async function saveComplete(
  deps: ReferralDeps,
  base: SaveBase,
  form: ReferralForm,
  status: 'submitted' | 'needs-information',
  now: Date,
): Promise<{ referral: SentReferralRecord; assessment: Assessment }> {
  const { repos, area, today, existing } = base;
  const assessment = await assessReferral(repos, {
    area,
    form,
    today,
    ...(existing ? { excludeReferralId: existing.id } : {}),
  });
  if (assessment.repeatOf) await repos.referrals.touchCase(assessment.repeatOf.caseId, today);
  const referral: SentReferralRecord = {
    ...(await identity(deps, base, assessment.repeatOf?.caseId ?? null)),
    referrerPersonId: base.referrerPersonId,
    referrerAgencyId: form.referrerAgencyId,
    status,
    form,
    questionSet: form.riskAssessment.kind === 'dash' ? form.riskAssessment.questionSet : null,
    score: assessment.risk.score,
    band: assessment.risk.band,
    criteria: assessment.criteria.criteriaMet,
    isRepeat: assessment.repeatOf !== null,
    mappaLead: assessment.mappaLead,
    childrenCount: form.children.length,
    meetingId: null,
    referredOn: today,
    submittedAt: status === 'submitted' ? now : (existing?.submittedAt ?? null),
    decidedAt: null,
    // The note that sent it back stays beside it until it is submitted again.
    decisionNote: status === 'needs-information' ? (existing?.decisionNote ?? null) : null,
    ...keptWords(existing),
  };
  await (existing ? repos.referrals.update(referral) : repos.referrals.insert(referral));
  // The coordinator sees every possible candidate; the referrer is told only of likely ones.
  await repos.referrals.recordCandidates(referral.id, assessment.candidates);
  return { referral, assessment };
}

function messagesFor(referral: SentReferralRecord, assessment: Assessment): string[] {
  const messages: string[] = [];
  if (referral.status === 'submitted' && assessment.duplicates.length > 0)
    messages.push(DUPLICATE_MESSAGE);
  if (assessment.referrerCriteria.shortfall)
    messages.push(`No referral criterion is met yet: ${assessment.referrerCriteria.shortfall}`);
  if (referral.mappaLead) messages.push(MAPPA_LEAD_MESSAGE);
  if (
    needsChildrensServicesConfirmation(
      { band: referral.band, criteriaMet: assessment.criteria.criteriaMet },
      referral.form.children,
    )
  ) {
    messages.push(CHILDRENS_SERVICES_MESSAGE);
  }
  // A repeat is not announced to the referrer: that the victim was heard before is the
  // coordinator's to know; the referral is linked to the earlier case all the same.
  return messages;
}
