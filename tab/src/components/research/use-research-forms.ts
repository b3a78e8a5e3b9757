import { useEffect, useState } from 'react';
import type { AgencyResearch } from '#core/contracts/research-api.js';
import { formFrom, type ResearchForm } from './research-form.js';

type Case = AgencyResearch['cases'][number];

/**
 * What a rep has typed, by case, kept above the cases: a case's form starts from what the server
 * holds, once, and is never replaced by a reload. `dirty` until saved; the browser asks before
 * leaving while any case has words not saved.
 */
export function useResearchForms(cases: readonly Case[] | null) {
  const [forms, setForms] = useState<Record<string, ResearchForm>>({});
  const [saved, setSaved] = useState<Record<string, string>>({});
  const blank = (c: Case) => formFrom(c.response, c.subjects.children.length);

  useEffect(() => {
    if (!cases) return;
    const made = cases.map((c) => [c.referralId, blank(c)] as const);
    // The ones already here win: what was typed stays.
    setForms((f) => ({ ...Object.fromEntries(made), ...f }));
    setSaved((s) => ({
      ...Object.fromEntries(made.map(([id, form]) => [id, JSON.stringify(form)])),
      ...s,
    }));
  }, [cases]);

  const dirty = (id: string) => forms[id] !== undefined && JSON.stringify(forms[id]) !== saved[id];
  const anyDirty = cases?.some((c) => dirty(c.referralId)) ?? false;
  useEffect(() => {
    if (!anyDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anyDirty]);

  const drop =
    (ids: readonly string[]) =>
    <T>(all: Record<string, T>) =>
      Object.fromEntries(Object.entries(all).filter(([id]) => !ids.includes(id)));

  return {
    formOf: (c: Case) => forms[c.referralId] ?? blank(c),
    dirty,
    update: (c: Case, change: (form: ResearchForm) => ResearchForm) =>
      setForms((f) => ({ ...f, [c.referralId]: change(f[c.referralId] ?? blank(c)) })),
    markSaved: (id: string, form: ResearchForm) =>
      setSaved((s) => ({ ...s, [id]: JSON.stringify(form) })),
    /** The server changed these cases (nothing known): their forms start again from it. */
    forget: (ids: readonly string[]) => {
      setForms(drop(ids));
      setSaved(drop(ids));
    },
  };
}
