import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { researchApi } from '../../api/research.js';
import { formatDate } from '../../format/dates.js';
import { researchPaths } from '../../routes.js';
import { AppLink } from '../AppLink.js';
import { ErrorBar } from '../ErrorBar.js';
import { useStackedCells } from '../stacked-table.js';
import { useLoad } from '../use-load.js';
import { deadlineWords } from './deadline-words.js';

const COLUMNS = ['Meeting', 'Agency', 'Due by', 'Answered', 'Research'];

const useStyles = makeStyles({
  title: { display: 'block', margin: '4px 0 4px' },
  sub: { display: 'block', color: tokens.colorNeutralForeground2, marginBottom: '12px' },
  table: { tableLayout: 'auto' },
  closed: { color: tokens.colorNeutralForeground2 },
  date: { whiteSpace: 'nowrap' },
});

/**
 * "My research": the meetings whose research the person's agencies owe or gave. With a meeting
 * in the address (the link in a Teams notice) it goes straight to the person's agency for it.
 */
export function MyResearchView(props: {
  meetingId: string | null;
  onOpen: (path: string) => void;
}) {
  const styles = useStyles();
  const mine = useLoad(() => researchApi.mine(), []);
  const stacked = useStackedCells(COLUMNS);
  const { cell } = stacked;
  const items = (mine.data?.items ?? []).filter(
    (i) => props.meetingId === null || i.meetingId === props.meetingId,
  );
  const only = props.meetingId && items.length === 1 ? items[0] : null;
  useEffect(() => {
    if (only) props.onOpen(researchPaths.agency(only.meetingId, only.agencyId));
  }, [only?.meetingId, only?.agencyId]);

  return (
    <>
      <Title2 as="h1" className={styles.title}>
        My research
      </Title2>
      <Text className={styles.sub}>
        What your agency knows about each case, for the MARACs that list your agency.
      </Text>
      {mine.loading && !mine.data && <Spinner size="small" label="Loading your research" />}
      <ErrorBar error={mine.error} title="Your research could not be loaded" />
      {mine.data && items.length === 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="no-research">
          <MessageBarBody>
            <MessageBarTitle>
              {props.meetingId
                ? 'No research asked of you for this meeting'
                : 'Nothing to research'}
            </MessageBarTitle>
            {props.meetingId
              ? 'None of your agencies is on this meeting’s list, or its agenda is not out yet. If you think it should be, ask the MARAC coordinator.'
              : 'When an agenda that lists your agency is published, its cases appear here.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {items.length > 0 && !only && (
        <Table
          size="small"
          aria-label="Research your agencies owe or gave"
          className={mergeClasses(styles.table, stacked.table)}
          data-testid="my-research"
        >
          <TableHeader>
            <TableRow>
              {COLUMNS.map((c) => (
                <TableHeaderCell key={c}>{c}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody className={stacked.body}>
            {items.map((i) => (
              <TableRow key={`${i.meetingId}:${i.agencyId}`} className={stacked.row}>
                <TableCell {...cell(0)}>
                  <div>
                    <span className={styles.date}>{formatDate(i.meetingDate)}</span>
                    <Text className={styles.closed} block size={200}>
                      {i.areaName}
                    </Text>
                  </div>
                </TableCell>
                <TableCell {...cell(1)}>{i.agencyName}</TableCell>
                <TableCell {...cell(2)}>
                  {i.open ? deadlineWords(i.deadline) : 'Closed: the deadline has passed'}
                </TableCell>
                <TableCell {...cell(3)}>{`${i.answered} of ${i.cases}`}</TableCell>
                <TableCell {...cell(4)}>
                  <AppLink
                    href={researchPaths.agency(i.meetingId, i.agencyId)}
                    aria-label={`${i.open ? 'Give research' : 'Read answers'} for ${i.agencyName}, meeting of ${formatDate(i.meetingDate)}`}
                  >
                    {i.open ? 'Give research' : 'Read answers'}
                  </AppLink>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
