import type { ReferralFormInput } from '../../api/referrals.js';

/**
 * The referral form as the person types it: every field a string (or a flag) so that nothing
 * typed is lost, turned into the API's shape only when it is sent. Errors from the server are
 * keyed by the field's path in the form ("victim.dateOfBirth", "perpetrators.0.name").
 */
export type YesNoUnknown = 'yes' | 'no' | 'not-known';
export type Gender = 'female' | 'male' | 'non-binary' | 'other' | 'not-known';

export interface PerpetratorDraft {
  key: number;
  name: string;
  otherNames: string;
  dateOfBirth: string;
  gender: Gender;
  relationshipToVictim: string;
  mappaLevel: string;
  line1: string;
  town: string;
  postcode: string;
}

export interface ChildDraft {
  key: number;
  name: string;
  dateOfBirth: string;
  relationshipToVictim: string;
  relationshipToPerpetrator: string;
  school: string;
  livesInHousehold: boolean;
}

export interface ReferralDraft {
  /** Set once saved: later saves update the same referral. */
  referralId: string | null;
  areaId: string;
  referrerAgencyId: string;
  referrerPhone: string;
  victim: {
    name: string;
    otherNames: string;
    dateOfBirth: string;
    gender: Gender;
    line1: string;
    line2: string;
    town: string;
    postcode: string;
    phone: string;
    safeToCall: YesNoUnknown;
    safeContactNotes: string;
    ethnicity: string;
    disability: YesNoUnknown;
    sexuality: string;
    language: string;
    interpreterNeeded: boolean;
  };
  perpetrators: PerpetratorDraft[];
  children: ChildDraft[];
  reasonsForReferral: string;
  riskKind: 'dash' | 'dara';
  questionSet: string;
  answers: Record<string, YesNoUnknown>;
  daraOutcome: '' | 'high' | 'medium' | 'standard';
  completedOn: string;
  professionalJudgement: string;
  incidentsInLast12Months: string;
  victimAware: 'yes' | 'no';
  consented: boolean;
  reasonWithoutConsent: string;
  victimFears: string;
  safeToContact: string;
  notSafeToContact: string;
  previousMaracsElsewhere: string;
  childrensServicesReferralMade: boolean | null;
}

let nextKey = 1;
export const newKey = () => nextKey++;

export function emptyPerpetrator(): PerpetratorDraft {
  return {
    key: newKey(),
    name: '',
    otherNames: '',
    dateOfBirth: '',
    gender: 'male',
    relationshipToVictim: 'ex-partner',
    mappaLevel: 'not-known',
    line1: '',
    town: '',
    postcode: '',
  };
}

export function emptyChild(): ChildDraft {
  return {
    key: newKey(),
    name: '',
    dateOfBirth: '',
    relationshipToVictim: '',
    relationshipToPerpetrator: '',
    school: '',
    livesInHousehold: true,
  };
}

export function emptyDraft(areaId: string, today: string): ReferralDraft {
  return {
    referralId: null,
    areaId,
    referrerAgencyId: '',
    referrerPhone: '',
    victim: {
      name: '',
      otherNames: '',
      dateOfBirth: '',
      gender: 'female',
      line1: '',
      line2: '',
      town: '',
      postcode: '',
      phone: '',
      safeToCall: 'not-known',
      safeContactNotes: '',
      ethnicity: '',
      disability: 'not-known',
      sexuality: '',
      language: '',
      interpreterNeeded: false,
    },
    perpetrators: [emptyPerpetrator()],
    children: [],
    reasonsForReferral: '',
    riskKind: 'dash',
    questionSet: 'safelives-24',
    answers: {},
    daraOutcome: '',
    completedOn: today,
    professionalJudgement: '',
    incidentsInLast12Months: '0',
    victimAware: 'yes',
    consented: true,
    reasonWithoutConsent: '',
    victimFears: '',
    safeToContact: '',
    notSafeToContact: '',
    previousMaracsElsewhere: '',
    childrensServicesReferralMade: null,
  };
}

/** Optional text: left out when blank. */
const opt = (value: string) => (value.trim() === '' ? undefined : value.trim());
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

