import type { z } from 'zod';
import type {
  AgendaDelivery,
  AgendaView,
  AgendaWarning,
  MeetingAgencies,
  publishedAgendaSchema,
  updateDeliveryBody,
  updateMeetingAgenciesBody,
} from '#core/contracts/agenda-api.js';
import type { Agency, Meeting } from '#core/contracts/api.js';
import { request } from './client.js';

/** Typed calls to the agenda routes: delivery modes, who sits, the agenda and its deliveries. */
export type DeliveryBody = z.input<typeof updateDeliveryBody>;
export type MembersBody = z.input<typeof updateMeetingAgenciesBody>;
export type PublishedAgenda = z.infer<typeof publishedAgendaSchema>;
export type { AgendaDelivery, AgendaView, AgendaWarning, MeetingAgencies };

const area = (areaId: string) => `/api/areas/${encodeURIComponent(areaId)}`;
const meeting = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const agendaApi = {
  meeting: (meetingId: string) => request<Meeting>(meeting(meetingId)),
  updateDelivery: (areaId: string, agencyId: string, body: DeliveryBody) =>
    request<Agency>(`${area(areaId)}/agencies/${encodeURIComponent(agencyId)}/delivery`, {
      method: 'PUT',
      body,
    }),
  members: (meetingId: string) => request<MeetingAgencies>(`${meeting(meetingId)}/agencies`),
  updateMembers: (meetingId: string, body: MembersBody) =>
    request<MeetingAgencies>(`${meeting(meetingId)}/agencies`, { method: 'PUT', body }),
  agenda: (meetingId: string) => request<AgendaView>(`${meeting(meetingId)}/agenda`),
  reorder: (meetingId: string, order: string[]) =>
    request<AgendaView>(`${meeting(meetingId)}/agenda/order`, { method: 'PUT', body: { order } }),
  addLateCase: (
    meetingId: string,
    body: { referralId: string; reason: string },
    idempotencyKey: string,
  ) =>
    request<AgendaView>(`${meeting(meetingId)}/agenda/late-cases`, {
      method: 'POST',
      body,
      idempotencyKey,
    }),
  publish: (meetingId: string, idempotencyKey: string) =>
    request<PublishedAgenda>(`${meeting(meetingId)}/agenda/publish`, {
      method: 'POST',
      body: {},
      idempotencyKey,
    }),
  deliveries: (meetingId: string) =>
    request<AgendaDelivery[]>(`${meeting(meetingId)}/agenda/deliveries`),
  resend: (meetingId: string, deliveryId: string) =>
    request<AgendaDelivery>(
      `${meeting(meetingId)}/agenda/deliveries/${encodeURIComponent(deliveryId)}/resend`,
      { method: 'POST', body: {} },
    ),
  warnings: (areaId: string) => request<AgendaWarning[]>(`${area(areaId)}/agenda-warnings`),
};
