import type { Dispatch, SetStateAction } from 'react';
import type { ChildDraft, PerpetratorDraft, ReferralDraft, VictimDraft } from './referral-draft.js';

export type SetDraft = Dispatch<SetStateAction<ReferralDraft>>;

/** Small setters for one part of the draft each, so each section changes only its own part. */
export function draftSetters(setDraft: SetDraft) {
  return {
    set: <K extends keyof ReferralDraft>(key: K, value: ReferralDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value })),
    victim: <K extends keyof VictimDraft>(key: K, value: VictimDraft[K]) =>
      setDraft((d) => ({ ...d, victim: { ...d.victim, [key]: value } })),
    perpetrator: (key: number, patch: Partial<PerpetratorDraft>) =>
      setDraft((d) => ({
        ...d,
        perpetrators: d.perpetrators.map((p) => (p.key === key ? { ...p, ...patch } : p)),
      })),
    child: (key: number, patch: Partial<ChildDraft>) =>
      setDraft((d) => ({
        ...d,
        children: d.children.map((c) => (c.key === key ? { ...c, ...patch } : c)),
      })),
  };
}
export type DraftSetters = ReturnType<typeof draftSetters>;
