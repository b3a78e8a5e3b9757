import { areaOfMeetingId, areaOfReferralId } from '../../store/record-area.js';
import type { Services } from '../services.js';

/** Finders for the area a record belongs to, used by route policies. */
export const areaOfArea = (_s: Services) => async (params: Record<string, string>) =>
  params.areaId ?? null;

export const areaOfMeeting = (s: Services) => (params: Record<string, string>) =>
  params.meetingId ? areaOfMeetingId(s.db, params.meetingId) : Promise.resolve(null);

export const areaOfReferral = (s: Services) => (params: Record<string, string>) =>
  params.referralId ? areaOfReferralId(s.db, params.referralId) : Promise.resolve(null);
