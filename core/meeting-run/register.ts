import type { Attendee, Seat } from '../contracts/meeting-api.js';
import type { MeetingRecord, Repos } from '../ports/store.js';

/** A line of the register, with what deciding a person's seat from it needs. */
export interface RegisterLine extends Attendee {
  /** Every agency they represent on the meeting (a rep); `agencyId` is the first of these. */
  agencyIds: string[];
  /**
   * They sit on the meeting now (chair, coordinator, rep, IDVA, listed observer). False for a
   * person recorded earlier who has since left the meeting's list: kept on the record only.
   */
  onMeeting: boolean;
}

const SEAT_ORDER: readonly Seat[] = ['chair', 'coordinator', 'rep', 'idva', 'observer'];

/**
 * Everyone expected at the meeting, once each, with what was recorded of them: its chairs, the
 * area's coordinators, the core and deputy reps of the agencies on its list, its IDVAs and the
 * observers listed. A person holding several seats takes the first in that order, as `seatOf`
 * decides. Attendance is null until recorded.
 */
export async function registerOf(repos: Repos, meeting: MeetingRecord): Promise<RegisterLine[]> {
  // One after another: the reads share the transaction's one connection.
  const members = await repos.agendas.members(meeting.id, meeting.areaId);
  const recipients = await repos.agendas.recipients(meeting.id, meeting.areaId);
  const coordinators = await repos.meetingRun.areaPeople(meeting.areaId, 'coordinator');
  const recorded = await repos.meetingRun.attendance(meeting.id);
  const agencies = await repos.areas.agencies(meeting.areaId);
  const agencyNames = new Map(agencies.map((a) => [a.id, a.name]));
  const seats = new Map<string, { seat: Seat; agencyIds: string[]; onMeeting: boolean }>();
  const sit = (personId: string, seat: Seat, agencyIds: string[] = [], onMeeting = true) => {
    if (!seats.has(personId)) seats.set(personId, { seat, agencyIds, onMeeting });
  };
  for (const id of members.chairIds) sit(id, 'chair');
  for (const person of coordinators) sit(person.id, 'coordinator');
  for (const rep of recipients) {
    const agencyIds = recipients.filter((r) => r.personId === rep.personId).map((r) => r.agencyId);
    sit(rep.personId, 'rep', [...new Set(agencyIds)]);
  }
  for (const id of members.idvaIds) sit(id, 'idva');
  for (const row of recorded) sit(row.personId, row.seat, [], row.seat === 'observer');

  const names = await repos.meetingRun.names([...seats.keys()]);
  const rows = new Map(recorded.map((r) => [r.personId, r]));
  const lines = [...seats].map(([personId, { seat, agencyIds, onMeeting }]): RegisterLine => {
    const row = rows.get(personId);
    const sorted = [...agencyIds].sort((a, b) =>
      (agencyNames.get(a) ?? '').localeCompare(agencyNames.get(b) ?? '', 'en-GB'),
    );
    const agencyId = sorted[0] ?? null;
    return {
      personId,
      name: names.get(personId) ?? 'A former member of staff',
      seat,
      agencyId,
      agencyName: agencyId === null ? null : (agencyNames.get(agencyId) ?? null),
      attendance: row?.attendance ?? null,
      infoSentInAdvance: row?.infoSentInAdvance ?? false,
      confirmedAt: row?.confirmedAt?.toISOString() ?? null,
      // Nothing recorded reads as version 1: the first writer names it, the row becomes 2.
      version: row?.version ?? 1,
      agencyIds: sorted,
      onMeeting,
    };
  });
  return lines.sort(
    (a, b) =>
      SEAT_ORDER.indexOf(a.seat) - SEAT_ORDER.indexOf(b.seat) ||
      (a.agencyName ?? '').localeCompare(b.agencyName ?? '', 'en-GB') ||
      a.name.localeCompare(b.name, 'en-GB'),
  );
}

/** A line of the register as the contract carries it (what decides seats stays behind). */
export function attendeeOf(line: RegisterLine): Attendee {
  const { agencyIds: _agencies, onMeeting: _on, ...attendee } = line;
  return attendee;
}
