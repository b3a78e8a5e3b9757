import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  theirs: {
    margin: '8px 0 0',
    padding: '8px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
  actions: { flexWrap: 'wrap', gap: '8px' },
});

/**
 * Someone else saved this record while the person was typing: their version is shown here, the
 * person's words stay in the form, and nothing is saved over the other version until the person
 * chooses to.
 */
export function ConflictPanel(props: {
  who: string | null;
  theirs: ReactNode;
  onTakeTheirs: () => void;
  onSaveMine: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid="conflict">
      <MessageBarBody>
        <MessageBarTitle>{props.who ?? 'Someone else'} saved a newer version</MessageBarTitle>
        What you typed is still in the form below. Their version:
        <div className={styles.theirs} data-testid="theirs">
          {props.theirs}
        </div>
      </MessageBarBody>
      <MessageBarActions className={styles.actions}>
        <Button onClick={props.onTakeTheirs} disabled={props.busy}>
          Use their version
        </Button>
        <Button appearance="primary" onClick={props.onSaveMine} disabled={props.busy}>
          Save mine over theirs
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
