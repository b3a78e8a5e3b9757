import {
  Badge,
  Button,
  Spinner,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Area } from '#core/contracts/api.js';
import { api } from '../../api/endpoints.js';
import { referralApi, type QueueItem } from '../../api/referrals.js';
import { formatDate, londonToday } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { useLoad } from '../use-load.js';
import { statusColour } from './MyReferrals.js';
import { useStackedTable } from '../stacked-table.js';
import { ReferralDetailPanel } from './detail/ReferralDetail.js';
import { BAND_WORDS, CRITERIA_WORDS, STATUS_WORDS } from './referral-words.js';

const HEADS = [
  'Reference',
  'Victim',
  'Referred',
  'Risk',
  'Criteria',
  'Flags',
  'Children',
  'Possible duplicates',
  'Status',
  'Open',
];

type Bucket = 'new' | 'needs-information' | 'accepted' | 'declined';
const BUCKETS: { value: Bucket; label: string; statuses: string[] }[] = [
  { value: 'new', label: 'New', statuses: ['submitted', 'draft'] },
  { value: 'needs-information', label: 'Needs information', statuses: ['needs-information'] },
  { value: 'accepted', label: 'Accepted', statuses: ['accepted'] },
  { value: 'declined', label: 'Declined or merged', statuses: ['declined', 'merged'] },
];

/** The coordinator's referral queue for one area, with a detail panel for the chosen referral. */
export function ReferralQueue({ area }: { area: Area }) {
  const queue = useLoad(() => referralApi.queue(area.id), [area.id]);
  const meetings = useLoad(() => api.meetings(area.id, londonToday()), [area.id]);
  const [bucket, setBucket] = useState<Bucket>('new');
  const [openId, setOpenId] = useState<string | null>(null);
  const stacked = useStackedTable();
  const cell = (i: number) => ({ className: stacked.cell, 'data-label': HEADS[i] });

  const meetingDate = (id: string | null) => meetings.data?.find((m) => m.id === id)?.date ?? null;
  const items = (queue.data ?? []).filter((q) =>
    BUCKETS.find((b) => b.value === bucket)!.statuses.includes(q.status),
  );
  const count = (b: (typeof BUCKETS)[number]) =>
    (queue.data ?? []).filter((q) => b.statuses.includes(q.status)).length;

  return (
    <>
      <Title2 as="h2" style={{ display: 'block', margin: '4px 0 12px' }}>
        Referrals for {area.name}
      </Title2>
      <ErrorBar error={queue.error} title="The referral queue could not be loaded" />
      <TabList
        style={{ flexWrap: 'wrap' }}
        aria-label="Referral status"
        selectedValue={bucket}
        onTabSelect={(_, d) => setBucket(d.value as Bucket)}
      >
        {BUCKETS.map((b) => (
          <Tab key={b.value} value={b.value}>
            {`${b.label} (${count(b)})`}
          </Tab>
        ))}
      </TabList>
      {queue.loading && !queue.data && <Spinner size="small" label="Loading referrals" />}
      {queue.data && items.length === 0 && (
        <Text as="p" style={{ margin: '12px 0' }}>
          No referrals here.
        </Text>
      )}
      {items.length > 0 && (
        <Table
          aria-label="Referral queue"
          data-testid="referral-queue"
          className={stacked.table}
          style={{ marginTop: 8 }}
        >
          <TableHeader>
            <TableRow>
              {HEADS.map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody className={stacked.body}>
            {items.map((q: QueueItem) => {
              const date = meetingDate(q.meetingId);
              return (
                <TableRow key={q.id} aria-selected={openId === q.id} className={stacked.row}>
                  <TableCell {...cell(0)}>{q.reference}</TableCell>
                  <TableCell {...cell(1)}>{q.victimName || 'Not given'}</TableCell>
                  <TableCell {...cell(2)}>{formatDate(q.referredOn)}</TableCell>
                  <TableCell {...cell(3)}>
                    {BAND_WORDS[q.band]}
                    {q.score !== null ? ` (${q.score})` : ''}
                  </TableCell>
                  <TableCell {...cell(4)}>
                    {q.criteria.map((c) => CRITERIA_WORDS[c] ?? c).join(', ') || 'None'}
                  </TableCell>
                  <TableCell {...cell(5)}>
                    {q.isRepeat && (
                      <Badge color="important" appearance="tint">
                        Repeat
                      </Badge>
                    )}{' '}
                    {q.mappaLead && (
                      <Badge color="severe" appearance="tint">
                        MAPPA lead
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell {...cell(6)}>{q.childrenCount}</TableCell>
                  <TableCell {...cell(7)}>{q.openDuplicates}</TableCell>
                  <TableCell {...cell(8)}>
                    <Badge appearance="tint" color={statusColour(q.status)}>
                      {STATUS_WORDS[q.status] ?? q.status}
                    </Badge>
                    {q.status === 'accepted' && (
                      <div data-testid="accepted-meeting">
                        {date ? `Meeting ${formatDate(date)}` : 'Meeting booked'}
                      </div>
                    )}
                  </TableCell>
                  <TableCell {...cell(9)}>
                    <Button
                      size="small"
                      onClick={() => setOpenId(q.id)}
                      aria-label={`Open ${q.reference}`}
                    >
                      Open
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {openId && (
        <ReferralDetailPanel
          key={openId}
          referralId={openId}
          meetings={meetings.data ?? []}
          onClose={() => setOpenId(null)}
          onChanged={() => {
            queue.reload();
            meetings.reload();
          }}
        />
      )}
    </>
  );
}
