import type { z } from 'zod';
import type {
  AgencyResearch,
  CaseResearch,
  chaseResultSchema,
  MyResearch,
  nothingKnownResultSchema,
  researchCellSchema,
  ResearchMatrix,
  ResearchSettings,
} from '#core/contracts/research-api.js';
import type { ResearchDraft } from '#core/contracts/research.js';
import { request } from './client.js';

/** Typed calls to the research routes (core/contracts/research-api.ts). */
export type ResearchCell = z.infer<typeof researchCellSchema>;
export type NothingKnownResult = z.infer<typeof nothingKnownResultSchema>;
export type ChaseResult = z.infer<typeof chaseResultSchema>;
export type { AgencyResearch, CaseResearch, MyResearch, ResearchMatrix, ResearchSettings };

const id = encodeURIComponent;
const research = (meetingId: string) => `/api/meetings/${id(meetingId)}/research`;
const answer = (meetingId: string, referralId: string, agencyId: string) =>
  `${research(meetingId)}/${id(referralId)}/agencies/${id(agencyId)}`;

export const researchApi = {
  settings: (areaId: string) =>
    request<ResearchSettings>(`/api/areas/${id(areaId)}/research-settings`),
  updateSettings: (areaId: string, body: ResearchSettings) =>
    request<ResearchSettings>(`/api/areas/${id(areaId)}/research-settings`, {
      method: 'PUT',
      body,
    }),
  mine: () => request<MyResearch>('/api/research/mine'),
  matrix: (meetingId: string) => request<ResearchMatrix>(research(meetingId)),
  caseResearch: (meetingId: string, referralId: string) =>
    request<CaseResearch>(`${research(meetingId)}/${id(referralId)}`),
  agency: (meetingId: string, agencyId: string) =>
    request<AgencyResearch>(`${research(meetingId)}/agencies/${id(agencyId)}`),
  saveDraft: (meetingId: string, referralId: string, agencyId: string, response: ResearchDraft) =>
    request<ResearchCell>(answer(meetingId, referralId, agencyId), {
      method: 'PUT',
      body: { response },
    }),
  submit: (
    meetingId: string,
    referralId: string,
    agencyId: string,
    response: ResearchDraft,
    idempotencyKey: string,
  ) =>
    request<ResearchCell>(`${answer(meetingId, referralId, agencyId)}/submit`, {
      method: 'POST',
      body: { response },
      idempotencyKey,
    }),
  nothingKnown: (
    meetingId: string,
    agencyId: string,
    referralIds: string[],
    idempotencyKey: string,
  ) =>
    request<NothingKnownResult>(`${research(meetingId)}/agencies/${id(agencyId)}/nothing-known`, {
      method: 'POST',
      body: { referralIds },
      idempotencyKey,
    }),
  chase: (meetingId: string, agencyId: string, idempotencyKey: string) =>
    request<ChaseResult>(`${research(meetingId)}/agencies/${id(agencyId)}/chase`, {
      method: 'POST',
      body: {},
      idempotencyKey,
    }),
};
