import type { AgencyResearch } from '#core/contracts/research-api.js';
import { researchApi, type NothingKnownResult } from '../../api/research.js';
import { plural } from '../../format/dates.js';
import { ConfirmDialog } from '../ConfirmDialog.js';

/**
 * Asks before recording "nothing known" for the cases named: the agency has no record of them.
 * The server keeps any case already answered, and says which.
 */
export function NothingKnownDialog(props: {
  research: AgencyResearch;
  cases: AgencyResearch['cases'];
  onClose: () => void;
  onDone: (result: NothingKnownResult) => void;
}) {
  const { research, cases } = props;
  const ids = cases.map((c) => c.referralId);
  return (
    <ConfirmDialog
      title={`Record nothing known for ${plural(cases.length, 'case')}?`}
      confirmLabel="Record nothing known"
      busyLabel="Recording…"
      failureTitle="Nothing was recorded"
      action={`nothing-known:${ids.join(',')}`}
      onClose={props.onClose}
      onConfirm={async (key) =>
        props.onDone(
          await researchApi.nothingKnown(research.meetingId, research.agencyId, ids, key),
        )
      }
    >
      <p>
        {`${research.agencyName} will be recorded as having no record of ${cases
          .map((c) => c.reference)
          .join(', ')}. Cases with a draft or a submission are kept as they are.`}
      </p>
      <p>You can still open any of these cases and submit research before the deadline.</p>
    </ConfirmDialog>
  );
}

/** "Nothing known recorded for 2 cases; 1 case kept as it was (already answered)." */
export function nothingKnownWords(result: NothingKnownResult): string {
  const kept = result.kept.length;
  return (
    `Nothing known recorded for ${plural(result.marked.length, 'case')}` +
    (kept > 0
      ? `; ${plural(kept, 'case')} kept as ${kept === 1 ? 'it was' : 'they were'} (already answered).`
      : '.')
  );
}
