import {
  Button,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { agendaApi, type AgendaView } from '../../api/agendas.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { ErrorBar } from '../ErrorBar.js';
import { Section } from '../Section.js';
import { AgendaSections } from './AgendaSections.js';
import { CaseTable } from './CaseTable.js';
import { LateCaseDialog } from './LateCaseDialog.js';
import { moveWithinGroup } from './reorder.js';

const useStyles = makeStyles({
  note: { display: 'block', color: tokens.colorNeutralForeground3 },
});

const CAPTIONS = {
  'cases-with-children': 'Cases involving children, in the order they will be heard',
  'adult-cases': 'Adult-only cases, in the order they will be heard',
} as const;

/**
 * The draft agenda: the meeting's cases now, in their order, by SafeLives section. The
 * coordinator moves cases within their group and adds late cases; nothing goes out until Publish.
 */
export function DraftSection(props: {
  view: AgendaView;
  areaId: string | null;
  onView: (view: AgendaView) => void;
}) {
  const styles = useStyles();
  const { view } = props;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [adding, setAdding] = useState(false);
  const restoreFocus = useRestoreFocusTarget();
  const card = useRef<HTMLDivElement>(null);
  // After a move the row is drawn again elsewhere: focus goes back to the button that was used
  // (or its partner, when the case reached the top or bottom), so a keyboard user can go on.
  const refocus = useRef<{ id: string; dir: 'up' | 'down' } | null>(null);

  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted || busy) return;
    refocus.current = null;
    const button = (dir: string) =>
      card.current?.querySelector<HTMLButtonElement>(`[data-move="${wanted.id}:${dir}"]`);
    const same = button(wanted.dir);
    (same && !same.disabled ? same : button(wanted.dir === 'up' ? 'down' : 'up'))?.focus();
  }, [view, busy]);

  const move = async (referralId: string, by: -1 | 1) => {
    if (!view.agenda) return;
    const order = moveWithinGroup(view.agenda.sections, referralId, by);
    if (!order) return;
    refocus.current = { id: referralId, dir: by < 0 ? 'up' : 'down' };
    setBusy(true);
    setFailure(null);
    try {
      props.onView(await agendaApi.reorder(view.meetingId, order));
    } catch (e) {
      setFailure(toApiError(e));
    }
    setBusy(false);
  };

  return (
    <Section
      id="draft-heading"
      title={`Draft: ${view.label}`}
      actions={
        props.areaId && (
          <Button onClick={() => setAdding(true)} {...restoreFocus}>
            Add a late case
          </Button>
        )
      }
    >
      <div ref={card} data-testid="draft-agenda">
        <Text className={styles.note}>
          The meeting’s cases as they stand. Change the order within each group with Up and Down;
          nothing goes to the agencies until you publish.
        </Text>
        <ErrorBar error={failure} title="The order was not changed" />
        {view.agenda && (
          <AgendaSections
            sections={view.agenda.sections}
            confidentiality={view.confidentiality}
            renderCases={(group, cases) => (
              <CaseTable
                caption={CAPTIONS[group]}
                cases={cases}
                busy={busy}
                onMove={(id, by) => void move(id, by)}
              />
            )}
          />
        )}
      </div>
      {adding && props.areaId && (
        <LateCaseDialog
          areaId={props.areaId}
          view={view}
          onClose={() => setAdding(false)}
          onAdded={(next) => {
            setAdding(false);
            props.onView(next);
          }}
        />
      )}
    </Section>
  );
}
