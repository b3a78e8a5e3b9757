import type { AgendaRecipient } from '../ports/agendas.js';
import type { MeetingRecord, Repos } from '../ports/store.js';

/**
 * The reps who get a meeting's research prompts (and so its reminders): every core rep of an
 * agency on the meeting's list; the deputy too where the area prompts deputies always, or
 * where it prompts them only when the core rep is absent and the coordinator marked them so.
 * An agency with a deputy and no core rep has its deputy prompted whatever the setting: the
 * research would otherwise reach nobody.
 */
export async function promptRecipients(
  repos: Repos,
  meeting: Pick<MeetingRecord, 'id' | 'areaId'>,
): Promise<AgendaRecipient[]> {
  const reps = await repos.agendas.recipients(meeting.id, meeting.areaId);
  const { deputies } = await repos.research.settings(meeting.areaId);
  if (deputies === 'always') return reps;
  const absent = await repos.research.coreRepsAbsent(meeting.id);
  return reps.filter(
    (rep) =>
      rep.role === 'core' ||
      absent.has(rep.agencyId) ||
      !reps.some((other) => other.agencyId === rep.agencyId && other.role === 'core'),
  );
}
