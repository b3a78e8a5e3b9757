import { useEffect, useRef, useState } from 'react';
import { followMeeting } from '../../api/live.js';
import { meetingRunApi } from '../../api/meeting-run.js';
import { useFreshRead } from './use-fresh-read.js';

export type LiveStatus = 'live' | 'reconnecting';

/**
 * The meeting view, and the case on show, kept up to date by the meeting's live events: each
 * event re-reads the view, and the case when the event names it (or names no case at all). A
 * reset (the stream lost its place) re-reads both. The stream starts from the first view's seq.
 */
export function useMeetingLive(meetingId: string, shownCaseId: string | null) {
  const view = useFreshRead(() => meetingRunApi.view(meetingId), [meetingId]);
  const detail = useFreshRead(
    shownCaseId ? () => meetingRunApi.caseDetail(meetingId, shownCaseId) : null,
    [meetingId, shownCaseId],
  );
  const [status, setStatus] = useState<LiveStatus>('live');
  const shown = useRef(shownCaseId);
  shown.current = shownCaseId;
  const firstSeq = view.data?.seq ?? null;
  const started = firstSeq !== null;

  useEffect(() => {
    if (firstSeq === null) return;
    return followMeeting(meetingId, {
      after: firstSeq,
      onEvent(event) {
        view.refresh();
        const ids = Object.values(event.ids);
        const namesACase = 'referralId' in event.ids;
        if (shown.current && (!namesACase || ids.includes(shown.current))) detail.refresh();
      },
      onReset() {
        view.refresh();
        detail.refresh();
      },
      onStatus: setStatus,
    });
    // The stream follows from the first view; later views do not restart it.
  }, [meetingId, started]);

  return { view, detail, status };
}
