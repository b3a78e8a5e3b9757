import type { Queryable } from '../db/db.js';

/*
 * Small look-ups the route policies need before any use case runs: which area a record belongs
 * to (a caller with no role there gets 404), and whether a rep's agency sits on a meeting. Ids
 * only: nothing is decrypted to answer them.
 */

/**
 * A meeting never moves to another area (and is never deleted), so its area, once read, is
 * remembered per store: every request about a meeting asks, some twice (the policy, the use
 * case), and fifty people reading a meeting view in a loop should not each pay a query for it.
 */
const meetingAreas = new WeakMap<Queryable, Map<string, string>>();
const MEETINGS_REMEMBERED = 10_000;

export async function areaOfMeetingId(q: Queryable, meetingId: string): Promise<string | null> {
  const known = meetingAreas.get(q) ?? new Map<string, string>();
  const remembered = known.get(meetingId);
  if (remembered) return remembered;
  const found = await q.query<{ area_id: string }>('SELECT area_id FROM meeting WHERE id = $1', [
    meetingId,
  ]);
  const areaId = found.rows[0]?.area_id ?? null;
  if (areaId) {
    if (known.size >= MEETINGS_REMEMBERED) known.clear();
    meetingAreas.set(q, known.set(meetingId, areaId));
  }
  return areaId;
}

export async function areaOfReferralId(q: Queryable, referralId: string): Promise<string | null> {
  const found = await q.query<{ area_id: string }>('SELECT area_id FROM referral WHERE id = $1', [
    referralId,
  ]);
  return found.rows[0]?.area_id ?? null;
}

/**
 * Whether the person is the core rep or deputy of an agency on the meeting's list (every agency
 * of the area while the coordinator has set no list).
 */
export async function repSitsOnMeeting(
  q: Queryable,
  input: { areaId: string; personId: string; meetingId: string },
): Promise<boolean> {
  const found = await q.query(
    `SELECT 1 FROM area_agency aa
      WHERE aa.area_id = $1 AND (aa.core_rep_id = $2 OR aa.deputy_rep_id = $2)
        AND (aa.agency_id IN (SELECT agency_id FROM meeting_agency WHERE meeting_id = $3)
             OR NOT EXISTS (SELECT 1 FROM meeting_agency WHERE meeting_id = $3))`,
    [input.areaId, input.personId, input.meetingId],
  );
  return found.rows.length > 0;
}

/**
 * Whether a chair or IDVA of the area is on the meeting: named on its list, or any of the area's
 * chairs and IDVAs while the coordinator has set no list.
 */
export async function memberSitsOnMeeting(
  q: Queryable,
  input: { personId: string; meetingId: string; roles: readonly ('chair' | 'idva')[] },
): Promise<boolean> {
  const found = await q.query(
    `SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM meeting_agency WHERE meeting_id = $1)
        OR EXISTS (SELECT 1 FROM meeting_person
                    WHERE meeting_id = $1 AND person_id = $2 AND role = ANY($3))`,
    [input.meetingId, input.personId, input.roles],
  );
  return found.rows.length > 0;
}

/** The area's coordinators, to be told of what needs them (a delivery that could not be made). */
export async function coordinatorIds(q: Queryable, areaId: string): Promise<string[]> {
  const found = await q.query<{ person_id: string }>(
    `SELECT person_id FROM area_role WHERE area_id = $1 AND role = 'coordinator' ORDER BY person_id`,
    [areaId],
  );
  return found.rows.map((r) => r.person_id);
}

/** The area with this code (NBW), for the operator's command line; null when none has it. */
export async function areaIdOfCode(q: Queryable, code: string): Promise<string | null> {
  const found = await q.query<{ id: string }>('SELECT id FROM area WHERE code = $1', [code]);
  return found.rows[0]?.id ?? null;
}

/** Every area's code, for telling an operator which codes there are. */
export async function areaCodes(q: Queryable): Promise<string[]> {
  const found = await q.query<{ code: string }>(
    'SELECT code FROM area WHERE code IS NOT NULL ORDER BY code',
  );
  return found.rows.map((r) => r.code);
}
