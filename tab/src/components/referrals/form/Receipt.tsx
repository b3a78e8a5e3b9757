import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReferralReceipt } from '../../../api/referrals.js';
import { BAND_WORDS, CRITERIA_WORDS } from '../referral-words.js';

/** What the referrer is told once the referral is saved or submitted. */
export function Receipt({ receipt }: { receipt: ReferralReceipt }) {
  const { risk } = receipt;
  const submitted = receipt.status === 'submitted';
  return (
    <div data-testid="referral-receipt" style={{ display: 'grid', gap: 8, marginTop: 12 }}>
      <MessageBar intent={submitted ? 'success' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {submitted
              ? `Submitted to the coordinator: ${receipt.reference}`
              : `Draft saved: ${receipt.reference}`}
          </MessageBarTitle>
          <div>
            {risk.score !== null ? `DASH score ${risk.score}` : 'DARA outcome'} ·{' '}
            {BAND_WORDS[risk.band]} risk
          </div>
          <div>
            {risk.criteriaMet.length > 0
              ? `Criteria met: ${risk.criteriaMet.map((c) => CRITERIA_WORDS[c] ?? c).join(', ')}`
              : `No referral criterion met${risk.shortfall ? `: ${risk.shortfall}` : ''}`}
          </div>
        </MessageBarBody>
      </MessageBar>
      {receipt.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
