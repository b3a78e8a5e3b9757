/**
 * What each field of a request body is called in words, for the messages people read
 * ("Victim's postcode: use a UK postcode such as NB4 7QX"). Keys are paths inside the body with
 * `*` for a position in a list; `{n}` in a label is that position counted from 1. `kind` says
 * whether a missing answer is entered or chosen.
 */
export type FieldKind = 'text' | 'choice' | 'date' | 'number' | 'list' | 'group';
export interface FieldLabel {
  label: string;
  kind: FieldKind;
}

const f = (label: string, kind: FieldKind = 'text'): FieldLabel => ({ label, kind });

function address(owner: string): Record<string, FieldLabel> {
  return {
    address: f(`${owner} address`, 'group'),
    'address.line1': f(`${owner} address, first line`),
    'address.line2': f(`${owner} address, second line`),
    'address.town': f(`${owner} town`),
    'address.postcode': f(`${owner} postcode`),
  };
}

function under(prefix: string, fields: Record<string, FieldLabel>): Record<string, FieldLabel> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
}

const victim: Record<string, FieldLabel> = {
  name: f("Victim's name"),
  otherNames: f("Victim's other names", 'list'),
  'otherNames.*': f("Victim's other name {n}"),
  dateOfBirth: f("Victim's date of birth", 'date'),
  gender: f("Victim's gender", 'choice'),
  ...address("Victim's"),
  phone: f("Victim's phone number"),
  safeToCall: f('Whether it is safe to call the victim', 'choice'),
  safeContactNotes: f('How to contact the victim safely'),
  ethnicity: f("Victim's ethnicity", 'choice'),
  disability: f('Whether the victim has a disability', 'choice'),
  sexuality: f("Victim's sexuality", 'choice'),
  language: f("Victim's language"),
  interpreterNeeded: f('Whether an interpreter is needed', 'choice'),
};

const perpetrator: Record<string, FieldLabel> = {
  name: f('Name of person causing harm {n}'),
  otherNames: f('Other names of person causing harm {n}', 'list'),
  'otherNames.*': f('Other name of person causing harm {n}'),
  dateOfBirth: f('Date of birth of person causing harm {n}', 'date'),
  gender: f('Gender of person causing harm {n}', 'choice'),
  relationshipToVictim: f("Person causing harm {n}'s relationship to the victim", 'choice'),
  ...address('Person causing harm {n}:'),
  mappaLevel: f('MAPPA level of person causing harm {n}', 'choice'),
};

const child: Record<string, FieldLabel> = {
  name: f("Child {n}'s name"),
  dateOfBirth: f("Child {n}'s date of birth", 'date'),
  relationshipToVictim: f("Child {n}'s relationship to the victim"),
  relationshipToPerpetrator: f("Child {n}'s relationship to the person causing harm"),
  school: f("Child {n}'s school or nursery"),
  livesInHousehold: f('Whether child {n} lives in the household', 'choice'),
};

const referralForm: Record<string, FieldLabel> = {
  form: f('Referral form', 'group'),
  areaId: f('MARAC area', 'choice'),
  referrerAgencyId: f('Your agency', 'choice'),
  referrerPhone: f('Your phone number'),
  victim: f('Victim', 'group'),
  ...under('victim', victim),
  perpetrators: f('People causing harm', 'list'),
  'perpetrators.*': f('Person causing harm {n}', 'group'),
  ...under('perpetrators.*', perpetrator),
  children: f('Children', 'list'),
  'children.*': f('Child {n}', 'group'),
  ...under('children.*', child),
  reasonsForReferral: f('Reasons for referral'),
  riskAssessment: f('Risk assessment', 'group'),
  'riskAssessment.kind': f('Kind of risk assessment', 'choice'),
  'riskAssessment.questionSet': f('Risk checklist', 'choice'),
  'riskAssessment.answers': f('Risk checklist answers', 'group'),
  'riskAssessment.answers.*': f('Risk checklist answer', 'choice'),
  'riskAssessment.completedOn': f('Date the risk assessment was completed', 'date'),
  'riskAssessment.outcome': f('Risk assessment outcome', 'choice'),
  professionalJudgement: f('Professional judgement'),
  incidentsInLast12Months: f('Incidents in the last 12 months', 'number'),
  consent: f('Consent', 'group'),
  'consent.victimAware': f('Whether the victim knows about the referral', 'choice'),
  'consent.consented': f('Whether the victim consented', 'choice'),
  'consent.reasonWithoutConsent': f('Reason for sharing without consent'),
  victimFears: f("The victim's fears"),
  safeToContact: f('When and how it is safe to make contact'),
  notSafeToContact: f('When and how it is not safe to make contact'),
  previousMaracsElsewhere: f('Previous MARACs elsewhere'),
  childrensServicesReferralMade: f("Whether a referral to children's services was made", 'choice'),
};

