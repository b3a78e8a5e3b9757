import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { referralApi, type Candidate, type ReferralDetail } from '../../../api/referrals.js';
import { CompareCandidate } from './CompareCandidate.js';
import { useDetailStyles } from './Facts.js';

/** Possible duplicates, each compared side by side; merging asks for confirmation first. */
export function DuplicateCandidates(props: {
  data: ReferralDetail;
  busy: boolean;
  act: (run: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const styles = useDetailStyles();
  const { data } = props;
  const [merging, setMerging] = useState<Candidate | null>(null);
  const id = data.summary.id;
  const decide = (c: Candidate, decision: 'merged' | 'dismissed') =>
    props.act(
      () => referralApi.duplicate(id, c.referralId, decision),
      decision === 'merged' ? `Merged into ${c.reference}.` : 'Match dismissed.',
    );
  return (
    <>
      <h4 className={styles.h4}>Possible duplicates</h4>
      {data.candidates.length === 0 && <Text>No possible duplicates.</Text>}
      {data.candidates.map((c) => (
        <div key={c.referralId} data-testid="duplicate-candidate">
          <CompareCandidate data={data} candidate={c} />
          <div className={styles.row}>
            {c.decision !== 'open' && (
              <Text>{c.decision === 'merged' ? 'Merged' : 'Dismissed'}</Text>
            )}
            {c.decision === 'open' && (
              <>
                <Button size="small" disabled={props.busy} onClick={() => setMerging(c)}>
                  {`Merge into ${c.reference}…`}
                </Button>
                <Button
                  size="small"
                  disabled={props.busy}
                  onClick={() => void decide(c, 'dismissed')}
                >
                  Not the same person
                </Button>
              </>
            )}
          </div>
        </div>
      ))}
      <Dialog open={merging !== null} onOpenChange={(_, d) => !d.open && setMerging(null)}>
        <DialogSurface aria-describedby="merge-words">
          <DialogBody>
            <DialogTitle>{`Merge ${data.summary.reference} into ${merging?.reference ?? ''}?`}</DialogTitle>
            <DialogContent id="merge-words">
              {`${data.summary.reference} will be closed as merged, and what it says kept on the case of ${merging?.reference ?? ''}. Merge only when you are sure it is the same victim.`}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={props.busy}
                onClick={() => {
                  const chosen = merging;
                  setMerging(null);
                  if (chosen) void decide(chosen, 'merged');
                }}
              >
                Merge
              </Button>
              <Button onClick={() => setMerging(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
