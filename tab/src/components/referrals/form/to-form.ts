import type { ReferralFormInput } from '../../../api/referrals.js';
import {
  emptyDraft,
  newKey,
  type Gender,
  type ReferralDraft,
  type YesNoUnknown,
} from './referral-draft.js';

/** A stored form as the server gives it back: a draft may hold any part of it. */
type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | null }
    : T;
export type StoredForm = DeepPartial<ReferralFormInput>;

/** Optional text: left out when blank. */
const opt = (value: string) => (value.trim() === '' ? undefined : value.trim());
/** A choice not yet made is left out (a draft may be partial; a submission is checked first). */
const chosen = <T extends string>(value: T | '') => (value === '' ? undefined : value);
const names = (value: string) =>
  value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
const dateOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

function address(line1: string, town: string, postcode: string, line2 = '') {
  if ([line1, line2, town, postcode].every((v) => v.trim() === '')) return null;
  return { line1: line1.trim(), line2: opt(line2), town: town.trim(), postcode: opt(postcode) };
}

function consent(d: ReferralDraft) {
  if (d.victimAware === '') return undefined;
  if (d.victimAware === 'no')
    return { victimAware: false, reasonWithoutConsent: d.reasonWithoutConsent.trim() } as const;
  return {
    victimAware: true,
    consented: d.consented === '' ? undefined : d.consented === 'yes',
    reasonWithoutConsent: opt(d.reasonWithoutConsent),
  } as const;
}

/** Leaves out every blank text: a draft stores only what was typed (the server refuses ''). */
function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== '' && v !== undefined)
      .map(([k, v]) => [k, withoutBlanks(v)]),
  );
}

/**
 * The draft in the API's shape. Blank text and unanswered choices are left out: the tab's own
 * check names what is missing before a submission, and a draft may be saved unfinished.
 */
export function toForm(d: ReferralDraft): ReferralFormInput {
  const v = d.victim;
  const incidents = d.incidentsInLast12Months.trim() === '' ? 0 : Number(d.incidentsInLast12Months);
  const form = {
    areaId: d.areaId,
    referrerAgencyId: d.referrerAgencyId,
    referrerPhone: d.referrerPhone.trim(),
    victim: {
      name: v.name.trim(),
      otherNames: names(v.otherNames),
      dateOfBirth: dateOrNull(v.dateOfBirth),
      gender: chosen(v.gender),
      address: address(v.line1, v.town, v.postcode, v.line2),
      phone: opt(v.phone),
      safeToCall: v.safeToCall,
      safeContactNotes: opt(v.safeContactNotes),
      ethnicity: chosen(v.ethnicity),
      disability: v.disability,
      sexuality: chosen(v.sexuality),
      language: opt(v.language),
      interpreterNeeded: v.interpreterNeeded,
    },
    perpetrators: d.perpetrators.map((p) => ({
      name: p.name.trim(),
      otherNames: names(p.otherNames),
      dateOfBirth: dateOrNull(p.dateOfBirth),
      gender: chosen(p.gender),
      relationshipToVictim: chosen(p.relationshipToVictim),
      address: address(p.line1, p.town, p.postcode),
      mappaLevel: chosen(p.mappaLevel),
    })),
    children: d.children.map((c) => ({
      name: c.name.trim(),
      dateOfBirth: dateOrNull(c.dateOfBirth),
      relationshipToVictim: c.relationshipToVictim.trim(),
      relationshipToPerpetrator: c.relationshipToPerpetrator.trim(),
      school: opt(c.school),
      livesInHousehold: c.livesInHousehold,
    })),
    reasonsForReferral: d.reasonsForReferral.trim(),
    riskAssessment:
      d.riskKind === 'dash'
        ? {
            kind: 'dash',
            questionSet: d.questionSet,
            answers: { ...d.answers },
            completedOn: d.completedOn,
          }
        : { kind: 'dara', outcome: chosen(d.daraOutcome), completedOn: d.completedOn },
    professionalJudgement: opt(d.professionalJudgement),
    incidentsInLast12Months: Number.isFinite(incidents) ? incidents : -1,
    consent: consent(d),
    victimFears: opt(d.victimFears),
    safeToContact: opt(d.safeToContact),
    notSafeToContact: opt(d.notSafeToContact),
    previousMaracsElsewhere: opt(d.previousMaracsElsewhere),
    childrensServicesReferralMade: d.childrensServicesReferralMade,
  };
  return withoutBlanks(form) as ReferralFormInput;
}

