import { Badge } from '@fluentui/react-components';
import type { z } from 'zod';
import type { agreementSchema } from '#core/contracts/subject-access-api.js';

type Agreement = z.infer<typeof agreementSchema>;

/** The words for each agreement, and a mark that differs in shape, not only in colour. */
const WORDS: Record<
  Agreement,
  { mark: string; words: string; color: 'success' | 'warning' | 'danger' | 'informative' }
> = {
  same: { mark: '\u2713', words: 'Same as given', color: 'success' },
  similar: { mark: '\u2248', words: 'Similar, not the same', color: 'warning' },
  different: { mark: '\u2717', words: 'Different from what was given', color: 'danger' },
  // Unknown on one side: the record's, or what the person gave (no postcode, say).
  'not recorded': { mark: '\u2013', words: 'Nothing to compare', color: 'informative' },
};

/** How one recorded detail compares with what the person gave: a badge with its words. */
export function AgreementBadge({ agreement }: { agreement: Agreement }) {
  const w = WORDS[agreement];
  return (
    <Badge appearance="tint" color={w.color} shape="rounded" data-agreement={agreement}>
      <span aria-hidden="true">{w.mark}&nbsp;</span>
      {w.words}
    </Badge>
  );
}
