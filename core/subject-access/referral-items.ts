import { categoryLabel, type EqualityField } from '../contracts/equality.js';
import type { ReferralForm } from '../contracts/referral.js';
import type { AsWritten, SentReferralRecord } from '../ports/referrals.js';
import { findQuestionSet } from '../referrals/question-sets.js';
import {
  answerWords,
  atInstant,
  field,
  onDate,
  yesNo,
  type ReportField,
  type ReportItem,
} from './report.js';

/*
 * A referral as items: the form as the referrer sent it (provided by the referring agency), and
 * the coordinator's own notes on it (provided by the MARAC). The victim's own details are the
 * person's; the perpetrators, the children and the referrer are other people, marked so.
 */

const CRITERIA: Record<string, string> = {
  'visible-high-risk': 'Visible high risk',
  'professional-judgement': 'Professional judgement',
  'potential-escalation': 'Potential escalation',
  repeat: 'Repeat within 12 months',
};

const STATUS: Record<string, string> = {
  submitted: 'Submitted, waiting for the coordinator',
  'needs-information': 'Sent back to the referrer for more information',
  accepted: 'Accepted onto a meeting',
  declined: 'Declined',
  merged: 'Merged into another referral of the same case',
};

type Form = ReferralForm;

function address(
  a: Form['victim']['address'] | Form['perpetrators'][number]['address'],
): string | null {
  return a ? [a.line1, a.line2, a.town, a.postcode].filter(Boolean).join(', ') : null;
}

const born = (date: string | null) => (date ? `born ${onDate(date)}` : 'date of birth not known');
const aka = (names: readonly string[]) =>
  names.length > 0 ? ` (also known as ${names.join(', ')})` : '';

/**
 * A category with, where there were any, the words first written for it (the person's own data
 * too): "Asian or Asian British: Indian (first written as “Indian”)".
 */
function category(field: EqualityField, v: Form['victim'], asWritten: AsWritten | undefined) {
  const label = categoryLabel(field, v[field]);
  const words = asWritten?.[field];
  if (!words) return label;
  return label ? `${label} (first written as “${words}”)` : `Written as “${words}”`;
}

function victimFields(v: Form['victim'], asWritten: AsWritten | undefined): ReportField[] {
  return [
    ...field('Name', v.name),
    ...field('Other names', v.otherNames.join(', ')),
    ...field('Date of birth', v.dateOfBirth ? onDate(v.dateOfBirth) : 'Not known'),
    ...field('Gender', answerWords(v.gender)),
    ...field('Address', address(v.address) ?? 'Not known'),
    ...field('Phone', v.phone),
    ...field('Safe to call', answerWords(v.safeToCall)),
    ...field('How to contact safely', v.safeContactNotes, 'may-name-others'),
    ...field('Ethnicity', category('ethnicity', v, asWritten)),
    ...field('Disability', answerWords(v.disability)),
    ...field('Sexuality', category('sexuality', v, asWritten)),
    ...field('Language', v.language),
    ...field('Interpreter needed', yesNo(v.interpreterNeeded)),
  ];
}

function otherPeople(form: Form): ReportField[] {
  const perpetrators = form.perpetrators.map((p, i) =>
    field(
      `Person causing harm ${i + 1}`,
      [
        `${p.name}${aka(p.otherNames)}, ${born(p.dateOfBirth)}`,
        `Relationship to the victim: ${answerWords(p.relationshipToVictim)}`,
        `Address: ${address(p.address) ?? 'not known'}`,
        `MAPPA level: ${answerWords(p.mappaLevel)}`,
      ].join('\n'),
      'third-party',
    ),
  );
  const children = form.children.map((c, i) =>
    field(
      `Child ${i + 1}`,
      [
        `${c.name}, ${born(c.dateOfBirth)}`,
        `Relationship to the victim: ${c.relationshipToVictim}`,
        `Relationship to the person causing harm: ${c.relationshipToPerpetrator}`,
        c.school ? `School: ${c.school}` : null,
        `Lives in the household: ${yesNo(c.livesInHousehold)}`,
      ]
        .filter(Boolean)
        .join('\n'),
      'third-party',
    ),
  );
  return [...perpetrators.flat(), ...children.flat()];
}

