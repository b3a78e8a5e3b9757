import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatTime } from '../../../format/dates.js';
import type { SaveState } from './use-draft-autosave.js';

const useStyles = makeStyles({
  status: { display: 'block', margin: '12px 0 0', color: tokens.colorNeutralForeground2 },
});

/** Whether what was typed is saved as a draft yet, read out politely as it changes. */
export function SaveStatus({ state, dirty }: { state: SaveState; dirty: boolean }) {
  const styles = useStyles();
  let words: string;
  if (state.kind === 'saving') words = 'Saving the draft…';
  else if (state.kind === 'failed') words = `Draft not saved yet. ${state.message}`;
  else if (dirty) words = 'Changes not saved yet';
  else if (state.kind === 'saved') words = `Draft saved at ${formatTime(state.at.toISOString())}`;
  else words = '';
  return (
    <Text className={styles.status} role="status" data-testid="draft-status">
      {words}
    </Text>
  );
}
