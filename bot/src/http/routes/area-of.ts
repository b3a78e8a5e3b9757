import type { Services } from '../services.js';

/** Finders for the area a record belongs to, used by route policies. */
export const areaOfArea = (_s: Services) => async (params: Record<string, string>) => params.areaId ?? null;

export const areaOfMeeting = (s: Services) => async (params: Record<string, string>) => {
  const found = await s.db.query<{ area_id: string }>('SELECT area_id FROM meeting WHERE id = $1', [params.meetingId]);
  return found.rows[0]?.area_id ?? null;
};
