import type { ObserverCandidates } from '../contracts/meeting-api.js';
import { requireSeat, type MeetingViewer } from './meeting-seat.js';
import { registerOf } from './register.js';
import type { MeetingRunDeps } from './run-deps.js';

/**
 * The people the chair or a coordinator may list as observers on a meeting: those holding the
 * observer role in its area who are not on it already, by name. Anyone else is refused as
 * `addObserver` refuses them.
 */
export function observerCandidates(
  deps: Pick<MeetingRunDeps, 'uow'>,
  input: { viewer: MeetingViewer },
): Promise<ObserverCandidates> {
  return deps.uow.run(async (repos) => {
    const { meeting } = await requireSeat(repos, input.viewer, { record: true });
    const onIt = new Set(
      (await registerOf(repos, meeting))
        .filter((l) => l.onMeeting || l.seat === 'observer')
        .map((l) => l.personId),
    );
    const observers = await repos.meetingRun.areaPeople(meeting.areaId, 'observer');
    return {
      people: observers
        .filter((p) => !onIt.has(p.id))
        .map((p) => ({ personId: p.id, name: p.name })),
    };
  });
}
