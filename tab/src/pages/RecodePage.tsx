import { Spinner, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { recodeApi } from '../api/recode.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { PageTop } from '../components/PageTop.js';
import { PAGE_LAYOUT } from '../components/page-layout.js';
import { RecodeItemCard } from '../components/recode/RecodeItemCard.js';
import { useLoad } from '../components/use-load.js';
import { plural } from '../format/dates.js';

const useStyles = makeStyles({
  ...PAGE_LAYOUT,
  h1: { fontSize: '24px', lineHeight: 1.25, margin: '8px 0', overflowWrap: 'anywhere' },
  intro: { display: 'block', maxWidth: '48em', marginBottom: '12px' },
  list: {
    listStyle: 'none',
    margin: '16px 0 0',
    padding: 0,
    display: 'grid',
    gap: '12px',
  },
});

/**
 * The coordinator's recode at `/recode/{areaId}` (issue #13): every referral of the area whose
 * ethnicity or sexuality was written in words naming no category of the SafeLives return, each
 * with a choice of the categories and Save. The list is the one read; each saved item says so
 * in place (the count above goes down), so the coordinator sees what is left without a reload.
 */
export function RecodePage(props: { areaId: string; onSignOut?: () => void }) {
  const styles = useStyles();
  const { data, error, loading } = useLoad(() => recodeApi.list(props.areaId), [props.areaId]);
  const [saved, setSaved] = useState(0);
  const left = data ? data.items.length - saved : 0;
  return (
    <main className={styles.page}>
      <PageTop onSignOut={props.onSignOut} />
      <h1 className={styles.h1}>
        Recode ethnicity and sexuality{data ? `: ${data.areaName}` : ''}
      </h1>
      <Text as="p" className={styles.intro}>
        These referrals were written before the form offered the categories of the SafeLives data
        return, in words that name none of them. Choose the category the words mean. The words stay
        with the referral, shown as first written; until then the return counts each as not recoded.
      </Text>
      <ErrorBar error={error} title="The referrals to recode could not be loaded" />
      {loading && !data && <Spinner label="Loading the referrals to recode" />}
      {data && (
        <Text as="p" role="status" weight="semibold">
          {left === 0 ? 'Nothing left to recode.' : `${plural(left, 'answer')} left to recode.`}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <ol className={styles.list} aria-label="Referrals to recode">
          {data.items.map((item) => (
            <RecodeItemCard
              key={`${item.referralId}-${item.field}`}
              item={item}
              onSaved={() => setSaved((n) => n + 1)}
            />
          ))}
        </ol>
      )}
    </main>
  );
}
