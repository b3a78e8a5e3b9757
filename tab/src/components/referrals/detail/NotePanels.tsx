import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { referralApi } from '../../../api/referrals.js';
import { useDetailStyles } from './Facts.js';

type Act = (run: () => Promise<unknown>, done: string) => Promise<void>;

/** Send back for more information, or decline; either way with a note the referrer will read. */
export function DecisionPanel(props: { referralId: string; busy: boolean; act: Act }) {
  const styles = useDetailStyles();
  const [note, setNote] = useState('');
  const decide = (decision: 'needs-information' | 'declined', done: string) =>
    void props.act(() => referralApi.decide(props.referralId, decision, note), done);
  return (
    <>
      <h4 className={styles.h4}>Ask for information or decline</h4>
      <Field label="Note to the referrer" hint="The referrer reads this in My referrals" required>
        <Textarea value={note} onChange={(_, v) => setNote(v.value)} />
      </Field>
      <div className={styles.row}>
        <Button
          disabled={props.busy || note.trim() === ''}
          onClick={() =>
            decide('needs-information', 'Sent back to the referrer for more information.')
          }
        >
          Ask for information
        </Button>
        <Button
          disabled={props.busy || note.trim() === ''}
          onClick={() => decide('declined', 'Declined.')}
        >
          Decline
        </Button>
      </div>
    </>
  );
}

/** Records the link to MAPPA for a perpetrator managed at level 2 or 3. */
export function MappaLinkPanel(props: {
  referralId: string;
  mappaLead: boolean;
  busy: boolean;
  act: Act;
}) {
  const styles = useDetailStyles();
  const [note, setNote] = useState('');
  return (
    <>
      <h4 className={styles.h4}>MAPPA link</h4>
      <Field
        label="Record the link to MAPPA"
        hint={props.mappaLead ? 'MAPPA leads on this perpetrator' : undefined}
      >
        <Textarea value={note} onChange={(_, v) => setNote(v.value)} />
      </Field>
      <div className={styles.row}>
        <Button
          disabled={props.busy || note.trim() === ''}
          onClick={() =>
            void props.act(
              () => referralApi.mappaLink(props.referralId, note),
              'MAPPA link recorded.',
            )
          }
        >
          Record MAPPA link
        </Button>
      </div>
    </>
  );
}
