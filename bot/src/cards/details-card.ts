import { ETHNIC_GROUPS, SEXUAL_ORIENTATIONS } from '#core/contracts/equality.js';
import {
  button,
  choiceInput,
  errorBlock,
  heading,
  plain,
  textInput,
  withValue,
  YES_NO,
  YES_NO_UNKNOWN,
} from './card-parts.js';
import { card, type AdaptiveCard, type Choice, type Element } from './card-types.js';
import { REFERRAL_VERBS, type CardData } from './verbs.js';

/** The ids of step 1's inputs: read by the handler that turns them into the draft. */
export const DETAILS_FIELDS = {
  area: 'area',
  agency: 'agency',
  phone: 'referrerPhone',
  victimName: 'victimName',
  victimDob: 'victimDob',
  victimGender: 'victimGender',
  victimLine1: 'victimLine1',
  victimTown: 'victimTown',
  victimPostcode: 'victimPostcode',
  victimPhone: 'victimPhone',
  safeToCall: 'safeToCall',
  ethnicity: 'ethnicity',
  language: 'language',
  disability: 'disability',
  sexuality: 'sexuality',
  interpreter: 'interpreterNeeded',
  perpetratorName: 'perpetratorName',
  perpetratorGender: 'perpetratorGender',
  relationship: 'relationship',
  mappa: 'mappaLevel',
  children: 'children',
  reasons: 'reasons',
  judgement: 'professionalJudgement',
  incidents: 'incidents',
  aware: 'victimAware',
  consented: 'consented',
  reasonWithoutConsent: 'reasonWithoutConsent',
} as const;

const F = DETAILS_FIELDS;
export const GENDERS: Choice[] = [
  { title: 'Female', value: 'female' },
  { title: 'Male', value: 'male' },
  { title: 'Non-binary', value: 'non-binary' },
  { title: 'Other', value: 'other' },
  { title: 'Not known', value: 'not-known' },
];
export const RELATIONSHIPS: Choice[] = [
  { title: 'Partner', value: 'partner' },
  { title: 'Ex-partner', value: 'ex-partner' },
  { title: 'Parent', value: 'parent' },
  { title: 'Child', value: 'child' },
  { title: 'Sibling', value: 'sibling' },
  { title: 'Other family member', value: 'other-family' },
  { title: 'Other', value: 'other' },
];
export const MAPPA: Choice[] = [
  { title: 'Not managed under MAPPA', value: 'none' },
  { title: 'Level 1', value: '1' },
  { title: 'Level 2', value: '2' },
  { title: 'Level 3', value: '3' },
  { title: 'Not known', value: 'not-known' },
];

/**
 * The categories of the SafeLives return, in the census order (issue #13). A compact choice has
 * no headings, so each title carries its own ("Asian or Asian British: Indian").
 */
export const ETHNIC_CHOICES: Choice[] = ETHNIC_GROUPS.map((g) => ({ title: g.label, value: g.id }));
export const SEXUALITY_CHOICES: Choice[] = SEXUAL_ORIENTATIONS.map((o) => ({
  title: o.label,
  value: o.id,
}));

/**
 * Beside a category not chosen yet, the words the referrer wrote before the form offered
 * categories: they are kept whatever is chosen, and go to the coordinator to recode if nothing is.
 */
function recordedAs(words: string | undefined, chosen: string | undefined): Element[] {
  if (!words || chosen) return [];
  return [
    {
      type: 'TextBlock',
      text: `Recorded as: “${plain(words)}”. Choose the category these words mean; if you leave it, the words are kept for the coordinator.`,
      isSubtle: true,
      wrap: true,
    },
  ];
}

export interface DetailsCardInput {
  areas: { id: string; name: string }[];
  /** Agencies of every area offered; the title names the area when there is more than one. */
  agencies: { id: string; name: string; areaId: string; areaName: string }[];
  values?: Record<string, string>;
  /** Ethnicity and sexuality as written before the form offered categories, if any. */
  asWritten?: { ethnicity?: string; sexuality?: string } | undefined;
  errors?: readonly string[];
  totalSteps: number;
  data: CardData;
}

/**
 * One choice per agency (an agency can sit on several areas under one id); where it does not sit
 * on every area offered, the title says which.
 */
