import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AgendaView, PublishedAgenda } from '../../api/agendas.js';
import { plural } from '../../format/dates.js';
import { Section } from '../Section.js';
import { PublishDialog } from './PublishDialog.js';

const useStyles = makeStyles({
  list: { margin: '4px 0 12px', paddingLeft: '20px' },
  note: { display: 'block', margin: '0 0 12px', color: tokens.colorNeutralForeground2 },
  h4: { margin: '8px 0 4px', fontSize: tokens.fontSizeBase300 },
});

/**
 * What publishing now would send, and the Publish button. After the first version every change
 * goes out as a numbered addendum that lists what changed.
 */
export function PublishSection(props: {
  view: AgendaView;
  /** How many agencies sit on the meeting (null while loading). */
  agencies: number | null;
  onPublished: () => void;
}) {
  const styles = useStyles();
  const { view } = props;
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<PublishedAgenda | null>(null);
  const restoreFocus = useRestoreFocusTarget();
  const changes = view.pendingChanges;
  const last = view.versions.at(-1);

  return (
    <Section id="publish-heading" title="Publish">
      {done && (
        <MessageBar intent="success" role="status" data-testid="published">
          <MessageBarBody>
            {`${done.label} published to ${plural(done.recipients, 'recipient')}. Each delivery is shown under Deliveries.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {changes === null ? (
        <Text className={styles.note}>
          Nothing has been published for this meeting yet: publishing sends the whole agenda.
        </Text>
      ) : (
        <section aria-labelledby="changes-heading" data-testid="pending-changes">
          <h4 id="changes-heading" className={styles.h4}>
            What will change
          </h4>
          {changes.length === 0 ? (
            <Text className={styles.note}>
              {`Nothing has changed since ${last?.label ?? 'the last version'}.`}
            </Text>
          ) : (
            <ul className={styles.list}>
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <div>
        <Button appearance="primary" onClick={() => setConfirming(true)} {...restoreFocus}>
          {`Publish ${view.label}`}
        </Button>
      </div>
      {confirming && (
        <PublishDialog
          view={view}
          agencies={props.agencies}
          onClose={() => setConfirming(false)}
          onPublished={(published) => {
            setConfirming(false);
            setDone(published);
            props.onPublished();
          }}
        />
      )}
    </Section>
  );
}
