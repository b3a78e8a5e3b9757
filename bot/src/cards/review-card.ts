import { button, errorBlock, heading, plain } from './card-parts.js';
import { card, type AdaptiveCard, type Element } from './card-types.js';
import { REFERRAL_VERBS, type CardData } from './verbs.js';

export interface ReviewInput {
  /** Everything entered, in words, section by section; each section can be changed. */
  sections: { title: string; step: string; facts: { title: string; value: string }[] }[];
  risk: {
    score: number | null;
    band: string;
    criteriaMet: readonly string[];
    shortfall: string | null;
  };
  warnings: readonly string[];
  needsChildrensServices: boolean;
  errors?: readonly string[];
  totalSteps: number;
  data: CardData;
}

const BAND_WORDS: Record<string, string> = { high: 'High', medium: 'Medium', standard: 'Standard' };

const CRITERIA: Record<string, string> = {
  'visible-high-risk': 'Visible high risk (score)',
  'professional-judgement': 'Professional judgement',
  'potential-escalation': 'Potential escalation',
};

/**
 * The last step, the per-user view: everything entered, the score and what it meets, and Submit.
 * It is sent only in the referrer's 1:1 chat, and pressing any of its buttons replaces it with a
 * card that shows no detail of the referral.
 */
export function reviewCard(input: ReviewInput): AdaptiveCard {
  const criteria = input.risk.criteriaMet
    .flatMap((c) => (CRITERIA[c] ? [CRITERIA[c]] : []))
    .join(', ');
  const body: Element[] = [
    ...heading(
      'Refer a case: check and send',
      `Step ${input.totalSteps} of ${input.totalSteps}. Check everything; Submit sends the referral to the MARAC coordinator.`,
    ),
    ...errorBlock(input.errors ?? []),
    ...input.sections.flatMap((s): Element[] => [
      { type: 'TextBlock', text: s.title, weight: 'Bolder', wrap: true },
      { type: 'FactSet', facts: s.facts.map((f) => ({ title: f.title, value: plain(f.value) })) },
    ]),
    {
      type: 'FactSet',
      facts: [
        {
          title: 'Score',
          value: input.risk.score === null ? 'Not scored' : String(input.risk.score),
        },
        { title: 'Risk band', value: BAND_WORDS[input.risk.band] ?? input.risk.band },
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
  const edits = input.sections.filter((s, i, all) => all.findIndex((o) => o.step === s.step) === i);
  return card(body, [
    button('Submit to the coordinator', REFERRAL_VERBS.submit, input.data, {
      inputs: true,
      positive: true,
    }),
    ...edits.map((s) =>
      button(`Change ${s.title.toLowerCase()}`, REFERRAL_VERBS.edit, {
        ...input.data,
        step: s.step,
      }),
    ),
    button('Back', REFERRAL_VERBS.back, input.data),
    button('Cancel', REFERRAL_VERBS.cancel, input.data),
  ]);
}
