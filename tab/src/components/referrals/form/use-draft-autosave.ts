import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../../api/client.js';
import { referralApi, type ReferralReceipt } from '../../../api/referrals.js';
import { checkReferral } from './check-referral.js';
import type { SetDraft } from './draft-setters.js';
import type { ReferralDraft } from './referral-draft.js';
import { serverProblems } from './server-problems.js';
import { toForm } from './to-form.js';
import { useActionKey } from './use-action-key.js';

const QUIET_MS = 1200;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string };

/**
 * Saves the draft as the referrer types: after a pause, POST /api/referrals once, then PUT to the
 * same referral. Saves and the submission run one after another through one queue, so a submit
 * while a first save is under way updates that referral instead of making a second one. Warns
 * before the page is left with changes not yet saved.
 */
export function useDraftAutosave(props: {
  draft: ReferralDraft;
  setDraft: SetDraft;
  today: string;
  enabled: boolean;
}) {
  const { draft, setDraft, today, enabled } = props;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const id = useRef<string | null>(draft.referralId);
  const saved = useRef<string>(JSON.stringify(toForm(draft)));
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const keys = useActionKey();
  const current = JSON.stringify(toForm(draft));
  const dirty = current !== saved.current;
  id.current = draft.referralId;
  const draftKey = draft.draftKey;
  const live = useRef(enabled);
  live.current = enabled;

  /** Runs a save of the referral after any save already under way; learns the new id. */
  const run = useCallback(
    (save: (referralId: string | null) => Promise<ReferralReceipt>, body: string) => {
      const next = queue.current.then(async () => {
        const receipt = await save(id.current);
        saved.current = body;
        if (id.current !== receipt.id) {
          id.current = receipt.id;
          // Only onto this draft: the person may have started another one meanwhile.
          setDraft((d) => (d.draftKey === draftKey ? { ...d, referralId: receipt.id } : d));
        }
        return receipt;
      });
      queue.current = next.catch(() => undefined);
      return next;
    },
    [setDraft, draftKey],
  );

  const saveDraft = useCallback(
    async (d: ReferralDraft) => {
      const body = JSON.stringify(toForm(d));
      const problems = checkReferral(d, today, false);
      if (problems.length > 0) {
        setState({ kind: 'failed', message: problems[0]!.message });
        return null;
      }
      setState({ kind: 'saving' });
      try {
        const receipt = await run(
          (referralId) => referralApi.save(toForm(d), false, referralId, keys.keyFor(body)),
          body,
        );
        setState({ kind: 'saved', at: new Date() });
        return receipt;
      } catch (e) {
        const problem = toApiError(e);
        const first = serverProblems(problem.details)[0];
        setState({ kind: 'failed', message: first?.message ?? problem.message });
        return null;
      }
    },
    [run, today, keys],
  );

  const latest = useRef(draft);
  latest.current = draft;
  const hasArea = draft.areaId !== '';
  useEffect(() => {
    if (!enabled || !dirty || !hasArea) return;
    const timer = setTimeout(() => void saveDraft(latest.current), QUIET_MS);
    return () => clearTimeout(timer);
  }, [current, enabled, dirty, hasArea, saveDraft]);

  // Leaving the page with unsaved changes: the browser asks first.
  useEffect(() => {
    if (!enabled || !dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [enabled, dirty]);

  // Leaving the form for another screen of the tab: what is not saved yet is saved now.
  useEffect(
    () => () => {
      if (live.current && JSON.stringify(toForm(latest.current)) !== saved.current)
        void saveDraft(latest.current);
    },
    [saveDraft],
  );

  return { state, dirty, run, saveDraft };
}
