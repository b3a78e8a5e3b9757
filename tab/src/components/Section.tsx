import { Card, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { padding: '16px 20px', marginBottom: '16px' },
  head: { display: 'flex', alignItems: 'center', gap: '12px', minHeight: '32px' },
  title: {
    margin: 0,
    flexGrow: 1,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
  },
});

/** A titled card: every part of the area screen has a real heading for screen-reader users. */
export function Section(props: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Card className={styles.card} role="region" aria-labelledby={props.id}>
      <div className={styles.head}>
        <h3 id={props.id} className={styles.title}>
          {props.title}
        </h3>
        {props.actions}
      </div>
      {props.children}
    </Card>
  );
}