const cadence: Record<string, FieldLabel> = {
  cadence: f('How often the MARAC meets', 'group'),
  'cadence.kind': f('How often the MARAC meets', 'choice'),
  'cadence.weekday': f('Day of the week', 'choice'),
  'cadence.nth': f('Week of the month', 'choice'),
  'cadence.dayOfMonth': f('Day of the month', 'number'),
};

const protocol: Record<string, FieldLabel> = {
  ...cadence,
  startTime: f('Start time'),
  durationMinutes: f('Length of the meeting in minutes', 'number'),
  region: f('Region for bank holidays', 'choice'),
  referralDeadlineDays: f('Days before the meeting that referrals close', 'number'),
  agendaCirculationDays: f('Days before the meeting that the agenda goes out', 'number'),
  actionPlanHours: f('Hours after the meeting for the action plan', 'number'),
  minutesWorkingDays: f('Working days after the meeting for the minutes', 'number'),
  actionTaskHours: f('Hours after the meeting for urgent actions', 'number'),
  repeatWindowMonths: f('Months within which a referral counts as a repeat', 'number'),
  bankHolidayRule: f('What happens on a bank holiday', 'choice'),
  caseCapacity: f('Cases a meeting can hear', 'number'),
};

/** An agency's research on a case; entry n of `children` is child n of the case on the agenda. */
const research: Record<string, FieldLabel> = {
  knownToAgency: f('Whether the case is known to your agency', 'choice'),
  currentInvolvement: f('Current involvement'),
  historicalInvolvement: f('Historical involvement'),
  professionalOpinion: f('Professional opinion'),
  risksIdentified: f('Risks identified'),
  children: f('Children', 'list'),
  'children.*': f('Child {n}', 'group'),
  'children.*.involvement': f("Your agency's involvement with child {n}"),
  'children.*.contactArrangements': f("Child {n}'s contact arrangements"),
  informationRequested: f('Information requested from other agencies'),
  actionsOffered: f('Actions your agency can offer'),
  recordsFlagged: f('Whether your records are flagged as a MARAC case', 'choice'),
  withheldInformation: f('Information held but not shared'),
  withheldReason: f('Why the information was not shared'),
};

/** The meeting's register and run (issue #10). */
const meetingRun: Record<string, FieldLabel> = {
  attendance: f('Present or apologies', 'choice'),
  infoSentInAdvance: f('Information sent in advance', 'choice'),
  personId: f('Person', 'choice'),
  confirm: f('Confirmation of the confidentiality statement', 'choice'),
  caseTargetMinutes: f('Target minutes per case', 'number'),
};

/** Every other body the API takes, and the path and query ids. */
const other: Record<string, FieldLabel> = {
  response: f('Research', 'group'),
  sharing: f('How much of each agency\u2019s research others read', 'choice'),
  deputies: f('When deputies get research prompts', 'choice'),
  reminderDays: f('Reminder days', 'list'),
  'reminderDays.*': f('Reminder day {n}', 'number'),
  daysBefore: f('Working days before the due day', 'number'),
  shortNoticeHours: f('Hours within which an action counts as short notice', 'number'),
  overdueEveryDays: f('Days between reminders once overdue', 'number'),
  adultWomen: f('Women aged 16 or over in the area', 'number'),
  months: f('Months', 'number'),
  retentionMonths: f('Months case records are kept after their last MARAC', 'number'),
  referralIds: f('Cases', 'list'),
  'referralIds.*': f('Case {n}', 'choice'),
  submit: f('Whether to submit the referral', 'choice'),
  date: f('Meeting date', 'date'),
  reason: f('Reason'),
  firstDate: f('Date of the first meeting', 'date'),
  until: f('Date of the last meeting', 'date'),
  start: f('Start date', 'date'),
  count: f('Number of meetings', 'number'),
  protocol: f('Protocol', 'group'),
  coreRep: f('Core rep', 'group'),
  'coreRep.name': f("Core rep's name"),
  'coreRep.email': f("Core rep's email address"),
  deputyRep: f('Deputy', 'group'),
  'deputyRep.name': f("Deputy's name"),
  'deputyRep.email': f("Deputy's email address"),
  email: f('Email address'),
  meetingId: f('Meeting', 'choice'),
  lateReason: f('Reason for adding it after the referral deadline'),
  confirmOverCapacity: f('Confirmation that the meeting may go over capacity', 'choice'),
  decision: f('Decision', 'choice'),
  note: f('Note'),
  questionSet: f('Risk checklist', 'choice'),
  mediumThreshold: f('Score for medium risk', 'number'),
  highThreshold: f('Score for high risk', 'number'),
  escalationIncidents: f('Incidents that count as escalation', 'number'),
  escalationWindowMonths: f('Months counted for escalation', 'number'),
  capacityPerMeeting: f('Cases a meeting can hear', 'number'),
  areaId: f('MARAC area', 'choice'),
  agencyId: f('Agency', 'choice'),
  referralId: f('Referral', 'choice'),
  candidateId: f('Possible duplicate', 'choice'),
  questionSetId: f('Risk checklist', 'choice'),
  from: f('From date', 'date'),
  to: f('To date', 'date'),
  quarter: f('Quarter'),
};

