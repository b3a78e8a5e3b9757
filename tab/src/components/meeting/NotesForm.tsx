import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { MEETING_TEXT_LIMITS, type CaseNotes } from '#core/contracts/meeting-api.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { meetingRunApi } from '../../api/meeting-run.js';
import { formatTime } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { FieldErrors } from '../referrals/form/form-fields.js';
import { CountedText, useResearchStyles } from '../research/research-fields.js';
import { ConflictPanel } from './ConflictPanel.js';
import { CorrectionReason } from './CorrectionReason.js';
import { useVersionedDraft } from './use-versioned-draft.js';

type NotesText = Pick<CaseNotes, 'facts' | 'opinion' | 'riskSummary'>;
const LABELS: Record<keyof NotesText, string> = {
  facts: 'Facts',
  opinion: 'Professional opinion',
  riskSummary: 'Risk summary',
};
const textOf = (n: CaseNotes): NotesText => ({
  facts: n.facts,
  opinion: n.opinion,
  riskSummary: n.riskSummary,
});

const useStyles = makeStyles({
  pre: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '0 0 8px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The meeting's notes on a case, facts and opinion kept apart, and the risks summarised. The chair
 * and coordinator write them; everyone else reads them as they are saved.
 */
export function NotesForm(props: {
  meetingId: string;
  referralId: string;
  notes: CaseNotes;
  editable: boolean;
  closed: boolean;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const research = useResearchStyles();
  const draft = useVersionedDraft(textOf(props.notes), props.notes.version);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [reasonProblem, setReasonProblem] = useState<string | undefined>();
  const prefix = `notes-${props.referralId}`;

  if (!props.editable) return <NotesRead notes={props.notes} />;

  const save = async (version: number) => {
    if (props.closed && !reason.trim()) {
      setReasonProblem('Reason for the correction: say why the record is corrected');
      return;
    }
    setReasonProblem(undefined);
    setBusy(true);
    setFailure(null);
    try {
      const saved = await meetingRunApi.saveNotes(props.meetingId, props.referralId, {
        ...draft.draft,
        version,
        ...(props.closed ? { correctionReason: reason.trim() } : {}),
      });
      draft.saved(textOf(saved), saved.version);
      setReason('');
    } catch (e) {
      const error = toApiError(e);
      // A conflict shows the other version beside this one (ConflictPanel), once it has loaded.
      if (error.code !== 'VERSION_CONFLICT') setFailure(error);
    }
    setBusy(false);
    props.onSaved();
  };

  const set = (key: keyof NotesText) => (value: string) =>
    draft.setDraft((d) => ({ ...d, [key]: value }));
  const errors = Object.fromEntries(
    failure?.details.map((d) => [`${prefix}.${d.path.replace(/^body\./, '')}`, d.message]) ?? [],
  );
  return (
    <FieldErrors.Provider value={errors}>
      <form
        noValidate
        aria-label="Notes"
        onSubmit={(e) => {
          e.preventDefault();
          void save(draft.version);
        }}
      >
        {draft.conflict && (
          <ConflictPanel
            who={props.notes.updatedBy}
            theirs={<NotesRead notes={props.notes} />}
            busy={busy}
            onTakeTheirs={draft.takeTheirs}
            onSaveMine={() => void save(draft.serverVersion)}
          />
        )}
        <div className={research.group}>
          <CountedText
            path={`${prefix}.facts`}
            label={LABELS.facts}
            hint="What is known, from records and reports."
            max={MEETING_TEXT_LIMITS.facts}
            value={draft.draft.facts}
            onChange={set('facts')}
          />
        </div>
        <section className={research.opinion} aria-label="Professional opinion: not a fact">
          <p className={research.note}>Professional opinion: recorded apart from the facts.</p>
          <CountedText
            path={`${prefix}.opinion`}
            label={LABELS.opinion}
            max={MEETING_TEXT_LIMITS.opinion}
            value={draft.draft.opinion}
            onChange={set('opinion')}
          />
        </section>
        <div className={research.group}>
          <CountedText
            path={`${prefix}.riskSummary`}
            label={LABELS.riskSummary}
            max={MEETING_TEXT_LIMITS.riskSummary}
            value={draft.draft.riskSummary}
            onChange={set('riskSummary')}
          />
          {props.closed && (
            <CorrectionReason value={reason} problem={reasonProblem} onChange={setReason} />
          )}
        </div>
        <ErrorBar error={failure} title="The notes were not saved" />
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? 'Saving…' : props.closed ? 'Save correction' : 'Save notes'}
        </Button>{' '}
        <Text className={styles.muted} size={200}>
          {props.notes.updatedAt
            ? `Last saved at ${formatTime(props.notes.updatedAt)}${
                props.notes.updatedBy ? ` by ${props.notes.updatedBy}` : ''
              }`
            : 'Not saved yet'}
        </Text>
      </form>
    </FieldErrors.Provider>
  );
}

function NotesRead({ notes }: { notes: CaseNotes }) {
  const styles = useStyles();
  const research = useResearchStyles();
  if (notes.version === 0) return <Text>No notes yet.</Text>;
  return (
    <div data-testid="notes-read">
      <h4 className={research.h4}>Facts</h4>
      <p className={styles.pre}>{notes.facts || 'None recorded.'}</p>
      <div className={research.opinion}>
        <h4 className={research.h4}>Professional opinion: not a fact</h4>
        <p className={styles.pre}>{notes.opinion || 'None recorded.'}</p>
      </div>
      <h4 className={research.h4}>Risk summary</h4>
      <p className={styles.pre}>{notes.riskSummary || 'None recorded.'}</p>
    </div>
  );
}
