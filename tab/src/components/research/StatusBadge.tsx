import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ResearchStatus } from '#core/contracts/research.js';
import { STATUS_BADGES, STATUS_MARKS, statusWords } from './research-words.js';

const useStyles = makeStyles({
  badge: { whiteSpace: 'nowrap', maxWidth: '100%' },
  mark: { display: 'inline-block', width: '1.1em', textAlign: 'center', fontWeight: 700 },
  // In the matrix: the words may wrap, so a column an agency fits a wide screen.
  plain: {
    display: 'block',
    padding: '2px 6px 2px 2px',
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
  },
  submitted: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  late: { backgroundColor: tokens.colorPaletteRedBackground1 },
  draft: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  none: {},
});

type Cell = { status: ResearchStatus; submittedAt?: string | null };

const TINT = {
  submitted: 'submitted',
  'nothing-known': 'submitted',
  late: 'late',
  draft: 'draft',
} as const;

/** A research status: a shape and the words, its colour only a third cue. */
export function StatusBadge(props: { cell: Cell; size?: 'small' | 'medium'; plain?: boolean }) {
  const styles = useStyles();
  const { status } = props.cell;
  const mark = (
    <span className={styles.mark} aria-hidden="true">
      {STATUS_MARKS[status]}
    </span>
  );
  if (props.plain)
    return (
      <span
        className={mergeClasses(styles.plain, styles[TINT[status as keyof typeof TINT] ?? 'none'])}
        data-status={status}
      >
        {mark}
        {statusWords(props.cell)}
      </span>
    );
  const look = STATUS_BADGES[status];
  return (
    <Badge
      className={styles.badge}
      size={props.size ?? 'medium'}
      color={look.color}
      appearance={look.appearance}
      data-status={status}
    >
      {mark}
      {statusWords(props.cell)}
    </Badge>
  );
}
