import type { AreaDashboard, AreaPopulation } from '#core/contracts/dashboard-api.js';
import { request } from './client.js';

/** Typed calls to the dashboard routes (core/contracts/dashboard-api.ts). */
export type { AreaDashboard, AreaPopulation };

const id = encodeURIComponent;

export const dashboardApi = {
  read: (areaId: string, months: number) =>
    request<AreaDashboard>(`/api/areas/${id(areaId)}/dashboard?months=${months}`),
  setPopulation: (areaId: string, body: AreaPopulation) =>
    request<AreaPopulation>(`/api/areas/${id(areaId)}/population`, { method: 'PUT', body }),
};
