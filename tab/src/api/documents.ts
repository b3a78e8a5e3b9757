import type { z } from 'zod';
import type { ActionPlanView, minutesBody, MinutesView } from '#core/contracts/document-api.js';
import { request } from './client.js';

/** Typed calls to the after-meeting routes (core/contracts/document-api.ts). */
export type MinutesBody = z.input<typeof minutesBody>;

const meeting = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const documentsApi = {
  actionPlan: (meetingId: string) => request<ActionPlanView>(`${meeting(meetingId)}/action-plan`),
  minutes: (meetingId: string) => request<MinutesView>(`${meeting(meetingId)}/minutes`),
  writeMinutes: (meetingId: string, body: MinutesBody) =>
    request<MinutesView>(`${meeting(meetingId)}/minutes`, { method: 'PUT', body }),
  circulate: (meetingId: string, version: number, idempotencyKey: string) =>
    request<MinutesView>(`${meeting(meetingId)}/minutes/circulate`, {
      method: 'POST',
      body: { version },
      idempotencyKey,
    }),
  resendPlan: (meetingId: string, agencyId: string, idempotencyKey: string) =>
    request<ActionPlanView>(`${meeting(meetingId)}/action-plan/resend`, {
      method: 'POST',
      body: { agencyId },
      idempotencyKey,
    }),
  resendMinutes: (meetingId: string, agencyId: string, idempotencyKey: string) =>
    request<MinutesView>(`${meeting(meetingId)}/minutes/resend`, {
      method: 'POST',
      body: { agencyId },
      idempotencyKey,
    }),
};