function agencyChoices(input: DetailsCardInput): Choice[] {
  const byId = new Map<string, { name: string; areas: string[] }>();
  for (const a of input.agencies) {
    const entry = byId.get(a.id) ?? { name: a.name, areas: [] };
    entry.areas.push(a.areaName);
    byId.set(a.id, entry);
  }
  const manyAreas = input.areas.length > 1;
  return [...byId].map(([id, a]) => ({
    title:
      manyAreas && a.areas.length < input.areas.length
        ? `${a.name} (${a.areas.join(', ')})`
        : a.name,
    value: id,
  }));
}

const section = (text: string): Element => ({
  type: 'TextBlock',
  text,
  weight: 'Bolder',
  wrap: true,
});

/** Step 1: about the victim, the perpetrator and the referral. Every answer starts unanswered. */
export function detailsCard(input: DetailsCardInput): AdaptiveCard {
  const v = input.values ?? {};
  const body: Element[] = [
    ...heading(
      'Refer a case: about the victim and the referral',
      `Step 1 of ${input.totalSteps}. What you type is saved as a draft when you press Next or Back.`,
    ),
    ...errorBlock(input.errors ?? []),
    choiceInput(
      F.area,
      'MARAC area',
      input.areas.map((a) => ({ title: a.name, value: a.id })),
      v[F.area] ?? (input.areas.length === 1 ? input.areas[0]!.id : undefined),
    ),
    choiceInput(F.agency, 'Your agency', agencyChoices(input), v[F.agency]),
    textInput(F.phone, 'Your phone number', v[F.phone]),
    section('The victim'),
    textInput(F.victimName, 'Victim name', v[F.victimName]),
    withValue(
      { type: 'Input.Date' as const, id: F.victimDob, label: 'Victim date of birth' },
      v[F.victimDob],
    ),
    choiceInput(F.victimGender, 'Victim gender', GENDERS, v[F.victimGender]),
    textInput(F.victimLine1, 'Victim address line 1', v[F.victimLine1]),
    textInput(F.victimTown, 'Victim town', v[F.victimTown]),
    textInput(F.victimPostcode, 'Victim postcode', v[F.victimPostcode]),
    textInput(F.victimPhone, 'Victim phone number', v[F.victimPhone]),
    choiceInput(F.safeToCall, 'Safe to call the victim', YES_NO_UNKNOWN, v[F.safeToCall]),
    choiceInput(F.ethnicity, 'Victim ethnicity', ETHNIC_CHOICES, v[F.ethnicity]),
    ...recordedAs(input.asWritten?.ethnicity, v[F.ethnicity]),
    textInput(F.language, 'Victim first language', v[F.language]),
    choiceInput(F.disability, 'Victim has a disability', YES_NO_UNKNOWN, v[F.disability]),
    choiceInput(F.sexuality, 'Victim sexuality', SEXUALITY_CHOICES, v[F.sexuality]),
    ...recordedAs(input.asWritten?.sexuality, v[F.sexuality]),
    choiceInput(F.interpreter, 'Victim needs an interpreter', YES_NO, v[F.interpreter]),
    section('The perpetrator'),
    textInput(F.perpetratorName, 'Perpetrator name', v[F.perpetratorName]),
    choiceInput(F.perpetratorGender, 'Perpetrator gender', GENDERS, v[F.perpetratorGender]),
    choiceInput(F.relationship, 'Relationship to the victim', RELATIONSHIPS, v[F.relationship]),
    choiceInput(F.mappa, 'MAPPA level', MAPPA, v[F.mappa]),
    section('Children and the referral'),
    textInput(
      F.children,
      'Children in the household (one a line: name; relationship to victim; relationship to perpetrator)',
      v[F.children],
      true,
    ),
    textInput(F.reasons, 'Reasons for referral', v[F.reasons], true),
    textInput(
      F.judgement,
      'Professional judgement (only to refer on judgement)',
      v[F.judgement],
      true,
    ),
    textInput(F.incidents, 'Domestic abuse incidents in the last 12 months', v[F.incidents]),
    choiceInput(F.aware, 'Victim is aware of the referral', YES_NO, v[F.aware]),
    choiceInput(F.consented, 'Victim consented to the referral', YES_NO, v[F.consented]),
    textInput(
      F.reasonWithoutConsent,
      'Reason for referring without awareness or consent',
      v[F.reasonWithoutConsent],
      true,
    ),
  ];
  return card(body, [
    button('Next: risk checklist', REFERRAL_VERBS.next, input.data, {
      inputs: true,
      positive: true,
    }),
    button('Back', REFERRAL_VERBS.back, input.data, { inputs: true }),
    button('Cancel', REFERRAL_VERBS.cancel, input.data),
  ]);
}
