import { button, choiceInput, errorBlock, heading, plain, YES_NO_UNKNOWN } from './card-parts.js';
import { card, type AdaptiveCard, type Element } from './card-types.js';
import { REFERRAL_VERBS, type CardData } from './verbs.js';

export type Answer = 'yes' | 'no' | 'not-known';

export interface DashPageInput {
  set: { title: string; attribution: string; questions: readonly { id: string; text: string }[] };
  page: number;
  pageSize: number;
  /** Answers saved so far, by question id; `values` (what was just typed) wins. */
  answers: Readonly<Record<string, Answer | undefined>>;
  values?: Record<string, string>;
  errors?: readonly string[];
  totalSteps: number;
  data: CardData;
}

export const dashInputId = (questionId: string) => `dash_${questionId}`;

/** A page of the risk checklist: each question yes / no / not known, with the checklist's credit. */
export function dashPageCard(input: DashPageInput): AdaptiveCard {
  const pages = Math.ceil(input.set.questions.length / input.pageSize);
  const first = input.page * input.pageSize;
  const questions = input.set.questions.slice(first, first + input.pageSize);
  const body: Element[] = [
    ...heading(
      `Refer a case: ${input.set.title} (${input.page + 1} of ${pages})`,
      `Step ${input.page + 2} of ${input.totalSteps}. Answer every question; "Not known" is an answer.`,
    ),
    ...errorBlock(input.errors ?? []),
    ...questions.map((q, i): Element =>
      choiceInput(
        dashInputId(q.id),
        `${first + i + 1}. ${q.text}`,
        YES_NO_UNKNOWN,
        input.values?.[dashInputId(q.id)] ?? input.answers[q.id],
        'expanded',
      ),
    ),
    {
      type: 'TextBlock',
      text: plain(input.set.attribution),
      size: 'Small',
      isSubtle: true,
      wrap: true,
    },
  ];
  return card(body, [
    button(
      input.page + 1 < pages ? 'Next' : 'Next: check and send',
      REFERRAL_VERBS.next,
      input.data,
      {
        inputs: true,
        positive: true,
      },
    ),
    button('Back', REFERRAL_VERBS.back, input.data, { inputs: true }),
    button('Cancel', REFERRAL_VERBS.cancel, input.data),
  ]);
}
