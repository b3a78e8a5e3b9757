import type { z } from 'zod';
import type {
  actionBody,
  attendanceBody,
  caseNotesBody,
  CaseNotes,
  deferredSchema,
  MeetingAction,
  MeetingRun,
  MyMeetings,
  ObserverCandidates,
  reviewBody,
  RunCaseDetail,
} from '#core/contracts/meeting-api.js';
import { request } from './client.js';

// Writes answer what the server saved; the screens read the meeting view again after each, and
// every other participant's screen does the same from the live event.

/** Typed calls to the meeting tab's routes (core/contracts/meeting-api.ts). */
export type AttendanceBody = z.input<typeof attendanceBody>;
export type NotesBody = z.input<typeof caseNotesBody>;
export type ActionBody = z.input<typeof actionBody>;
export type ReviewBody = z.input<typeof reviewBody>;
export type Deferred = z.infer<typeof deferredSchema>;
/** After close a write is a correction and says why. */
export type Correction = { correctionReason?: string };

const id = encodeURIComponent;
const meeting = (meetingId: string) => `/api/meetings/${id(meetingId)}`;
const run = (meetingId: string) => `${meeting(meetingId)}/run`;
const runCase = (meetingId: string, referralId: string) =>
  `${run(meetingId)}/cases/${id(referralId)}`;

export const meetingRunApi = {
  mine: () => request<MyMeetings>('/api/meetings/run/mine'),
  view: (meetingId: string) => request<MeetingRun>(run(meetingId)),
  confirmStatement: (meetingId: string) =>
    request<unknown>(`${meeting(meetingId)}/confidentiality`, {
      method: 'POST',
      body: { confirm: true },
    }),
  setAttendance: (meetingId: string, personId: string, body: AttendanceBody) =>
    request<unknown>(`${meeting(meetingId)}/attendance/${id(personId)}`, {
      method: 'PUT',
      body,
    }),
  observerCandidates: (meetingId: string) =>
    request<ObserverCandidates>(`${meeting(meetingId)}/observers`),
  addObserver: (meetingId: string, personId: string, idempotencyKey: string) =>
    request<unknown>(`${meeting(meetingId)}/observers`, {
      method: 'POST',
      body: { personId },
      idempotencyKey,
    }),
  setCurrent: (meetingId: string, referralId: string | null) =>
    request<unknown>(`${run(meetingId)}/current`, { method: 'PUT', body: { referralId } }),
  close: (meetingId: string, idempotencyKey: string) =>
    request<unknown>(`${run(meetingId)}/close`, { method: 'POST', body: {}, idempotencyKey }),
  caseDetail: (meetingId: string, referralId: string) =>
    request<RunCaseDetail>(runCase(meetingId, referralId)),
  saveNotes: (meetingId: string, referralId: string, body: NotesBody) =>
    request<CaseNotes>(`${runCase(meetingId, referralId)}/notes`, { method: 'PUT', body }),
  addAction: (meetingId: string, referralId: string, body: ActionBody, idempotencyKey: string) =>
    request<MeetingAction>(`${runCase(meetingId, referralId)}/actions`, {
      method: 'POST',
      body,
      idempotencyKey,
    }),
  updateAction: (
    meetingId: string,
    actionId: string,
    body: ActionBody & Correction & { version: number },
  ) => request<MeetingAction>(`${run(meetingId)}/actions/${id(actionId)}`, { method: 'PUT', body }),
  defer: (meetingId: string, referralId: string, reason: string, idempotencyKey: string) =>
    request<Deferred>(`${runCase(meetingId, referralId)}/defer`, {
      method: 'POST',
      body: { reason },
      idempotencyKey,
    }),
  review: (meetingId: string, actionId: string, body: ReviewBody) =>
    request<unknown>(`${run(meetingId)}/review/${id(actionId)}`, { method: 'PUT', body }),
};
