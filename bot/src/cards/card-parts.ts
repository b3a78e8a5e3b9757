import type { Choice, Element, ExecuteAction, InputChoiceSet, InputText } from './card-types.js';
import type { CardData, ReferralVerb, ResearchCardData, ResearchVerb } from './verbs.js';

/** Pieces every card is made of. No input has a maxLength: the client would cut without a word. */
export const YES_NO_UNKNOWN: Choice[] = [
  { title: 'Yes', value: 'yes' },
  { title: 'No', value: 'no' },
  { title: 'Not known', value: 'not-known' },
];
export const YES_NO: Choice[] = [
  { title: 'Yes', value: 'yes' },
  { title: 'No', value: 'no' },
];

/** Text for the user: Adaptive Card TextBlocks read markdown, so user text is escaped. */
export const plain = (text: string) => text.replace(/([\\*_~`[\]()#>!|-])/g, '\\$1');

export const withValue = <T extends Element>(input: T, value: string | undefined): T =>
  value === undefined || value === '' ? input : ({ ...input, value } as T);

export const errorBlock = (errors: readonly string[]): Element[] =>
  errors.length === 0
    ? []
    : [
        {
          type: 'Container',
          style: 'attention',
          items: [
            {
              type: 'TextBlock',
              text: 'There is a problem:',
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

export const textInput = (
  id: string,
  label: string,
  value: string | undefined,
  multiline = false,
): InputText =>
  withValue<InputText>(
    { type: 'Input.Text', id, label, ...(multiline ? { isMultiline: true } : {}) },
    value,
  );

/** A choice with nothing chosen until the person chooses: no answer is assumed. */
export const choiceInput = (
  id: string,
  label: string,
  choices: Choice[],
  value: string | undefined,
  style: 'compact' | 'expanded' = 'compact',
): InputChoiceSet =>
  withValue<InputChoiceSet>({ type: 'Input.ChoiceSet', id, label, choices, style }, value);

export const heading = (title: string, subtitle: string): Element[] => [
  { type: 'TextBlock', text: title, size: 'Medium', weight: 'Bolder', wrap: true },
  { type: 'TextBlock', text: subtitle, isSubtle: true, wrap: true },
];

/** A button; `inputs` says whether the card's inputs go with it (Back saves them, Cancel does not). */
export const button = (
  title: string,
  verb: ReferralVerb | ResearchVerb,
  data: CardData | ResearchCardData,
  options: { inputs?: boolean; positive?: boolean } = {},
): ExecuteAction => ({
  type: 'Action.Execute',
  title,
  verb,
  data: { ...data },
  associatedInputs: options.inputs ? 'auto' : 'none',
  ...(options.positive ? { style: 'positive' as const } : {}),
});
