import type { RecodeBody, Recoded, RecodeItem, RecodeList } from '#core/contracts/recode-api.js';
import { request } from './client.js';

/** Typed calls to the recode routes (core/contracts/recode-api.ts). */
export type { RecodeBody, Recoded, RecodeItem, RecodeList };

const id = encodeURIComponent;

export const recodeApi = {
  list: (areaId: string) => request<RecodeList>(`/api/areas/${id(areaId)}/recode`),
  save: (referralId: string, body: RecodeBody) =>
    request<Recoded>(`/api/referrals/${id(referralId)}/equality`, { method: 'PUT', body }),
};
