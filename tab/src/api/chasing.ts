import type { OverdueActions, TwelveMonthCases } from '#core/contracts/chasing-api.js';
import { request } from './client.js';

/** Typed calls to the chasing routes (core/contracts/chasing-api.ts). */
export type { OverdueActions, TwelveMonthCases };

const id = encodeURIComponent;

export const chasingApi = {
  overdue: (areaId: string) => request<OverdueActions>(`/api/areas/${id(areaId)}/actions/overdue`),
  twelveMonths: (areaId: string) =>
    request<TwelveMonthCases>(`/api/areas/${id(areaId)}/cases/twelve-months`),
};
