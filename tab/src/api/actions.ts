import type {
  ActionOutcomeInput,
  CaseNote,
  MyActions,
  OwnedAction,
} from '#core/contracts/action-api.js';
import { request } from './client.js';

/** Typed calls to the action owners' routes (core/contracts/action-api.ts). */
export type { ActionOutcomeInput, CaseNote, MyActions, OwnedAction };

const id = encodeURIComponent;

export const actionsApi = {
  mine: () => request<MyActions>('/api/actions/mine'),
  update: (actionId: string, body: ActionOutcomeInput) =>
    request<OwnedAction>(`/api/actions/${id(actionId)}/update`, { method: 'POST', body }),
  caseNote: (actionId: string) => request<CaseNote>(`/api/actions/${id(actionId)}/case-note`),
};
