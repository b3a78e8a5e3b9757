import {
  card,
  type AdaptiveCard,
  type Choice,
  type Element,
  type InputChoiceSet,
  type InputNumber,
  type InputText,
} from './card-types.js';
import { REFERRAL_VERBS } from './verbs.js';

/**
 * The "Refer a case" cards: details, the risk checklist a page at a time, a confirmation with the
 * score and warnings, and a receipt. The answers so far travel in each button's `data.carry`, so
 * nothing is stored (and nothing is lost on a restart) until the referrer submits or saves.
 * These cards carry case data: they are only ever sent in the referrer's 1:1 chat.
 */
export type Answer = 'yes' | 'no' | 'not-known';

/** What the previous steps produced, already validated; re-validated in full before storing. */
export interface Carry {
  details: Record<string, unknown>;
  answers: Record<string, Answer>;
  /** Step 1's raw inputs, to fill the card again if asked. */
  raw?: Record<string, string>;
}

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
  safeToCall: 'safeToCall',
  disability: 'disability',
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
const YES_NO_UNKNOWN: Choice[] = [
  { title: 'Yes', value: 'yes' },
  { title: 'No', value: 'no' },
  { title: 'Not known', value: 'not-known' },
];
const GENDERS: Choice[] = [
  { title: 'Female', value: 'female' },
  { title: 'Male', value: 'male' },
  { title: 'Non-binary', value: 'non-binary' },
  { title: 'Other', value: 'other' },
  { title: 'Not known', value: 'not-known' },
];
const RELATIONSHIPS: Choice[] = [
  { title: 'Partner', value: 'partner' },
  { title: 'Ex-partner', value: 'ex-partner' },
  { title: 'Parent', value: 'parent' },
  { title: 'Child', value: 'child' },
  { title: 'Sibling', value: 'sibling' },
  { title: 'Other family member', value: 'other-family' },
  { title: 'Other', value: 'other' },
];
const MAPPA: Choice[] = [
  { title: 'Not managed under MAPPA', value: 'none' },
  { title: 'Level 1', value: '1' },
  { title: 'Level 2', value: '2' },
  { title: 'Level 3', value: '3' },
  { title: 'Not known', value: 'not-known' },
];