/** What the meeting records case by case (issue #10): notes, actions, the review. */
const meetingRecord: Record<string, FieldLabel> = {
  facts: f('Facts'),
  opinion: f('Professional opinion'),
  riskSummary: f('Risk summary'),
  version: f('Version you started from', 'number'),
  correctionReason: f('Reason for the correction'),
  ownerAgencyId: f('Owner agency', 'choice'),
  ownerPerson: f('Named person at the agency'),
  what: f('What exactly'),
  dueDate: f('Due date', 'date'),
  dueTime: f('Due time'),
  risk: f('Risk it addresses'),
  urgent: f('Urgent child safeguarding decision', 'choice'),
  outcome: f('Outcome', 'choice'),
};

/** The minutes' editor (issue #11). */
const minutes: Record<string, FieldLabel> = {
  action: f('What to do with the minutes', 'choice'),
  sections: f('Sections of the minutes', 'list'),
  'sections.*': f('Section {n} of the minutes', 'group'),
  'sections.*.key': f('Section {n} of the minutes', 'choice'),
  'sections.*.text': f('Text of section {n} of the minutes'),
};

/** Subject access (issue #13): the person asking, or a reference of their case. */
const subjectAccess: Record<string, FieldLabel> = {
  person: f('The person asking', 'group'),
  'person.name': f("The person's name"),
  'person.otherNames': f("The person's other names", 'list'),
  'person.otherNames.*': f("The person's other name {n}"),
  'person.dateOfBirth': f("The person's date of birth", 'date'),
  'person.postcode': f("The person's postcode"),
  reference: f('Case reference'),
  decisions: f('Decisions on possible matches', 'list'),
  'decisions.*': f('Decision {n}', 'group'),
  'decisions.*.caseId': f('Case of decision {n}', 'choice'),
  'decisions.*.include': f('Whether to include the case of decision {n}', 'choice'),
};

/** The coordinator's recode of a referral's ethnicity and sexuality (recode-api.ts). */
const recode: Record<string, FieldLabel> = {
  ethnicity: victim.ethnicity!,
  sexuality: victim.sexuality!,
};

const TABLE: Record<string, FieldLabel> = {
  ...other,
  ...recode,
  ...subjectAccess,
  ...minutes,
  ...meetingRecord,
  ...research,
  ...under('response', research),
  ...protocol,
  ...under('protocol', protocol),
  ...under('form', referralForm),
  ...meetingRun,
};

/**
 * The label of the field at `path` (inside the body, params or query), or null when the table
 * has none. Positions in lists are shown counted from 1.
 */
export function fieldLabel(path: readonly (string | number)[]): FieldLabel | null {
  const positions: number[] = [];
  const key = path
    .map((part) => {
      if (typeof part === 'number' || /^\d+$/.test(part)) {
        positions.push(Number(part) + 1);
        return '*';
      }
      return part;
    })
    .join('.');
  // Risk answers are keyed by question id, which the table cannot list: try the last key as `*`.
  const found = TABLE[key] ?? TABLE[key.replace(/\.[^.]+$/, '.*')];
  if (!found) return null;
  return { ...found, label: found.label.replace('{n}', String(positions[0] ?? 1)) };
}

/** Every label in the table, for tests that each reads as words. */
export const allFieldLabels = (): readonly string[] => Object.values(TABLE).map((l) => l.label);
