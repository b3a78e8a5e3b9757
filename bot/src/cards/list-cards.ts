import { button, plain } from './card-parts.js';
import { card, type AdaptiveCard, type Element } from './card-types.js';
import { statusWords } from './status-cards.js';
import { REFERRAL_VERBS } from './verbs.js';

const date = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The person's drafts by reference and date, each with "Continue". */
export function draftsCard(input: {
  drafts: { id: string; reference: string; savedOn: string }[];
  op: string;
}): AdaptiveCard {
  if (input.drafts.length === 0) {
    return card([
      {
        type: 'TextBlock',
        text: 'You have no drafts. Send "refer" to start a referral.',
        wrap: true,
      },
    ]);
  }
  const body: Element[] = [
    { type: 'TextBlock', text: 'Your drafts', size: 'Medium', weight: 'Bolder', wrap: true },
    ...input.drafts.map((d): Element => ({
      type: 'FactSet',
      facts: [{ title: d.reference, value: `Started ${date(d.savedOn)}` }],
    })),
  ];
  return card(
    body,
    input.drafts.slice(0, 5).map((d) =>
      button(`Continue ${d.reference}`, REFERRAL_VERBS.resume, {
        op: input.op,
        referralId: d.id,
      }),
    ),
  );
}

export interface ReferralLine {
  reference: string;
  status: string;
  meetingDate: string | null;
  note: string | null;
}

/**
 * The person's referrals: reference, status, meeting date once accepted, and the coordinator's
 * note. A per-user answer in the 1:1 chat; the note is the coordinator's words to this referrer.
 */
export function referralsCard(lines: ReferralLine[]): AdaptiveCard {
  if (lines.length === 0)
    return card([{ type: 'TextBlock', text: 'You have sent no referrals yet.', wrap: true }]);
  return card([
    { type: 'TextBlock', text: 'Your referrals', size: 'Medium', weight: 'Bolder', wrap: true },
    ...lines.map((l): Element => ({
      type: 'Container',
      separator: true,
      items: [
        {
          type: 'FactSet',
          facts: [
            { title: 'Reference', value: l.reference },
            { title: 'Status', value: statusWords(l.status) },
            ...(l.meetingDate ? [{ title: 'Meeting', value: date(l.meetingDate) }] : []),
          ],
        },
        ...(l.note
          ? [
              {
                type: 'TextBlock' as const,
                text: `Coordinator's note: ${plain(l.note)}`,
                wrap: true,
              },
            ]
          : []),
      ],
    })),
  ]);
}