const yesNo = (value: boolean | null | undefined): '' | 'yes' | 'no' =>
  value === true ? 'yes' : value === false ? 'no' : '';

/** A stored form back into a draft, to carry on with it (a draft, or one sent back). */
export function fromForm(
  form: StoredForm,
  referralId: string,
  today: string,
  asWritten: ReferralDraft['asWritten'] = { ethnicity: null, sexuality: null },
): ReferralDraft {
  const base = emptyDraft(form.areaId ?? '', today);
  const v = form.victim ?? {};
  const risk = form.riskAssessment ?? {};
  const c = form.consent ?? {};
  const text = (value: string | null | undefined) => value ?? '';
  const list = (value: (string | null | undefined)[] | null | undefined) =>
    (value ?? []).filter(Boolean).join(', ');
  return {
    ...base,
    referralId,
    referrerAgencyId: text(form.referrerAgencyId),
    referrerPhone: text(form.referrerPhone),
    victim: {
      ...base.victim,
      name: text(v.name),
      otherNames: list(v.otherNames),
      dateOfBirth: text(v.dateOfBirth),
      gender: (v.gender ?? '') as Gender | '',
      line1: text(v.address?.line1),
      line2: text(v.address?.line2),
      town: text(v.address?.town),
      postcode: text(v.address?.postcode),
      phone: text(v.phone),
      safeToCall: v.safeToCall ?? base.victim.safeToCall,
      safeContactNotes: text(v.safeContactNotes),
      ethnicity: text(v.ethnicity),
      disability: v.disability ?? base.victim.disability,
      sexuality: text(v.sexuality),
      language: text(v.language),
      interpreterNeeded: v.interpreterNeeded ?? false,
    },
    perpetrators: (form.perpetrators?.length ? form.perpetrators : [{}]).map((p) => ({
      key: newKey(),
      name: text(p.name),
      otherNames: list(p.otherNames),
      dateOfBirth: text(p.dateOfBirth),
      gender: (p.gender ?? '') as Gender | '',
      relationshipToVictim: text(p.relationshipToVictim),
      mappaLevel: text(p.mappaLevel),
      line1: text(p.address?.line1),
      town: text(p.address?.town),
      postcode: text(p.address?.postcode),
    })),
    children: (form.children ?? []).map((ch) => ({
      key: newKey(),
      name: text(ch.name),
      dateOfBirth: text(ch.dateOfBirth),
      relationshipToVictim: text(ch.relationshipToVictim),
      relationshipToPerpetrator: text(ch.relationshipToPerpetrator),
      school: text(ch.school),
      livesInHousehold: ch.livesInHousehold ?? true,
    })),
    reasonsForReferral: text(form.reasonsForReferral),
    riskKind: risk.kind === 'dara' ? 'dara' : 'dash',
    questionSet: risk.kind === 'dash' && risk.questionSet ? risk.questionSet : base.questionSet,
    answers: risk.kind === 'dash' ? ({ ...risk.answers } as Record<string, YesNoUnknown>) : {},
    daraOutcome: risk.kind === 'dara' ? (risk.outcome ?? '') : '',
    completedOn: risk.completedOn ?? base.completedOn,
    professionalJudgement: text(form.professionalJudgement),
    incidentsInLast12Months: String(form.incidentsInLast12Months ?? 0),
    victimAware: yesNo(c.victimAware),
    consented: c.victimAware === true ? yesNo((c as { consented?: boolean | null }).consented) : '',
    reasonWithoutConsent: text(c.reasonWithoutConsent),
    victimFears: text(form.victimFears),
    safeToContact: text(form.safeToContact),
    notSafeToContact: text(form.notSafeToContact),
    previousMaracsElsewhere: text(form.previousMaracsElsewhere),
    childrensServicesReferralMade: form.childrensServicesReferralMade ?? null,
    asWritten,
  };
}
