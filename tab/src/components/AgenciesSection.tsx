import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Agency } from '#core/contracts/api.js';
import { api, type Rep } from '../api/endpoints.js';
import { capitalise } from '../format/protocol-words.js';
import { MODE_WORDS } from './agenda/agenda-words.js';
import { DeliveryDialog } from './agenda/DeliveryDialog.js';
import { ErrorBar } from './ErrorBar.js';
import { RepsDialog } from './RepsDialog.js';
import { Section } from './Section.js';
import { useStackedTable } from './stacked-table.js';
import { useLoad } from './use-load.js';

const useStyles = makeStyles({
  email: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
  scroll: { overflowX: 'auto' },
  // Full width: an email address stays on one line (the stacked lines of a narrow panel may
  // break it anywhere rather than run past the edge).
  whole: { '@media (min-width: 641px)': { overflowWrap: 'normal' } },
});

const COLUMNS = ['Agency', 'Kind', 'Core rep', 'Deputy', 'Change'];

const kindWords: Record<string, string> = {
  police: 'Police',
  idva: 'IDVA service',
  'childrens-social-care': 'Children’s social care',
  'adult-social-care': 'Adult social care',
  health: 'Health',
  'health-acute': 'Acute health',
  'mental-health': 'Mental health',
  housing: 'Housing',
  probation: 'Probation',
  education: 'Education',
  'substance-misuse': 'Drug and alcohol',
  'specialist-da': 'Specialist domestic abuse',
};
/** Known kinds in words; any other kind is shown as the server names it, made readable. */
const describeKind = (kind: string) => kindWords[kind] ?? capitalise(kind.replace(/[-_]/g, ' '));

/**
 * The agencies of the area with their core rep and deputy, who are invited to every meeting, and
 * how each receives the agenda.
 */
export function AgenciesSection(props: {
  areaId: string;
  editable: boolean;
  onRepsChanged: () => void;
}) {
  const styles = useStyles();
  const agencies = useLoad(() => api.agencies(props.areaId), [props.areaId]);
  const [editing, setEditing] = useState<{ what: 'reps' | 'delivery'; agency: Agency } | null>(
    null,
  );
  const restoreFocus = useRestoreFocusTarget();
  const stacked = useStackedTable();
  // In a narrow panel each cell is a "label: value" line (see stacked-table.ts).
  const cell = (column: number) => ({
    className: mergeClasses(stacked.cell, styles.whole),
    'data-label': COLUMNS[column],
  });

  const person = (rep: Rep | null, missing: string) =>
    rep ? (
      <>
        {rep.name}
        <Text className={styles.email}>{rep.email}</Text>
      </>
    ) : (
      <Text className={missing === 'None named' ? styles.missing : undefined}>{missing}</Text>
    );

  const replace = (agency: Agency) => {
    setEditing(null);
    agencies.setData((list) => (list ?? []).map((a) => (a.id === agency.id ? agency : a)));
  };
  const saved = (agency: Agency) => {
    replace(agency);
    // The server updates the series attendees; fetch the area again to show them.
    props.onRepsChanged();
  };
  const mode = (a: Agency) =>
    `Agenda: ${MODE_WORDS[a.delivery.mode]}${
      a.delivery.mode === 'smime'
        ? ` (${a.delivery.certificates.length === 1 ? '1 certificate' : `${a.delivery.certificates.length} certificates`})`
        : ''
    }`;

  return (
    <Section id="agencies-heading" title="Agencies and reps">
      <ErrorBar error={agencies.error} title="Agencies could not be loaded" />
      {agencies.loading && !agencies.data && <Spinner size="small" label="Loading agencies" />}
      {agencies.data && agencies.data.length === 0 && (
        <Text>No agencies recorded for this area.</Text>
      )}
      {agencies.data && agencies.data.length > 0 && (
        <div className={styles.scroll}>
          <Table
            size="small"
            style={{ tableLayout: 'auto' }}
            className={stacked.table}
            aria-labelledby="agencies-heading"
            data-testid="agencies-table"
          >
            <TableHeader>
              <TableRow>
                {COLUMNS.slice(0, props.editable ? 5 : 4).map((c) => (
                  <TableHeaderCell key={c}>{c}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody className={stacked.body}>
              {agencies.data.map((a) => (
                <TableRow key={a.id} data-agency-id={a.id} className={stacked.row}>
                  <TableCell {...cell(0)}>
                    <div>
                      {a.name}
                      <Text className={styles.email} data-testid="agency-mode">
                        {mode(a)}
                      </Text>
                    </div>
                  </TableCell>
                  <TableCell {...cell(1)}>{describeKind(a.kind)}</TableCell>
                  <TableCell {...cell(2)}>{person(a.coreRep, 'None named')}</TableCell>
                  <TableCell {...cell(3)}>{person(a.deputyRep, 'No deputy')}</TableCell>
                  {props.editable && (
                    <TableCell {...cell(4)}>
                      <div className={styles.actions}>
                        <Button
                          size="small"
                          aria-label={`Edit reps of ${a.name}`}
                          onClick={() => setEditing({ what: 'reps', agency: a })}
                          {...restoreFocus}
                        >
                          Edit reps
                        </Button>
                        <Button
                          size="small"
                          aria-label={`Delivery for ${a.name}`}
                          onClick={() => setEditing({ what: 'delivery', agency: a })}
                          {...restoreFocus}
                        >
                          Delivery
                        </Button>
                      </div>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editing?.what === 'reps' && (
        <RepsDialog
          areaId={props.areaId}
          agency={editing.agency}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {editing?.what === 'delivery' && (
        <DeliveryDialog
          areaId={props.areaId}
          agency={editing.agency}
          onClose={() => setEditing(null)}
          onSaved={replace}
        />
      )}
    </Section>
  );
}
