import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingAction } from '#core/contracts/meeting-api.js';
import { formatDate } from '../../format/dates.js';
import { URGENT_WORDS } from './meeting-words.js';

const useStyles = makeStyles({
  box: { display: 'grid', gap: '2px', minWidth: 0, overflowWrap: 'anywhere' },
  urgent: {
    justifySelf: 'start',
    padding: '2px 8px',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteRedForeground1,
    border: `2px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const STATUS_WORDS = {
  open: 'Open',
  done: 'Done',
  ongoing: 'Ongoing',
  'not-done': 'Not done',
  cannot: 'Cannot be done',
} as const;

/**
 * One agreed action in words: who, what exactly, by when, the risk it addresses. An urgent child
 * safeguarding decision says so in words and in a bordered label, not by colour alone.
 */
export function ActionSummary({ action }: { action: MeetingAction }) {
  const styles = useStyles();
  const owner = action.ownerPerson
    ? `${action.ownerAgencyName} (${action.ownerPerson})`
    : action.ownerAgencyName;
  return (
    <div className={styles.box} data-testid="action" data-urgent={action.urgent ?? 'no'}>
      {action.urgent && (
        <Text className={styles.urgent}>
          Urgent child safeguarding: {URGENT_WORDS[action.urgent]}
        </Text>
      )}
      <Text weight="semibold">
        {action.reference}: {owner}
      </Text>
      <Text>{action.what}</Text>
      <Text>
        Due by {action.dueTime} on {formatDate(action.dueDate)}. Risk: {action.risk}
      </Text>
      <Text className={styles.muted} size={200}>
        {STATUS_WORDS[action.status]}
      </Text>
    </div>
  );
}
