import {
  Badge,
  Button,
  Spinner,
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
import { toApiError, type ApiRequestError } from '../../api/client.js';
import type { MyReferral } from '../../api/referrals.js';
import { formatDate } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { useStackedTable } from '../stacked-table.js';
import { BAND_WORDS, STATUS_WORDS } from './referral-words.js';

export function statusColour(status: string) {
  switch (status) {
    case 'accepted':
      return 'success' as const;
    case 'declined':
    case 'merged':
      return 'subtle' as const;
    case 'needs-information':
      return 'warning' as const;
    case 'submitted':
      return 'brand' as const;
    default:
      return 'informative' as const;
  }
}

/** The coordinator's answer in words: their note, the meeting date, or that it was merged. */
function answer(item: MyReferral): string {
  if (item.status === 'accepted')
    return item.meetingDate ? `For the MARAC on ${formatDate(item.meetingDate)}` : 'Accepted';
  if (item.status === 'merged')
    return 'Merged with another referral of the same case; the coordinator carries it on there.';
  if (item.status === 'needs-information' || item.status === 'declined')
    return item.decisionNote ? `Coordinator’s note: ${item.decisionNote}` : '';
  if (item.status === 'draft') return 'Not sent yet';
  return 'With the coordinator';
}

/** The signed-in person's own referrals; a draft or one sent back can be opened again. */
export function MyReferrals(props: {
  items: MyReferral[] | null;
  loading: boolean;
  error: ApiRequestError | null;
  onContinue: (item: MyReferral) => Promise<void>;
}) {
  const stacked = useStackedTable();
  const [openError, setOpenError] = useState<ApiRequestError | null>(null);
  const heads = ['Reference', 'Victim', 'Referred', 'Risk', 'Status', 'Answer', 'Actions'];
  return (
    <>
      <Title2 as="h2" style={{ display: 'block', margin: '4px 0 12px' }}>
        My referrals
      </Title2>
      <ErrorBar error={props.error ?? openError} title="Your referrals could not be loaded" />
      {props.loading && !props.items && <Spinner size="small" label="Loading your referrals" />}
      {props.items && props.items.length === 0 && <Text>You have made no referrals yet.</Text>}
      {props.items && props.items.length > 0 && (
        <Table aria-label="My referrals" data-testid="my-referrals" className={stacked.table}>
          <TableHeader>
            <TableRow>
              {heads.map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody className={stacked.body}>
            {props.items.map((item) => {
              const cell = (i: number) => ({ className: stacked.cell, 'data-label': heads[i] });
              return (
                <TableRow key={item.id} className={stacked.row}>
                  <TableCell {...cell(0)}>{item.reference}</TableCell>
                  <TableCell {...cell(1)}>{item.victimName ?? 'Not given yet'}</TableCell>
                  <TableCell {...cell(2)}>{formatDate(item.referredOn)}</TableCell>
                  <TableCell {...cell(3)}>
                    {BAND_WORDS[item.band]}
                    {item.score !== null ? ` (${item.score})` : ''}
                  </TableCell>
                  <TableCell {...cell(4)}>
                    <Badge appearance="tint" color={statusColour(item.status)}>
                      {STATUS_WORDS[item.status] ?? item.status}
                    </Badge>
                  </TableCell>
                  <TableCell {...cell(5)} data-testid="referral-answer">
                    {answer(item)}
                  </TableCell>
                  <TableCell {...cell(6)}>
                    {(item.status === 'draft' || item.status === 'needs-information') && (
                      <Button
                        size="small"
                        onClick={() =>
                          props.onContinue(item).catch((e: unknown) => setOpenError(toApiError(e)))
                        }
                      >
                        Continue {item.reference}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </>
  );
}
