/**
 * Every field of the referral form named in words, by its path in the form
 * ("victim.address.postcode", "perpetrators.0.name"). The path finds the field; only the words
 * are ever shown.
 */
const FIXED: Record<string, string> = {
  areaId: 'MARAC area',
  referrerAgencyId: 'Your agency',
  referrerPhone: 'Your phone number',
  'victim.name': 'Victim’s name',
  'victim.otherNames': 'Victim’s other names',
  'victim.dateOfBirth': 'Victim’s date of birth',
  'victim.gender': 'Victim’s gender',
  'victim.address': 'Victim’s address',
  'victim.address.line1': 'Victim’s address line 1',
  'victim.address.line2': 'Victim’s address line 2',
  'victim.address.town': 'Victim’s town',
  'victim.address.postcode': 'Victim’s postcode',
  'victim.phone': 'Victim’s phone',
  'victim.safeToCall': 'Safe to call this number',
  'victim.safeContactNotes': 'Safe ways and times to make contact',
  'victim.ethnicity': 'Victim’s ethnicity',
  'victim.disability': 'Victim’s disability',
  'victim.sexuality': 'Victim’s sexuality',
  'victim.language': 'Victim’s first language',
  'victim.interpreterNeeded': 'Interpreter',
  perpetrators: 'Perpetrators',
  children: 'Children',
  reasonsForReferral: 'Reasons for referral',
  riskAssessment: 'Risk assessment',
  'riskAssessment.kind': 'Assessment used',
  'riskAssessment.completedOn': 'Date the assessment was completed',
  'riskAssessment.outcome': 'DARA outcome',
  'riskAssessment.answers': 'DASH checklist',
  professionalJudgement: 'Professional judgement rationale',
  incidentsInLast12Months: 'Incidents in the last 12 months',
  consent: 'Does the victim know about this referral',
  'consent.victimAware': 'Does the victim know about this referral',
  'consent.consented': 'Does the victim consent',
  'consent.reasonWithoutConsent': 'Reason for sharing without consent',
  victimFears: 'Who the victim fears',
  safeToContact: 'Who is safe to contact',
  notSafeToContact: 'Who is not safe to contact',
  previousMaracsElsewhere: 'Previous MARAC referrals elsewhere',
  childrensServicesReferralMade: 'Children’s services referral',
};

const PERSON_FIELDS: Record<string, string> = {
  name: 'name',
  otherNames: 'other names',
  dateOfBirth: 'date of birth',
  gender: 'gender',
  relationshipToVictim: 'relationship to the victim',
  relationshipToPerpetrator: 'relationship to the perpetrator',
  mappaLevel: 'MAPPA level',
  address: 'address',
  'address.line1': 'address line 1',
  'address.town': 'town',
  'address.postcode': 'postcode',
  school: 'school or nursery',
  livesInHousehold: 'household',
};

/** "body.form.victim.name" (the API's schema) and "victim.name" (its checks) are one field. */
export function fieldPath(path: string): string {
  return path.replace(/^body\./, '').replace(/^form\./, '');
}

/** The field's name in words, or null when the path is not one of the form's fields. */
export function fieldName(path: string): string | null {
  const p = fieldPath(path);
  if (FIXED[p]) return FIXED[p];
  const answer = /^riskAssessment\.answers\.q(\d+)$/.exec(p);
  if (answer) return `DASH question ${answer[1]}`;
  const person = /^(perpetrators|children)\.(\d+)(?:\.(.+))?$/.exec(p);
  if (person) {
    const who = `${person[1] === 'perpetrators' ? 'Perpetrator' : 'Child'} ${Number(person[2]) + 1}`;
    const what = person[3] && PERSON_FIELDS[person[3]];
    return what ? `${who}’s ${what}` : who;
  }
  const other = /^victim\.otherNames\.\d+$/.exec(p);
  if (other) return FIXED['victim.otherNames']!;
  return null;
}

/** The element id of a field's wrapper, for the error summary's links. */
export function fieldDomId(path: string): string {
  return `field-${fieldPath(path).replace(/[^A-Za-z0-9]+/g, '-')}`;
}
