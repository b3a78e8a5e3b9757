import { Button, Text, Title2 } from '@fluentui/react-components';
import { useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { Area, Me } from '#core/contracts/api.js';
import { toApiError, type ApiRequestError } from '../../../api/client.js';
import { api } from '../../../api/endpoints.js';
import { referralApi, type ReferralReceipt } from '../../../api/referrals.js';
import { ErrorBar } from '../../ErrorBar.js';
import { useLoad } from '../../use-load.js';
import { checkReferral, type Problem } from './check-referral.js';
import { ConsentSection } from './ConsentSection.js';
import { draftSetters } from './draft-setters.js';
import { ErrorSummary } from './ErrorSummary.js';
import { FieldErrors, useFormStyles } from './form-fields.js';
import { ChildrenSection, PerpetratorsSection } from './PeopleSections.js';
import { Receipt } from './Receipt.js';
import { ReferrerSection } from './ReferrerSection.js';
import { emptyDraft, type ReferralDraft } from './referral-draft.js';
import { ReasonsSection, RiskSection } from './RiskSection.js';
import { SaveStatus } from './SaveStatus.js';
import { serverProblems } from './server-problems.js';
import { toForm } from './to-form.js';
import { useActionKey } from './use-action-key.js';
import { useDraftAutosave } from './use-draft-autosave.js';
import { VictimSection } from './VictimSection.js';

export interface ReferCaseProps {
  me: Me;
  /** Areas where this person may refer (any role but observer). */
  areas: Area[];
  today: string;
  draft: ReferralDraft;
  setDraft: Dispatch<SetStateAction<ReferralDraft>>;
  onSaved: () => void;
}

/**
 * "Refer a case": the SafeLives referral form in sections, saved as a draft as the person types.
 * The tab checks it before sending, in the same words as the server; problems are listed at the
 * top (GOV.UK error summary) and beside each field. The draft lives above this screen, so
 * switching screens or an error never loses what was typed.
 */
export function ReferCase({ areas, today, draft, setDraft, onSaved }: ReferCaseProps) {
  const styles = useFormStyles();
  const agencies = useLoad(
    () => (draft.areaId ? api.agencies(draft.areaId) : Promise.resolve([])),
    [draft.areaId],
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [receipt, setReceipt] = useState<ReferralReceipt | null>(null);
  const [busy, setBusy] = useState<'check' | 'submit' | null>(null);
  const running = useRef(false);
  const submitKeys = useActionKey();
  const submitted = receipt?.status === 'submitted';
  const autosave = useDraftAutosave({ draft, setDraft, today, enabled: !submitted });
  const to = draftSetters(setDraft);
  const askChildren =
    draft.childrensServicesReferralMade !== null ||
    problems.some((p) => p.path === 'childrensServicesReferralMade') ||
    (receipt?.warnings.some((w) => /children.s services/i.test(w)) ?? false);

  function refuse(found: Problem[]) {
    setProblems(found);
    setAttempt((n) => n + 1);
  }

  /** Submit, or (submit false) save now and show the draft's score. One run at a time. */
  async function send(submit: boolean) {
    if (running.current) return;
    const found = checkReferral(draft, today, submit);
    if (found.length > 0) return refuse(found);
    running.current = true;
    setBusy(submit ? 'submit' : 'check');
    const form = toForm(draft);
    const body = JSON.stringify({ submit, form });
    try {
      const saved = await autosave.run(
        (referralId) => referralApi.save(form, submit, referralId, submitKeys.keyFor(body)),
        JSON.stringify(form),
      );
      submitKeys.done();
      setReceipt(saved);
      setProblems([]);
      setFailure(null);
      onSaved();
    } catch (e) {
      const problem = toApiError(e);
      const named = serverProblems(problem.details);
      if (named.length > 0) refuse(named);
      else setFailure(problem);
    } finally {
      running.current = false;
      setBusy(null);
    }
  }

  function startAgain() {
    setDraft(emptyDraft(draft.areaId, today));
  }

  const fieldErrors = Object.fromEntries(problems.map((p) => [p.path, p.message]));
  return (
    <FieldErrors.Provider value={fieldErrors}>
      <Title2 as="h2" style={{ display: 'block', margin: '4px 0 12px' }}>
        Refer a case
      </Title2>
      <ErrorSummary problems={problems} attempt={attempt} />
      <form aria-label="Referral form" onSubmit={(e) => e.preventDefault()} noValidate>
        <ReferrerSection draft={draft} to={to} areas={areas} agencies={agencies.data ?? []} />
        <VictimSection victim={draft.victim} asWritten={draft.asWritten} to={to} />
        <PerpetratorsSection draft={draft} to={to} />
        <ChildrenSection draft={draft} to={to} askChildrensServices={askChildren} />
        <ReasonsSection draft={draft} to={to} />
        <RiskSection draft={draft} to={to} />
        <ConsentSection draft={draft} to={to} />

        <div aria-live="polite">
          <ErrorBar error={failure} title="The referral was not sent" />
          {receipt && <Receipt receipt={receipt} />}
        </div>
        {!submitted && <SaveStatus state={autosave.state} dirty={autosave.dirty} />}
        <div className={styles.row} style={{ margin: '16px 0 48px' }}>
          <Button disabled={busy !== null || submitted} onClick={() => void send(false)}>
            {busy === 'check' ? 'Checking…' : 'Check and save draft'}
          </Button>
          <Button
            appearance="primary"
            disabled={busy !== null || submitted}
            onClick={() => void send(true)}
          >
            {busy === 'submit' ? 'Submitting…' : 'Submit to the coordinator'}
          </Button>
          {(submitted || draft.referralId) && (
            <Button onClick={startAgain}>Start a new referral</Button>
          )}
        </div>
        {submitted && (
          <Text>This referral has been sent; start a new one to refer another case.</Text>
        )}
      </form>
    </FieldErrors.Provider>
  );
}
