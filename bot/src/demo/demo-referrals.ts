import type { ReferralFormInput } from '#core/contracts/referral.js';

/**
 * The demo's referrals, one story each, so a newcomer opens a working queue. Every victim,
 * perpetrator and child is invented; postcodes use the made-up "NB" and "WF" areas.
 */
export type DemoOutcome =
  | { kind: 'accept'; meeting: 'next' | 'following' }
  | { kind: 'needs-information'; note: string }
  | { kind: 'declined'; note: string }
  | { kind: 'submitted' };

export interface DemoReferral {
  /** The referring agency (by name); its core rep refers. */
  agency: string;
  victim: { name: string; dateOfBirth: string; line1: string; town: string; postcode: string };
  perpetrator: { name: string; dateOfBirth: string };
  children: { name: string; dateOfBirth: string }[];
  yesAnswers: number;
  reasons: string;
  outcome: DemoOutcome;
}

export const demoReferrals: DemoReferral[] = [
  {
    agency: 'Riverside Police',
    victim: {
      name: 'Elspeth Marchbank',
      dateOfBirth: '1988-06-14',
      line1: '3 Thistle Yard',
      town: 'Northbrook',
      postcode: 'NB2 4LD',
    },
    perpetrator: { name: 'Gareth Holloway', dateOfBirth: '1985-02-09' },
    children: [{ name: 'Poppy Marchbank', dateOfBirth: '2017-09-30' }],
    yesAnswers: 16,
    reasons: 'Strangulation disclosed after a call-out; threats to kill since separation.',
    outcome: { kind: 'accept', meeting: 'next' },
  },
  {
    agency: 'Riverside IDVA Service',
    victim: {
      name: 'Rowan Achterley',
      dateOfBirth: '1994-11-02',
      line1: '27 Mill Lane',
      town: 'Wellfield',
      postcode: 'WF1 8QT',
    },
    perpetrator: { name: 'Declan Murrow', dateOfBirth: '1991-03-21' },
    children: [],
    yesAnswers: 14,
    reasons: 'Stalking at work and at home; the victim fears a pregnancy will escalate the abuse.',
    outcome: { kind: 'accept', meeting: 'next' },
  },
  {
    agency: 'Housing Options',
    victim: {
      name: 'Imogen Featherstone',
      dateOfBirth: '1979-01-25',
      line1: '9 Quarry Close',
      town: 'Northbrook',
      postcode: 'NB6 2XE',
    },
    perpetrator: { name: 'Stellan Featherstone', dateOfBirth: '1976-07-12' },
    children: [],
    yesAnswers: 15,
    reasons: 'Presented as homeless after repeated assaults; perpetrator has keys to the new flat.',
    outcome: { kind: 'accept', meeting: 'following' },
  },
  {
    // The same victim as the first story, written by another agency after a move to a refuge.
    agency: 'Haven Refuge',
    victim: {
      name: 'Elspeth Marchbank',
      dateOfBirth: '1988-06-14',
      line1: 'Refuge address withheld',
      town: 'Wellfield',
      postcode: 'WF3 9AA',
    },
    perpetrator: { name: 'Gareth Holloway', dateOfBirth: '1985-02-09' },
    children: [{ name: 'Poppy Marchbank', dateOfBirth: '2017-09-30' }],
    yesAnswers: 17,
    reasons: 'Arrived at the refuge with her daughter; new threats by text message this week.',
    outcome: { kind: 'submitted' },
  },
  {
    agency: 'Community Health',
    victim: {
      name: 'Tamsin Oakridge',
      dateOfBirth: '1990-08-08',
      line1: '41 Orchard Rise',
      town: 'Northbrook',
      postcode: 'NB1 5HP',
    },
    perpetrator: { name: 'Lorcan Pettifer', dateOfBirth: '1989-12-01' },
    children: [],
    yesAnswers: 11,
    reasons: 'Injuries seen at an antenatal appointment; the victim would not say how.',
    outcome: {
      kind: 'needs-information',
      note: 'Please add the incidents known in the last 12 months, or your professional judgement.',
    },
  },
  {
    agency: 'Drug and Alcohol Service',
    victim: {
      name: 'Morag Linfield',
      dateOfBirth: '1972-04-17',
      line1: '5 Canal Terrace',
      town: 'Wellfield',
      postcode: 'WF2 6JN',
    },
    perpetrator: { name: 'Victor Linfield', dateOfBirth: '1970-10-30' },
    children: [],
    yesAnswers: 6,
    reasons: 'Arguments reported at a key-work session; no violence or threats disclosed.',
    outcome: {
      kind: 'declined',
      note: 'Below the MARAC threshold: please support through your service and the IDVA helpline.',
    },
  },
];

