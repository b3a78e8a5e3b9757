import { useEffect } from 'react';
import { agendaApi } from '../../api/agendas.js';
import { useLoad } from '../use-load.js';

export const POLL_MS = 2000;

/**
 * The meeting's agenda deliveries, read again every 2 seconds while any is still queued or
 * failed (another attempt is due); polling stops when none is, and when the screen is left.
 */
export function useDeliveries(meetingId: string) {
  const list = useLoad(() => agendaApi.deliveries(meetingId), [meetingId]);
  const unsettled = list.data?.some((d) => d.status === 'queued' || d.status === 'failed') ?? false;
  const { reload } = list;
  useEffect(() => {
    // A failed read (a new error each time) arms the timer again: a moment's network trouble
    // does not stop the updates.
    if (!unsettled) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [list.data, list.error, unsettled, reload]);
  return list;
}

export type Deliveries = ReturnType<typeof useDeliveries>;
