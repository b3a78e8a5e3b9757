import type { MeetingProtocol } from '#core/meetings/protocol.js';
import type { DeliveryMode } from '#core/ports/store.js';
import { defaultProtocol } from '#core/meetings/protocol.js';

/**
 * The demo partnership. Every person is invented; every address is under `.example`, a domain
 * reserved so that no mail can ever reach a real person.
 */
export const demoPartnership = {
  name: 'Riverside Safeguarding Partnership',
  region: 'england-and-wales',
} as const;

export const demoAreas: {
  name: string;
  code: string;
  mailbox: string;
  protocol: MeetingProtocol;
}[] = [
  {
    name: 'Northbrook and Wellfield',
    code: 'NBW',
    mailbox: 'marac.northbrook@riverside-partnership.example',
    protocol: { ...defaultProtocol, cadence: { kind: 'fortnightly', weekday: 'tuesday' } },
  },
  {
    name: 'Eastmere',
    code: 'EAS',
    mailbox: 'marac.eastmere@riverside-partnership.example',
    protocol: {
      ...defaultProtocol,
      startTime: '09:30',
      cadence: { kind: 'monthly', weekday: 'thursday', nth: 2 },
    },
  },
];

type Person = { name: string; email: string };
const person = (name: string, domain: string): Person => ({
  name,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}.example`,
});

/**
 * Every delivery mode has demo agencies, so a newcomer sees each: S/MIME for the police and
 * children's social care (their reps' demo keys are under `<data>/demo/smime/`), password PDFs
 * for health, Purview for probation and housing, and a notice with a link for the rest.
 */
export const demoAgencies: {
  name: string;
  kind: string;
  core: Person;
  deputy: Person;
  delivery: DeliveryMode;
}[] = [
  {
    name: 'Riverside Police',
    kind: 'police',
    delivery: 'smime',
    core: person('Dana Whitcombe', 'police'),
    deputy: person('Idris Penhallow', 'police'),
  },
  {
    name: 'Riverside IDVA Service',
    kind: 'idva',
    delivery: 'link',
    core: person('Morwenna Tate', 'idva'),
    deputy: person('Kofi Brandreth', 'idva'),
  },
  {
    name: "Children's Social Care",
    kind: 'childrens-social-care',
    delivery: 'smime',
    core: person('Priya Ellingham', 'childrens'),
    deputy: person('Tomasz Arkwright', 'childrens'),
  },
  {
    name: 'Adult Social Care',
    kind: 'adult-social-care',
    delivery: 'link',
    core: person('Fenella Quayle', 'adults'),
    deputy: person('Rhys Abernethy', 'adults'),
  },
  {
    name: 'Community Health',
    kind: 'health',
    delivery: 'password',
    core: person('Anjali Storey', 'health'),
    deputy: person('Callum Redfern', 'health'),
  },
  {
    name: 'Riverside Hospital Trust',
    kind: 'health-acute',
    delivery: 'password',
    core: person('Beatrix Olawale', 'hospital'),
    deputy: person('Owain Fairbairn', 'hospital'),
  },
  {
    name: 'Mental Health Trust',
    kind: 'mental-health',
    delivery: 'link',
    core: person('Solveig Marchetti', 'mentalhealth'),
    deputy: person('Declan Oyelaran', 'mentalhealth'),
  },
  {
    name: 'Housing Options',
    kind: 'housing',
    delivery: 'purview',
    core: person('Harriet Nwosu', 'housing'),
    deputy: person('Lewin Castellan', 'housing'),
  },
  {
    name: 'Probation Service',
    kind: 'probation',
    delivery: 'purview',
    core: person('Gideon Hartwell', 'probation'),
    deputy: person('Maisie Trevelyan', 'probation'),
  },
  {
    name: 'Education Safeguarding',
    kind: 'education',
    delivery: 'link',
    core: person('Yusra Pemberton', 'education'),
    deputy: person('Alistair Quennell', 'education'),
  },
  {
    name: 'Drug and Alcohol Service',
    kind: 'substance-misuse',
    delivery: 'link',
    core: person('Niamh Rowntree', 'recovery'),
    deputy: person('Ezra Halloway', 'recovery'),
  },
  {
    name: 'Haven Refuge',
    kind: 'specialist-da',
    delivery: 'link',
    core: person('Corinne Achterberg', 'haven'),
    deputy: person('Jonah Velasquez', 'haven'),
  },
];

export const demoStaff: {
  person: Person;
  roles: ('coordinator' | 'chair' | 'idva' | 'observer' | 'admin')[];
}[] = [
  { person: person('Rosalind Marsh', 'riverside-partnership'), roles: ['coordinator'] },
  { person: person('Inspector Amos Kettering', 'police'), roles: ['chair'] },
  { person: person('Lowri Blackwood', 'idva'), roles: ['idva'] },
  { person: person('Tobias Fenwick', 'riverside-partnership'), roles: ['admin'] },
  { person: person('Ottilie Sandberg', 'riverside-partnership'), roles: ['observer'] },
];
