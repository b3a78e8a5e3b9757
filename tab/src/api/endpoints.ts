import type { z } from 'zod';
import type {
  Agency,
  Area,
  createSeriesBody,
  devUserSchema,
  Me,
  Meeting,
  MeetingCase,
  moveMeetingBody,
  PreviewMeeting,
  repSchema,
  schedulePreviewBody,
  tokenResponse,
  updateRepsBody,
} from '#core/contracts/api.js';
import { request } from './client.js';

/** Typed calls to the REST API; one function a route, bodies typed from the contract's schemas. */
export type DevUser = z.infer<typeof devUserSchema>;
export type Rep = z.infer<typeof repSchema>;
export type MoveBody = z.input<typeof moveMeetingBody>;
export type PreviewBody = z.input<typeof schedulePreviewBody>;

const area = (areaId: string) => `/api/areas/${encodeURIComponent(areaId)}`;
const meeting = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const api = {
  devUsers: () => request<DevUser[]>('/api/dev/users', { anonymous: true }),
  devSignIn: (email: string) =>
    request<z.infer<typeof tokenResponse>>('/api/dev/sign-in', {
      method: 'POST',
      body: { email },
      anonymous: true,
    }),
  me: () => request<Me>('/api/me'),
  areas: () => request<Area[]>('/api/areas'),
  meetings: (areaId: string, from: string) =>
    request<Meeting[]>(`${area(areaId)}/meetings?from=${encodeURIComponent(from)}`),
  agencies: (areaId: string) => request<Agency[]>(`${area(areaId)}/agencies`),
  updateProtocol: (areaId: string, protocol: Area['protocol']) =>
    request<Area>(`${area(areaId)}/protocol`, { method: 'PUT', body: protocol }),
  createSeries: (areaId: string, body: z.input<typeof createSeriesBody>) =>
    request<Area>(`${area(areaId)}/series`, { method: 'POST', body }),
  updateReps: (areaId: string, agencyId: string, body: z.input<typeof updateRepsBody>) =>
    request<Agency>(`${area(areaId)}/agencies/${encodeURIComponent(agencyId)}/reps`, {
      method: 'PUT',
      body,
    }),
  moveMeeting: (meetingId: string, body: MoveBody) =>
    request<Meeting>(`${meeting(meetingId)}/move`, { method: 'POST', body }),
  cancelMeeting: (meetingId: string, body: { reason: string; moveCasesTo?: string }) =>
    request<Meeting>(`${meeting(meetingId)}/cancel`, { method: 'POST', body }),
  meetingCases: (meetingId: string) => request<MeetingCase[]>(`${meeting(meetingId)}/cases`),
  addExtraMeeting: (areaId: string, body: { date: string; startTime?: string; reason: string }) =>
    request<Meeting>(`${area(areaId)}/meetings`, { method: 'POST', body }),
  preview: (body: PreviewBody) =>
    request<PreviewMeeting[]>('/api/schedule/preview', { method: 'POST', body }),
};

/** Only coordinators and admins of an area see its edit controls; the server checks again. */
export function canEdit(me: Me, areaId: string): boolean {
  return me.roles.some(
    (r) => r.areaId === areaId && (r.role === 'coordinator' || r.role === 'admin'),
  );
}