/** The draft in the API's shape. Blank required fields are sent blank: the server names them. */
export function toForm(d: ReferralDraft): ReferralFormInput {
  const v = d.victim;
  const incidents = d.incidentsInLast12Months.trim() === '' ? 0 : Number(d.incidentsInLast12Months);
  return {
    areaId: d.areaId,
    referrerAgencyId: d.referrerAgencyId,
    referrerPhone: d.referrerPhone.trim(),
    victim: {
      name: v.name.trim(),
      otherNames: names(v.otherNames),
      dateOfBirth: dateOrNull(v.dateOfBirth),
      gender: v.gender,
      address: address(v.line1, v.town, v.postcode, v.line2),
      phone: opt(v.phone),
      safeToCall: v.safeToCall,
      safeContactNotes: opt(v.safeContactNotes),
      ethnicity: opt(v.ethnicity),
      disability: v.disability,
      sexuality: opt(v.sexuality),
      language: opt(v.language),
      interpreterNeeded: v.interpreterNeeded,
    },
    perpetrators: d.perpetrators.map((p) => ({
      name: p.name.trim(),
      otherNames: names(p.otherNames),
      dateOfBirth: dateOrNull(p.dateOfBirth),
      gender: p.gender,
      relationshipToVictim: p.relationshipToVictim as never,
      address: address(p.line1, p.town, p.postcode),
      mappaLevel: p.mappaLevel as never,
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
        ? { kind: 'dash', questionSet: d.questionSet, answers: { ...d.answers }, completedOn: d.completedOn }
        : { kind: 'dara', outcome: d.daraOutcome as never, completedOn: d.completedOn },
    professionalJudgement: opt(d.professionalJudgement),
    incidentsInLast12Months: Number.isFinite(incidents) ? incidents : -1,
    consent:
      d.victimAware === 'yes'
        ? { victimAware: true, consented: d.consented, reasonWithoutConsent: opt(d.reasonWithoutConsent) }
        : { victimAware: false, reasonWithoutConsent: d.reasonWithoutConsent.trim() },
    victimFears: opt(d.victimFears),
    safeToContact: opt(d.safeToContact),
    notSafeToContact: opt(d.notSafeToContact),
    previousMaracsElsewhere: opt(d.previousMaracsElsewhere),
    childrensServicesReferralMade: d.childrensServicesReferralMade,
  };
}

/** A stored form back into a draft, to carry on with it (a draft, or one sent back). */
export function fromForm(form: ReferralFormInput, referralId: string, today: string): ReferralDraft {
  const base = emptyDraft(form.areaId, today);
  const v = form.victim;
  const risk = form.riskAssessment;
  return {
    ...base,
    referralId,
    referrerAgencyId: form.referrerAgencyId,
    referrerPhone: form.referrerPhone,
    victim: {
      name: v.name,
      otherNames: (v.otherNames ?? []).join(', '),
      dateOfBirth: v.dateOfBirth ?? '',
      gender: v.gender,
      line1: v.address?.line1 ?? '',
      line2: v.address?.line2 ?? '',
      town: v.address?.town ?? '',
      postcode: v.address?.postcode ?? '',
      phone: v.phone ?? '',
      safeToCall: v.safeToCall,
      safeContactNotes: v.safeContactNotes ?? '',
      ethnicity: v.ethnicity ?? '',
      disability: v.disability,
      sexuality: v.sexuality ?? '',
      language: v.language ?? '',
      interpreterNeeded: v.interpreterNeeded,
    },
    perpetrators: form.perpetrators.map((p) => ({
      key: newKey(),
      name: p.name,
      otherNames: (p.otherNames ?? []).join(', '),
      dateOfBirth: p.dateOfBirth ?? '',
      gender: p.gender,
      relationshipToVictim: p.relationshipToVictim,
      mappaLevel: p.mappaLevel,
      line1: p.address?.line1 ?? '',
      town: p.address?.town ?? '',
      postcode: p.address?.postcode ?? '',
    })),
    children: (form.children ?? []).map((c) => ({
      key: newKey(),
      name: c.name,
      dateOfBirth: c.dateOfBirth ?? '',
      relationshipToVictim: c.relationshipToVictim,
      relationshipToPerpetrator: c.relationshipToPerpetrator,
      school: c.school ?? '',
      livesInHousehold: c.livesInHousehold,
    })),
    reasonsForReferral: form.reasonsForReferral,
    riskKind: risk.kind,
    questionSet: risk.kind === 'dash' ? risk.questionSet : base.questionSet,
    answers: risk.kind === 'dash' ? { ...risk.answers } : {},
    daraOutcome: risk.kind === 'dara' ? risk.outcome : '',
    completedOn: risk.completedOn,
    professionalJudgement: form.professionalJudgement ?? '',
    incidentsInLast12Months: String(form.incidentsInLast12Months),
    victimAware: form.consent.victimAware ? 'yes' : 'no',
    consented: form.consent.victimAware ? form.consent.consented : false,
    reasonWithoutConsent: form.consent.reasonWithoutConsent ?? '',
    victimFears: form.victimFears ?? '',
    safeToContact: form.safeToContact ?? '',
    notSafeToContact: form.notSafeToContact ?? '',
    previousMaracsElsewhere: form.previousMaracsElsewhere ?? '',
    childrensServicesReferralMade: form.childrensServicesReferralMade ?? null,
  };
}

/** "body.form.victim.name" (schema) and "victim.name" (domain checks) are the same field. */
export function fieldPath(path: string): string {
  return path.replace(/^body\./, '').replace(/^form\./, '');
}

/** Schema messages in words a practitioner reads. */
export function friendlyMessage(message: string): string {
  if (/Too small: expected string to have >=1 characters?/i.test(message)) return 'Fill this in.';
  if (/^Invalid option/i.test(message)) return 'Choose one of the options.';
  if (/expected number, received (null|NaN)/i.test(message)) return 'Enter a number.';
  if (/a real date in the form YYYY-MM-DD/.test(message)) return 'Enter a real date.';
  return message;
}

/** Errors keyed by field path; one message a field (the first wins). */
export function errorsByField(details: { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    const key = fieldPath(d.path);
    out[key] ??= friendlyMessage(d.message);
  }
  return out;
}

/** A few paths named in words for the error summary; the rest by their path. */
export function describePath(path: string): string {
  const p = fieldPath(path);
  const known: Record<string, string> = {
    areaId: 'Area',
    referrerAgencyId: 'Your agency',
    referrerPhone: 'Your phone number',
    'victim.name': 'Victim’s name',
    'victim.dateOfBirth': 'Victim’s date of birth',
    'victim.address.line1': 'Victim’s address line 1',
    'victim.address.town': 'Victim’s town',
    reasonsForReferral: 'Reasons for referral',
    professionalJudgement: 'Professional judgement rationale',
    incidentsInLast12Months: 'Incidents in the last 12 months',
    'consent.reasonWithoutConsent': 'Reason for sharing without consent',
    childrensServicesReferralMade: 'Children’s services referral',
    'riskAssessment.completedOn': 'Date the assessment was completed',
    'riskAssessment.outcome': 'DARA outcome',
  };
  if (known[p]) return known[p];
  const answer = /^riskAssessment\.answers\.q(\d+)$/.exec(p);
  if (answer) return `DASH question ${answer[1]}`;
  const person = /^(perpetrators|children)\.(\d+)\.(.+)$/.exec(p);
  if (person) {
    const who = person[1] === 'perpetrators' ? 'Perpetrator' : 'Child';
    return `${who} ${Number(person[2]) + 1}: ${person[3]}`;
  }
  return p;
}

export const CRITERIA_WORDS: Record<string, string> = {
  'visible-high-risk': 'Visible high risk',
  'professional-judgement': 'Professional judgement',
  'potential-escalation': 'Potential escalation',
  repeat: 'Repeat',
};

export const STATUS_WORDS: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  'needs-information': 'Needs information',
  accepted: 'Accepted',
  declined: 'Declined',
  merged: 'Merged',
};

export const BAND_WORDS: Record<string, string> = { standard: 'Standard', medium: 'Medium', high: 'High' };

export const GENDER_WORDS: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  'non-binary': 'Non-binary',
  other: 'Other',
  'not-known': 'Not known',
};
export const RELATIONSHIP_WORDS: Record<string, string> = {
  partner: 'Partner',
  'ex-partner': 'Ex-partner',
  parent: 'Parent',
  child: 'Child',
  sibling: 'Sibling',
  'other-family': 'Other family member',
  other: 'Other',
};
export const MAPPA_WORDS: Record<string, string> = {
  none: 'Not managed under MAPPA',
  '1': 'Level 1',
  '2': 'Level 2',
  '3': 'Level 3',
  'not-known': 'Not known',
};
