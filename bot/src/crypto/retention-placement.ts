import { londonDateOf } from '#core/calendar/london-time.js';
import type { Queryable } from '../db/db.js';
import { areaPeriod, transientPeriod } from './retention-period.js';
import { caseDues, caseGroup, latest, meetingDues } from './retention-rule.js';

/**
 * Which retention period's key wraps an owner's data key, or null for the key-encryption key.
 * Cases (`case:<id>`) and meetings (`meeting:<id>`: agendas, minutes, their passwords) go under
 * the key of the area and quarter in which they fall due; an idempotency answer's day key
 * (`idempotency:<caller>:<date>`) under that day's transient key; every other owner (an area,
 * the people directory, the blind index) under the key-encryption key, as it outlives any case.
 */
export type Placement = (q: Queryable, owner: string) => Promise<string | null>;

export function retentionPlacement(now: () => Date): Placement {
  return async (q, owner) => {
    const today = londonDateOf(now());
    const [kind, id, day] = owner.split(':');
    if (kind === 'case' && id) {
      const dues = await caseDues(q, await caseGroup(q, id));
      const own = dues.find((d) => d.caseId === id);
      if (!own) throw new Error(`There is no case ${id} to make a data key for.`);
      return areaPeriod(own.areaId, latest(dues.map((d) => d.due)), today);
    }
    if (kind === 'meeting' && id) {
      const [meeting] = await meetingDues(q, [id]);
      if (!meeting) throw new Error(`There is no meeting ${id} to make a data key for.`);
      return areaPeriod(meeting.areaId, meeting.due, today);
    }
    if (kind === 'idempotency' && day) return transientPeriod(day);
    return null;
  };
}
