import type { DataReturn } from '#core/contracts/data-return-api.js';
import { request, requestFile } from './client.js';

/** Typed calls to the data return routes (core/contracts/data-return-api.ts). */
export type { DataReturn };
export type DownloadKind = 'csv' | 'xlsx';

const id = encodeURIComponent;
const path = (areaId: string, quarter: string, kind?: DownloadKind) =>
  `/api/areas/${id(areaId)}/data-return${kind ? `.${kind}` : ''}?quarter=${id(quarter)}`;

export const dataReturnApi = {
  read: (areaId: string, quarter: string) => request<DataReturn>(path(areaId, quarter)),
  /** The file as the server makes it (the same figures, roles and references as `read`). */
  download: (areaId: string, quarter: string, kind: DownloadKind) =>
    requestFile(path(areaId, quarter, kind), `marac-data-return-${quarter}.${kind}`),
};
