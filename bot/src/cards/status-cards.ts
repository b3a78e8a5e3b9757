import { button, plain } from './card-parts.js';
import { card, type AdaptiveCard, type Element } from './card-types.js';
import { REFERRAL_VERBS } from './verbs.js';

/**
 * Cards that stay in the chat once a step is done: a reference, a step name, a status, never a
 * detail of the referral (the chat's stored copy holds nothing to leak).
 */
const STATUS: Record<string, string> = {
  draft: 'Draft: not sent yet',
  submitted: 'Submitted to the MARAC coordinator',
  'needs-information': 'Sent back for more information',
  accepted: 'Accepted',
  declined: 'Declined',
  merged: 'Merged with another referral of the same case',
};
export const statusWords = (status: string) => STATUS[status] ?? status;

/** A referral sent or put aside: its reference and status. */
export function receiptCard(input: {
  title: string;
  reference: string;
  status: string;
  note?: string;
}): AdaptiveCard {
  return card([
    { type: 'TextBlock', text: input.title, size: 'Medium', weight: 'Bolder', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Reference', value: input.reference },
        { title: 'Status', value: statusWords(input.status) },
      ],
    },
    ...(input.note
      ? [{ type: 'TextBlock' as const, text: plain(input.note), wrap: true, isSubtle: true }]
      : []),
  ]);
}

/** What a step's card becomes once the next card is on its way: the step's name only. */
export function stepDoneCard(input: { reference: string | null; step: string }): AdaptiveCard {
  const facts = [
    ...(input.reference ? [{ title: 'Reference', value: input.reference }] : []),
    { title: 'Step', value: input.step },
  ];
  return card([{ type: 'FactSet', facts }]);
}

/** A card with one message, for a refused or expired step. */
export function noticeCard(message: string): AdaptiveCard {
  return card([{ type: 'TextBlock', text: plain(message), wrap: true }]);
}

/** "Refer a case", "My drafts" and "My referrals": what the bot does, as buttons. */
export function welcomeCard(op: string): AdaptiveCard {
  const body: Element[] = [
    { type: 'TextBlock', text: 'MARAC assistant', size: 'Medium', weight: 'Bolder', wrap: true },
    {
      type: 'TextBlock',
      text: 'I take referrals to MARAC in this 1:1 chat, keep your drafts, and tell you what the coordinator decides. Coordinators schedule meetings in the MARAC tab.',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'Send "my research" for the research your agencies owe, or "my actions" for their open actions.',
      wrap: true,
    },
  ];
  return card(body, [
    button('Refer a case', REFERRAL_VERBS.start, { op }, { positive: true }),
    button('My drafts', REFERRAL_VERBS.drafts, { op }),
    button('My referrals', REFERRAL_VERBS.referrals, { op }),
  ]);
}
