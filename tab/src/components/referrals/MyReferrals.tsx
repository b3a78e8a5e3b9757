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
import { toApiError, type ApiRequestError } from '../../api/client.js';
import type { QueueItem } from '../../api/referrals.js';
import { formatDate } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { BAND_WORDS, STATUS_WORDS } from './referral-form-model.js';
import { useState } from 'react';

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

/** The signed-in person's own referrals; a draft or one sent back can be opened again. */
export function MyReferrals(props: {
  items: QueueItem[] | null;
  loading: boolean;
  error: ApiRequestError | null;
  onContinue: (item: QueueItem) => Promise<void>;
}) {
  const [openError, setOpenError] = useState<ApiRequestError | null>(null);
  return (
    <>
      <Title2 as="h2" style={{ display: 'block', margin: '4px 0 12px' }}>
        My referrals
      </Title2>
      <ErrorBar error={props.error ?? openError} title="Your referrals could not be loaded" />
      {props.loading && !props.items && <Spinner size="small" label="Loading your referrals" />}
      {props.items && props.items.length === 0 && <Text>You have made no referrals yet.</Text>}
      {props.items && props.items.length > 0 && (
        <Table aria-label="My referrals" data-testid="my-referrals">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Reference</TableHeaderCell>
              <TableHeaderCell>Referred</TableHeaderCell>
              <TableHeaderCell>Risk</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>
                Actions
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.items.map((item) => (
              <TableRow key={item.id}>
                <TableCell>{item.reference}</TableCell>
                <TableCell>{formatDate(item.referredOn)}</TableCell>
                <TableCell>
                  {BAND_WORDS[item.band]}
                  {item.score !== null ? ` (${item.score})` : ''}
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={statusColour(item.status)}>
                    {STATUS_WORDS[item.status] ?? item.status}
                  </Badge>
                </TableCell>
                <TableCell>
                  {(item.status === 'draft' || item.status === 'needs-information') && (
                    <Button
                      size="small"
                      onClick={() => props.onContinue(item).catch((e: unknown) => setOpenError(toApiError(e)))}
                    >
                      Continue {item.reference}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
