import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import type { DataReturn, MeetingReturn } from '#core/contracts/data-return-api.js';
import { deferredRow, figureRows, RECORD_WORDS } from '#core/contracts/data-return-rows.js';
import { dataReturnApi } from '../api/data-return.js';
import { AppLink } from '../components/AppLink.js';
import { DownloadButtons } from '../components/data-return/DownloadButtons.js';
import { FiguresTable } from '../components/data-return/FiguresTable.js';
import { QuarterPicker } from '../components/data-return/QuarterPicker.js';
import { RecodeSection } from '../components/data-return/RecodeSection.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { PAGE_LAYOUT } from '../components/page-layout.js';
import { Section } from '../components/Section.js';
import { useLoad } from '../components/use-load.js';
import { formatDate } from '../format/dates.js';
import { lastCompleteQuarter, quarterInWords } from '../format/quarters.js';
import { dataReturnPath, navigate } from '../routes.js';

const useStyles = makeStyles({
  ...PAGE_LAYOUT,
  h1: { fontSize: '24px', margin: '8px 0' },
  intro: { display: 'block', marginBottom: '8px' },
  warnings: { margin: '8px 0 16px' },
  list: { margin: '4px 0 0', paddingLeft: '20px' },
  record: { display: 'block', marginBottom: '8px' },
  notClosed: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The area's quarterly SafeLives data return at `/data-return/{areaId}?quarter=2027-Q1`, for the
 * coordinator who makes it and an admin: the quarter's totals, each meeting's figures, what
 * makes them incomplete, and the return as CSV or Excel. The coordinator's answer carries the
 * case references behind each figure, shown on demand; an admin's has none.
 */
export function DataReturnPage(props: {
  areaId: string;
  /** The address's quarter; none: the last complete one, written into the address. */
  quarter: string | null;
  onSignOut?: () => void;
}) {
  const styles = useStyles();
  const quarter = props.quarter ?? lastCompleteQuarter();
  useEffect(() => {
    if (props.quarter === null) navigate(dataReturnPath(props.areaId, quarter), { replace: true });
  }, [props.areaId, props.quarter, quarter]);
  const { data, error, loading } = useLoad(
    () => dataReturnApi.read(props.areaId, quarter),
    [props.areaId, quarter],
  );
  const shown = data?.quarter === quarter ? data : null;
  return (
    <main className={styles.page}>
      <div className={styles.top}>
        <AppLink href="/">Back to meetings</AppLink>
        <span className={styles.grow} />
        {props.onSignOut && <Button onClick={props.onSignOut}>Sign out</Button>}
      </div>
      <h1 className={styles.h1}>SafeLives data return{data ? `: ${data.area.name}` : ''}</h1>
      <QuarterPicker
        quarter={quarter}
        onChange={(quarter) => navigate(dataReturnPath(props.areaId, quarter))}
      />
      <ErrorBar error={error} title="The data return could not be loaded" />
      {loading && <Spinner label={`Counting ${quarterInWords(quarter)}`} />}
      {shown && <Return data={shown} />}
    </main>
  );
}

function Return({ data }: { data: DataReturn }) {
  const styles = useStyles();
  const drill = data.total.casesHeard.references !== undefined;
  return (
    <>
      <Text as="p" className={styles.intro}>
        {formatDate(data.from)} to {formatDate(data.to)}: {plural(data.meetings.length, 'meeting')}.
        Only the cases a meeting&apos;s record marks heard are counted; a deferred case counts at
        the meeting that hears it.
        {!drill && " The cases behind each figure are shown to the area's coordinator only."}
      </Text>
      {data.warnings.length > 0 && (
        <MessageBar
          intent="warning"
          layout="multiline"
          className={styles.warnings}
          data-testid="return-warnings"
        >
          <MessageBarBody>
            <MessageBarTitle>These figures are not complete</MessageBarTitle>
            <ul className={styles.list}>
              {data.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <DownloadButtons areaId={data.area.id} quarter={data.quarter} />
      <Section id="totals-heading" title={`Quarter totals, ${data.quarter}`}>
        <FiguresTable
          id="total-figures"
          caption={`The totals of ${data.quarter}`}
          rows={figureRows(data.total)}
          drill={drill}
        />
      </Section>
      <RecodeSection areaId={data.area.id} toRecode={data.toRecode} />
      {data.meetings.length === 0 ? (
        <Text as="p">No meeting of the area falls in this quarter.</Text>
      ) : (
        data.meetings.map((m) => <MeetingFigures key={m.meetingId} meeting={m} drill={drill} />)
      )}
    </>
  );
}

function MeetingFigures({ meeting, drill }: { meeting: MeetingReturn; drill: boolean }) {
  const styles = useStyles();
  const title = `Meeting of ${formatDate(meeting.date)}, ${meeting.startTime}`;
  return (
    <div data-testid={`meeting-${meeting.date}`}>
      <Section id={`meeting-${meeting.meetingId}-heading`} title={title}>
        <Text className={styles.record} data-testid="meeting-record">
          Record:{' '}
          <span className={meeting.record === 'closed' ? undefined : styles.notClosed}>
            {RECORD_WORDS[meeting.record]}
          </span>
        </Text>
        <FiguresTable
          id={`meeting-${meeting.date}-figures`}
          caption={`The figures of the meeting of ${formatDate(meeting.date)}`}
          rows={[...figureRows(meeting.figures), deferredRow(meeting.deferred)]}
          drill={drill}
        />
      </Section>
    </div>
  );
}
