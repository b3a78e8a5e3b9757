import type { z } from 'zod';
import type {
  acceptOutcomeSchema,
  acceptReferralBody,
  myReferralSchema,
  queueItemSchema,
  questionSetViewSchema,
  ReferralFormInput,
  ReferralReceipt,
  referralDetailSchema,
  referralDraftDetailSchema,
} from '#core/contracts/referral.js';
import { request } from './client.js';

/** Typed calls to the referral routes of the REST API. */
export type QuestionSetView = z.infer<typeof questionSetViewSchema>;
export type QueueItem = z.infer<typeof queueItemSchema>;
export type ReferralDetail = z.infer<typeof referralDetailSchema>;
export type ReferralDraftDetail = z.infer<typeof referralDraftDetailSchema>;
export type MyReferral = z.infer<typeof myReferralSchema>;
export type Candidate = ReferralDetail['candidates'][number];
export type AcceptOutcome = z.infer<typeof acceptOutcomeSchema>;
export type AcceptBody = z.input<typeof acceptReferralBody>;
export type { ReferralFormInput, ReferralReceipt };

const referral = (id: string) => `/api/referrals/${encodeURIComponent(id)}`;

export const referralApi = {
  questionSet: (id: string) =>
    request<QuestionSetView>(`/api/question-sets/${encodeURIComponent(id)}`),
  save: (form: ReferralFormInput, submit: boolean, id: string | null, idempotencyKey: string) =>
    id
      ? request<ReferralReceipt>(referral(id), {
          method: 'PUT',
          body: { form, submit },
          idempotencyKey,
        })
      : request<ReferralReceipt>('/api/referrals', {
          method: 'POST',
          body: { form, submit },
          idempotencyKey,
        }),
  mine: () => request<MyReferral[]>('/api/referrals/mine'),
  queue: (areaId: string) =>
    request<QueueItem[]>(`/api/areas/${encodeURIComponent(areaId)}/referrals`),
  detail: (id: string) => request<ReferralDetail>(referral(id)),
  /**
   * A draft comes back as far as it was typed; anything else as the full form. With it, the
   * words written before the form offered categories.
   */
  toContinue: (id: string) =>
    request<ReferralDetail | ReferralDraftDetail>(referral(id)).then((d) => ({
      form: 'draft' in d ? d.draft : d.form,
      asWritten: d.asWritten,
    })),
  accept: (id: string, body: AcceptBody) =>
    request<AcceptOutcome>(`${referral(id)}/accept`, { method: 'POST', body }),
  decide: (id: string, decision: 'needs-information' | 'declined', note: string) =>
    request<QueueItem>(`${referral(id)}/decision`, { method: 'POST', body: { decision, note } }),
  duplicate: (id: string, candidateId: string, decision: 'merged' | 'dismissed') =>
    request<QueueItem>(`${referral(id)}/duplicates/${encodeURIComponent(candidateId)}`, {
      method: 'POST',
      body: { decision },
    }),
  /** Moves an accepted case to another coming meeting; the referrer is told the new date. */
  move: (id: string, meetingId: string, reason: string) =>
    request<{ referralId: string; meetingId: string; meetingDate: string }>(
      `${referral(id)}/move`,
      {
        method: 'POST',
        body: { meetingId, reason },
      },
    ),
  mappaLink: (id: string, note: string) =>
    request<QueueItem>(`${referral(id)}/mappa-link`, { method: 'POST', body: { note } }),
};