/** Text for the user: Adaptive Card TextBlocks read markdown, so user text is escaped. */
export const plain = (text: string) => text.replace(/([\\*_~`[\]()#>!|-])/g, '\\$1');

const withValue = <T extends Element>(input: T, value: string | undefined): T =>
  value === undefined || value === '' ? input : ({ ...input, value } as T);

const errorBlock = (errors: readonly string[]): Element[] =>
  errors.length === 0
    ? []
    : [
        {
          type: 'Container',
          style: 'attention',
          items: [
            {
              type: 'TextBlock',
              text: 'Please correct these fields:',
              weight: 'Bolder',
              color: 'Attention',
              wrap: true,
            },
            ...errors.map((e): Element => ({
              type: 'TextBlock',
              text: `- ${plain(e)}`,
              color: 'Attention',
              wrap: true,
            })),
          ],
        },
      ];

const text = (
  id: string,
  label: string,
  required: boolean,
  value: string | undefined,
  extra: { multiline?: boolean; max?: number } = {},
): Element =>
  withValue<InputText>(
    {
      type: 'Input.Text' as const,
      id,
      label,
      ...(required ? { isRequired: true, errorMessage: `${label} is required.` } : {}),
      ...(extra.multiline ? { isMultiline: true } : {}),
      maxLength: extra.max ?? 120,
    },
    value,
  );

const choice = (
  id: string,
  label: string,
  choices: Choice[],
  value: string | undefined,
  required = true,
): InputChoiceSet =>
  withValue<InputChoiceSet>(
    {
      type: 'Input.ChoiceSet' as const,
      id,
      label,
      choices,
      style: 'compact' as const,
      ...(required ? { isRequired: true, errorMessage: `${label}: choose one.` } : {}),
    },
    value,
  );

const heading = (title: string, subtitle: string): Element[] => [
  { type: 'TextBlock', text: title, size: 'Medium', weight: 'Bolder', wrap: true },
  { type: 'TextBlock', text: subtitle, isSubtle: true, wrap: true },
];

export interface DetailsCardInput {
  areas: { id: string; name: string }[];
  /** Agencies of every area offered; the title names the area when there is more than one. */
  agencies: { id: string; name: string; areaId: string; areaName: string }[];
  values?: Record<string, string>;
  errors?: readonly string[];
  totalSteps: number;
}

/**
 * One choice per agency (an agency can sit on several areas under one id); where it does not sit
 * on every area offered, the title says which.
 */
function agencyChoices(input: DetailsCardInput, manyAreas: boolean): Choice[] {
  const byId = new Map<string, { name: string; areas: string[] }>();
  for (const a of input.agencies) {
    const entry = byId.get(a.id) ?? { name: a.name, areas: [] };
    entry.areas.push(a.areaName);
    byId.set(a.id, entry);
  }
  return [...byId].map(([id, a]) => ({
    title:
      manyAreas && a.areas.length < input.areas.length
        ? `${a.name} (${a.areas.join(', ')})`
        : a.name,
    value: id,
  }));
}

/** Step 1: about the victim, the perpetrator and the referral. */
export function detailsCard(input: DetailsCardInput): AdaptiveCard {
  const v = input.values ?? {};
  const manyAreas = input.areas.length > 1;
  const body: Element[] = [
    ...heading(
      'Refer a case: about the victim and the referral',
      `Step 1 of ${input.totalSteps}. Nothing is stored until you submit or save a draft.`,
    ),
    ...errorBlock(input.errors ?? []),
    choice(
      F.area,
      'MARAC area',
      input.areas.map((a) => ({ title: a.name, value: a.id })),
      v[F.area] ?? (input.areas.length === 1 ? input.areas[0]!.id : undefined),
    ),
    choice(F.agency, 'Your agency', agencyChoices(input, manyAreas), v[F.agency]),
    text(F.phone, 'Your phone number', true, v[F.phone], { max: 30 }),
    { type: 'TextBlock', text: 'The victim', weight: 'Bolder', wrap: true },
    text(F.victimName, 'Victim name', true, v[F.victimName]),
    withValue(
      { type: 'Input.Date' as const, id: F.victimDob, label: 'Victim date of birth' },
      v[F.victimDob],
    ),
    choice(F.victimGender, 'Victim gender', GENDERS, v[F.victimGender]),
    text(F.victimLine1, 'Victim address line 1', false, v[F.victimLine1]),
    text(F.victimTown, 'Victim town', false, v[F.victimTown], { max: 80 }),
    text(F.victimPostcode, 'Victim postcode', false, v[F.victimPostcode], { max: 10 }),
    choice(F.safeToCall, 'Safe to call the victim', YES_NO_UNKNOWN, v[F.safeToCall]),
    choice(F.disability, 'Victim has a disability', YES_NO_UNKNOWN, v[F.disability]),
    withValue(
      {
        type: 'Input.Toggle' as const,
        id: F.interpreter,
        label: 'Interpreter',
        title: 'The victim needs an interpreter',
        valueOn: 'true' as const,
        valueOff: 'false' as const,
      },
      v[F.interpreter],
    ),
    { type: 'TextBlock', text: 'The perpetrator', weight: 'Bolder', wrap: true },
    text(F.perpetratorName, 'Perpetrator name', true, v[F.perpetratorName]),
    choice(F.perpetratorGender, 'Perpetrator gender', GENDERS, v[F.perpetratorGender]),
    choice(F.relationship, 'Relationship to the victim', RELATIONSHIPS, v[F.relationship]),
    choice(F.mappa, 'MAPPA level', MAPPA, v[F.mappa]),
    { type: 'TextBlock', text: 'Children and the referral', weight: 'Bolder', wrap: true },
    text(
      F.children,
      'Children in the household (one a line: name; relationship to victim; relationship to perpetrator)',
      false,
      v[F.children],
      {
        multiline: true,
        max: 3000,
      },
    ),
    text(F.reasons, 'Reasons for referral', true, v[F.reasons], { multiline: true, max: 4000 }),
    text(
      F.judgement,
      'Professional judgement (only to refer on judgement)',
      false,
      v[F.judgement],
      { multiline: true, max: 4000 },
    ),
    {
      type: 'Input.Number',
      id: F.incidents,
      label: 'Domestic abuse incidents in the last 12 months',
      min: 0,
      max: 365,
      isRequired: true,
      errorMessage: 'Give the number of incidents (0 if none).',
      ...(v[F.incidents] !== undefined && /^\d+$/.test(v[F.incidents]!)
        ? { value: Number(v[F.incidents]) }
        : {}),
    } satisfies InputNumber,
    choice(
      F.aware,
      'Victim is aware of the referral',
      [
        { title: 'Yes', value: 'yes' },
        { title: 'No', value: 'no' },
      ],
      v[F.aware],
    ),
    withValue(
      {
        type: 'Input.Toggle' as const,
        id: F.consented,
        label: 'Consent',
        title: 'The victim consented',
        valueOn: 'true' as const,
        valueOff: 'false' as const,
      },
      v[F.consented],
    ),
    text(
      F.reasonWithoutConsent,
      'Reason for referring without awareness or consent',
      false,
      v[F.reasonWithoutConsent],
      { multiline: true, max: 1000 },
    ),
  ];
  return card(body, [
    {
      type: 'Action.Execute',
      title: 'Next: risk checklist',
      verb: REFERRAL_VERBS.details,
      style: 'positive',
      associatedInputs: 'auto',
    },
  ]);
}

export interface DashPageInput {
  set: {
    id: string;
    title: string;
    attribution: string;
    questions: readonly { id: string; text: string }[];
  };
  page: number;
  pageSize: number;
  carry: Carry;
  errors?: readonly string[];
  values?: Record<string, string>;
  totalSteps: number;
}

export const dashInputId = (questionId: string) => `dash_${questionId}`;

/** A page of the risk checklist: each question yes / no / not known, with the checklist's credit. */
export function dashPageCard(input: DashPageInput): AdaptiveCard {
  const pages = Math.ceil(input.set.questions.length / input.pageSize);
  const questions = input.set.questions.slice(
    input.page * input.pageSize,
    (input.page + 1) * input.pageSize,
  );
  const body: Element[] = [
    ...heading(
      `Refer a case: ${input.set.title} (${input.page + 1} of ${pages})`,
      `Step ${input.page + 2} of ${input.totalSteps}. Answer every question; "Not known" is an answer.`,
    ),
    ...errorBlock(input.errors ?? []),
    ...questions.map((q, i): Element => {
      const number = input.page * input.pageSize + i + 1;
      const label = `${number}. ${q.text}`;
      return withValue(
        {
          type: 'Input.ChoiceSet' as const,
          id: dashInputId(q.id),
          label,
          choices: YES_NO_UNKNOWN,
          style: 'expanded' as const,
          isRequired: true,
          errorMessage: `Answer question ${number}: yes, no or not known.`,
        },
        input.values?.[dashInputId(q.id)] ?? input.carry.answers[q.id],
      );
    }),
    {
      type: 'TextBlock',
      text: plain(input.set.attribution),
      size: 'Small',
      isSubtle: true,
      wrap: true,
    },
  ];
  return card(body, [
    {
      type: 'Action.Execute',
      title: input.page + 1 < pages ? 'Next' : 'Next: check and send',
      verb: REFERRAL_VERBS.dash,
      style: 'positive',
      associatedInputs: 'auto',
      data: { page: input.page, carry: input.carry },
    },
  ]);
}

export interface ConfirmInput {
  risk: {
    score: number | null;
    band: string;
    criteriaMet: readonly string[];
    shortfall: string | null;
  };
  likelyDuplicate: boolean;
  warnings: readonly string[];
  needsChildrensServices: boolean;
  carry: Carry;
  errors?: readonly string[];
  totalSteps: number;
}

const CRITERIA: Record<string, string> = {
  'visible-high-risk': 'Visible high risk (score)',
  'professional-judgement': 'Professional judgement',
  'potential-escalation': 'Potential escalation',
  repeat: 'Repeat referral',
};

/** The last step: the score, the band, the criteria or the shortfall, warnings, and the two buttons. */
export function confirmCard(input: ConfirmInput): AdaptiveCard {
  const criteria = input.risk.criteriaMet.map((c) => CRITERIA[c] ?? c).join(', ');
  const body: Element[] = [
    ...heading(
      'Refer a case: check and send',
      `Step ${input.totalSteps} of ${input.totalSteps}. Submitting sends the referral to the MARAC coordinator.`,
    ),
    ...errorBlock(input.errors ?? []),
    {
      type: 'FactSet',
      facts: [
        {
          title: 'Score',
          value: input.risk.score === null ? 'Not scored' : String(input.risk.score),
        },
        { title: 'Risk band', value: input.risk.band },
        { title: 'Criteria met', value: criteria || 'None yet' },
      ],
    },
    ...(input.risk.shortfall
      ? [
          {
            type: 'TextBlock' as const,
            text: `No referral criterion is met yet: ${plain(input.risk.shortfall)}`,
            wrap: true,
            color: 'Warning' as const,
          },
        ]
      : []),
    ...input.warnings.map((w): Element => ({
      type: 'TextBlock',
      text: plain(w),
      wrap: true,
      color: 'Warning',
    })),
    ...(input.needsChildrensServices
      ? [
          {
            type: 'Input.Toggle' as const,
            id: 'childrensServicesReferralMade',
            label: "Children's services",
            title: "I confirm a referral to children's services has been made",
            valueOn: 'true' as const,
            valueOff: 'false' as const,
          },
        ]
      : []),
  ];
  const data = { carry: input.carry };
  return card(body, [
    {
      type: 'Action.Execute',
      title: 'Submit to the coordinator',
      verb: REFERRAL_VERBS.submit,
      style: 'positive',
      associatedInputs: 'auto',
      data,
    },
    {
      type: 'Action.Execute',
      title: 'Save as draft',
      verb: REFERRAL_VERBS.saveDraft,
      associatedInputs: 'auto',
      data,
    },
  ]);
}

const STATUS: Record<string, string> = {
  draft: 'Saved as a draft',
  submitted: 'Submitted to the MARAC coordinator',
};

/** What replaces the confirmation: the reference and the status, and no case data. */
export function receiptCard(input: { reference: string; status: string }): AdaptiveCard {
  return card([
    { type: 'TextBlock', text: 'Referral received', size: 'Medium', weight: 'Bolder', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Reference', value: input.reference },
        { title: 'Status', value: STATUS[input.status] ?? input.status },
      ],
    },
  ]);
}

/** A card with one message, for a refused or expired step. */
export function noticeCard(message: string): AdaptiveCard {
  return card([{ type: 'TextBlock', text: plain(message), wrap: true }]);
}