function riskFields(form: Form): ReportField[] {
  const assessment = form.riskAssessment;
  if (assessment.kind === 'dara') {
    return field(
      'Risk assessment',
      `DARA, completed ${onDate(assessment.completedOn)}: ${answerWords(assessment.outcome)} risk`,
    );
  }
  const set = findQuestionSet(assessment.questionSet);
  const answers = Object.entries(assessment.answers).map(([id, answer]) => {
    const text = set?.questions.find((q) => q.id === id)?.text ?? id;
    return `${text} ${answerWords(answer)}`;
  });
  return [
    ...field(
      'Risk assessment',
      `${set?.title ?? 'DASH risk checklist'}, completed ${onDate(assessment.completedOn)}`,
    ),
    // The questions ask about the person causing harm as much as about the victim.
    ...field('Risk checklist answers', answers.join('\n'), 'may-name-others'),
  ];
}

function consentFields(consent: Form['consent']): ReportField[] {
  return [
    ...field('Victim knows about the referral', yesNo(consent.victimAware)),
    ...(consent.victimAware ? field('Victim consented', yesNo(consent.consented)) : []),
    ...field('Reason for sharing without consent', consent.reasonWithoutConsent, 'may-name-others'),
  ];
}

/** The referral form as sent, with its outcome: provided by the referring agency. */
export function referralItem(
  referral: SentReferralRecord,
  referrer: { name: string; agencyName: string | null },
): ReportItem {
  const { form } = referral;
  const agency = referrer.agencyName ?? 'The referring agency';
  const risk = `${answerWords(referral.band)} risk${referral.score === null ? '' : `, score ${referral.score}`}`;
  return {
    title: `Referral ${referral.reference}`,
    providedBy: agency,
    on: referral.submittedAt ? atInstant(referral.submittedAt) : onDate(referral.referredOn),
    fields: [
      ...field('Referred by', referrer.name, 'third-party'),
      ...field("Referrer's phone number", form.referrerPhone, 'third-party'),
      ...field('Referring agency', agency),
      ...field('Date referred', onDate(referral.referredOn)),
      ...field('Status', STATUS[referral.status] ?? referral.status),
      ...field('Risk', risk),
      ...field('Criteria met', referral.criteria.map((c) => CRITERIA[c] ?? c).join(', ')),
      ...field('Repeat referral', yesNo(referral.isRepeat)),
      ...field('MAPPA leads', yesNo(referral.mappaLead)),
      ...victimFields(form.victim, referral.asWritten),
      ...otherPeople(form),
      ...field('Reasons for referral', form.reasonsForReferral, 'may-name-others'),
      ...riskFields(form),
      ...field('Professional judgement', form.professionalJudgement, 'may-name-others'),
      ...field('Incidents in the last 12 months', String(form.incidentsInLast12Months)),
      ...consentFields(form.consent),
      ...field("The victim's fears", form.victimFears, 'may-name-others'),
      ...field('When and how it is safe to make contact', form.safeToContact, 'may-name-others'),
      ...field('When and how it is not safe', form.notSafeToContact, 'may-name-others'),
      ...field('Previous MARACs elsewhere', form.previousMaracsElsewhere, 'may-name-others'),
      ...field("Referral to children's services made", yesNo(form.childrensServicesReferralMade)),
    ],
  };
}

/** The coordinator's words on a referral (the decision note, the MAPPA link): the MARAC's own. */
export function coordinatorNoteItems(referral: SentReferralRecord, marac: string): ReportItem[] {
  const on = referral.decidedAt ? atInstant(referral.decidedAt) : onDate(referral.referredOn);
  const items: ReportItem[] = [];
  if (referral.decisionNote) {
    items.push({
      title: `Coordinator's note on referral ${referral.reference}`,
      providedBy: `${marac} (coordinator)`,
      on,
      fields: field('Note to the referrer', referral.decisionNote, 'may-name-others'),
    });
  }
  if (referral.mappaLinkNote) {
    items.push({
      title: `MAPPA link on referral ${referral.reference}`,
      providedBy: `${marac} (coordinator)`,
      on,
      // About the person causing harm's management under MAPPA.
      review: 'third-party',
      fields: field('Link to MAPPA', referral.mappaLinkNote),
    });
  }
  return items;
}