/** The SafeLives 24 with the first `yes` questions answered yes and the rest no. */
const answers = (yes: number) =>
  Object.fromEntries(
    Array.from({ length: 24 }, (_, i) => [`q${i + 1}`, i < yes ? 'yes' : 'no'] as const),
  );

/** The form a demo story's referrer would send, completed today. */
export function demoForm(
  story: DemoReferral,
  ids: { areaId: string; agencyId: string },
  today: string,
): ReferralFormInput {
  return {
    areaId: ids.areaId,
    referrerAgencyId: ids.agencyId,
    referrerPhone: '01632 960100',
    victim: {
      name: story.victim.name,
      dateOfBirth: story.victim.dateOfBirth,
      gender: 'female',
      address: {
        line1: story.victim.line1,
        town: story.victim.town,
        postcode: story.victim.postcode,
      },
      safeToCall: 'yes',
      disability: 'not-known',
      interpreterNeeded: false,
    },
    perpetrators: [
      {
        name: story.perpetrator.name,
        dateOfBirth: story.perpetrator.dateOfBirth,
        gender: 'male',
        relationshipToVictim: 'ex-partner',
        address: null,
        mappaLevel: 'none',
      },
    ],
    children: story.children.map((c) => ({
      ...c,
      relationshipToVictim: 'daughter',
      relationshipToPerpetrator: 'daughter',
      livesInHousehold: true,
    })),
    reasonsForReferral: story.reasons,
    riskAssessment: {
      kind: 'dash',
      questionSet: 'safelives-24',
      answers: answers(story.yesAnswers),
      completedOn: today,
    },
    incidentsInLast12Months: 1,
    consent: { victimAware: true, consented: true },
    childrensServicesReferralMade: story.children.length > 0 ? true : null,
  };
}

/**
 * Cases for the demo meeting held today (`MARAC_DEMO_MEETING_TODAY`): brought onto it as late
 * cases so the meeting tab has a meeting to run on the day the demo is loaded. The first
 * involves children, so it is heard first.
 */
export const demoMeetingTodayReferrals: DemoReferral[] = [
  {
    agency: 'Riverside Police',
    victim: {
      name: 'Harriet Pemberley',
      dateOfBirth: '1991-08-19',
      line1: '61 Osier Walk',
      town: 'Northbrook',
      postcode: 'NB3 5HW',
    },
    perpetrator: { name: 'Callum Brackenridge', dateOfBirth: '1989-12-02' },
    children: [
      { name: 'Milo Pemberley', dateOfBirth: '2016-04-11' },
      { name: 'Ada Pemberley', dateOfBirth: '2019-10-27' },
    ],
    yesAnswers: 17,
    reasons: 'Assault in front of the children; bail conditions broken twice this month.',
    outcome: { kind: 'accept', meeting: 'next' },
  },
  {
    agency: 'Riverside IDVA Service',
    victim: {
      name: 'Saoirse Lindqvist',
      dateOfBirth: '1985-03-07',
      line1: '4 Copper Beech Court',
      town: 'Wellfield',
      postcode: 'WF2 6NP',
    },
    perpetrator: { name: 'Anton Greaves', dateOfBirth: '1982-05-30' },
    children: [],
    yesAnswers: 15,
    reasons:
      'Threats to kill by text after the victim ended the relationship; access to a shotgun.',
    outcome: { kind: 'accept', meeting: 'next' },
  },
  {
    agency: 'Housing Options',
    victim: {
      name: 'Beatrix Oyelaran',
      dateOfBirth: '1972-09-15',
      line1: '18 Fennel Street',
      town: 'Northbrook',
      postcode: 'NB1 9TR',
    },
    perpetrator: { name: 'Desmond Oyelaran', dateOfBirth: '1970-01-04' },
    children: [],
    yesAnswers: 14,
    reasons: 'Financial control and isolation; the victim was locked out of the home overnight.',
    outcome: { kind: 'accept', meeting: 'next' },
  },
  {
    agency: 'Riverside Police',
    victim: {
      name: 'Clementine Ashgrove',
      dateOfBirth: '1998-02-23',
      line1: '2 Tannery Mews',
      town: 'Wellfield',
      postcode: 'WF4 1BS',
    },
    perpetrator: { name: 'Reuben Stallard', dateOfBirth: '1996-07-08' },
    children: [],
    yesAnswers: 16,
    reasons: 'Non-fatal strangulation reported by a neighbour; the victim is pregnant.',
    outcome: { kind: 'accept', meeting: 'next' },
  },
];
