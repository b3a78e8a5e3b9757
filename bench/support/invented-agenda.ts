import type { AgendaCase, AgendaPerson } from '#core/agendas/agenda.js';
import { buildAgenda } from '#core/agendas/build-agenda.js';
import { defaultConfidentialityStatement } from '#core/agendas/confidentiality.js';
import type { AgendaDocument } from '../../bot/src/documents/agenda-document.js';

/*
 * A realistic agenda about invented people, for the delivery benchmark: the mix of a MARAC
 * meeting (most cases with children, some repeats, a late addition, risks written at length),
 * every name made up from lists that name nobody in particular.
 */

const GIVEN = ['Maya', 'Aisha', 'Joanne', 'Kerry', 'Leah', 'Priya', 'Shannon', 'Tasha', 'Wiktoria'];
const PARTNERS = ['Dale', 'Connor', 'Ryan', 'Imran', 'Lee', 'Marcus', 'Stefan', 'Jordan'];
const CHILDREN = ['Ella', 'Sam', 'Rory', 'Ivy', 'Noah', 'Ruby', 'Kai', 'Millie', 'Zain'];
const SURNAMES = ['Thornbury', 'Ashdown', 'Marlowe', 'Pennick', 'Quarrie', 'Renshaw', 'Stainton'];
const STREETS = ['Quarry Lane', 'Mill Row', 'Ferry Road', 'Beacon Close', 'Tanner Street'];
const REFERRERS = ['Northbrook Police', 'Northbrook IDVA Service', 'Children\u2019s Social Care'];
const RISKS = [
  'Threats to kill; escalating incidents; strangulation in the last month.',
  'Separation in the last three months; stalking by text and at the school gate.',
  'Pregnant; perpetrator has access to a weapon; previous breach of a non-molestation order.',
  'Controlling behaviour over money and phone; victim isolated from family; alcohol misuse.',
];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const born = (year: number, i: number) =>
  `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;

function person(name: string, dateOfBirth: string | null): AgendaPerson {
  return { name, otherNames: [], dateOfBirth };
}

function inventedCase(i: number): AgendaCase {
  const surname = pick(SURNAMES, i * 3 + 1);
  const children = i % 4 === 3 ? 0 : (i % 3) + 1;
  return {
    referralId: `ref-bench-${i}`,
    reference: `NB-2026-${String(i + 101).padStart(4, '0')}`,
    victim: {
      ...person(`${pick(GIVEN, i)} ${surname}`, i % 9 === 8 ? null : born(1985 + (i % 15), i)),
      otherNames: i % 5 === 0 ? [`${pick(GIVEN, i + 4)} ${surname}`] : [],
      address: i % 7 === 6 ? null : `${i + 3} ${pick(STREETS, i)}, Northbrook NB${(i % 9) + 1} 7QX`,
    },
    perpetrators: [
      person(`${pick(PARTNERS, i)} ${pick(SURNAMES, i)}`, born(1980 + (i % 17), i + 5)),
    ],
    children: Array.from({ length: children }, (_, c) => ({
      ...person(`${pick(CHILDREN, i + c)} ${surname}`, born(2012 + ((i + c) % 12), i + c)),
      school: c === 0 ? 'Northbrook Primary' : null,
    })),
    referringAgency: pick(REFERRERS, i),
    reason:
      i % 6 === 5 ? 'Professional judgement' : `Visible high risk (DASH ${14 + (i % 9)} of 24)`,
    risk: {
      band: 'high',
      score: i % 6 === 5 ? null : 14 + (i % 9),
      checklist: 'SafeLives DASH (24 questions)',
    },
    isRepeat: i % 4 === 1,
    mappaLead: i === 7,
    knownRisks: `${pick(RISKS, i)} ${pick(RISKS, i + 1)}`,
    lateReason: i === 19 ? 'Serious incident at the weekend; referred after the deadline.' : null,
  };
}

/** Version 1 of one meeting's agenda with `cases` invented cases. */
export function inventedAgenda(cases: number): AgendaDocument {
  return {
    areaName: 'Northbrook',
    meetingDate: '2026-12-08',
    startsAt: '10:00',
    version: 1,
    changes: [],
    confidentialityStatement: defaultConfidentialityStatement,
    agenda: buildAgenda({
      cases: Array.from({ length: cases }, (_, i) => inventedCase(i)),
      outstandingActions: [
        {
          reference: 'NB-2026-0042',
          agency: 'Northbrook Housing',
          action: 'Fit a letterbox fire guard and window locks',
          dueOn: '2026-12-01',
        },
      ],
      twelveMonthNotices: [{ reference: 'NB-2025-0310', lastHeardOn: '2025-12-09' }],
    }),
  };
}

/** The agencies that sit at a MARAC; more than these are numbered. */
const AGENCY_NAMES = [
  'Northbrook Police',
  'Children\u2019s Social Care',
  'Adult Social Care',
  'Northbrook IDVA Service',
  'Probation Service',
  'Northbrook Housing',
  'Mental Health Trust',
  'Substance Misuse Service',
  'Education Safeguarding',
  'Health Visiting',
  'Midwifery',
  'Hospital IDVA',
  'Fire and Rescue',
  'Youth Justice Service',
  'CAMHS',
  'Refuge Service',
  'Homeless Prevention',
  'GP Safeguarding Lead',
  'Ambulance Service',
  'Early Help',
  'Women\u2019s Aid',
  'Male Victims Service',
  'Children\u2019s Centres',
  'Prison Service',
  'Victim Support',
];

export function agencyName(i: number): string {
  return AGENCY_NAMES[i] ?? `Agency ${i + 1}`;
}
