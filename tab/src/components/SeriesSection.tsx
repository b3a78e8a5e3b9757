import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Area, Series } from '#core/contracts/api.js';
import { formatDate } from '../format/dates.js';
import { CreateSeriesForm } from './CreateSeriesForm.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: '6px 16px',
    margin: '8px 0 0',
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  attendees: { margin: 0, paddingLeft: '18px', columnWidth: '280px' },
});

/** The area's recurring Outlook meeting, or the form to create it. */
export function SeriesSection(props: {
  area: Area;
  editable: boolean;
  onCreated: (area: Area) => void;
}) {
  const { series } = props.area;
  return (
    <Section id="series-heading" title="Outlook series">
      {series && <SeriesFacts series={series} mailbox={props.area.mailbox} />}
      {!series && !props.editable && (
        <Text>No Outlook series yet. The area’s coordinator creates it.</Text>
      )}
      {!series && props.editable && (
        <CreateSeriesForm area={props.area} onCreated={props.onCreated} />
      )}
    </Section>
  );
}

function SeriesFacts({ series, mailbox }: { series: Series; mailbox: string }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts} data-testid="series-facts">
      <dt className={styles.term}>First meeting</dt>
      <dd className={styles.value}>{formatDate(series.firstDate)}</dd>
      <dt className={styles.term}>Until</dt>
      <dd className={styles.value}>{formatDate(series.until)}</dd>
      <dt className={styles.term}>Organiser</dt>
      <dd className={styles.value}>{mailbox}</dd>
      <dt className={styles.term}>Online meeting</dt>
      <dd className={styles.value}>
        {series.joinUrl ? (
          <Link href={series.joinUrl} target="_blank" rel="noopener noreferrer">
            Join in Microsoft Teams
          </Link>
        ) : (
          'Created in local mode: .ics written to the outbox'
        )}
      </dd>
      <dt className={styles.term}>Invited ({series.attendees.length})</dt>
      <dd className={styles.value}>
        {series.attendees.length === 0 ? (
          'Nobody yet: add agency reps below.'
        ) : (
          <ul className={styles.attendees}>
            {series.attendees.map((a) => (
              <li key={a.email}>
                {a.name} ({a.email})
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
