import type { MeetingCase } from '../contracts/api.js';
import type { Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import { casesOn } from './move-cases.js';

/**
 * The accepted cases on a meeting as a coordinator sees them before changing it: reference,
 * band, referring agency and the victim's name (the only way to tell two cases apart at a glance).
 * The caller audits the read.
 */
export async function meetingCases(repos: Repos, meetingId: string): Promise<MeetingCase[]> {
  const meeting = await repos.meetings.get(meetingId);
  if (!meeting) throw new DomainError('MEETING_NOT_FOUND', 'There is no such meeting.');
  const agencies = new Map((await repos.areas.agencies(meeting.areaId)).map((a) => [a.id, a.name]));
  return (await casesOn(repos, meeting.id)).map((r) => ({
    referralId: r.id,
    reference: r.reference,
    band: r.band,
    referrerAgency: agencies.get(r.referrerAgencyId) ?? 'An agency no longer on this MARAC',
    victimName: r.form.victim.name,
  }));
}
