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
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Agency } from '#core/contracts/api.js';
import { api, type Rep } from '../api/endpoints.js';
import { capitalise } from '../format/protocol-words.js';
import { ErrorBar } from './ErrorBar.js';
import { RepsDialog } from './RepsDialog.js';
import { Section } from './Section.js';
import { useLoad } from './use-load.js';

const useStyles = makeStyles({
  email: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

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

/** The agencies of the area with their core rep and deputy, who are invited to every meeting. */
export function AgenciesSection(props: {
  areaId: string;
  editable: boolean;
  onRepsChanged: () => void;
}) {
  const styles = useStyles();
  const agencies = useLoad(() => api.agencies(props.areaId), [props.areaId]);
  const [editing, setEditing] = useState<Agency | null>(null);
  const restoreFocus = useRestoreFocusTarget();

  const person = (rep: Rep | null, missing: string) =>
    rep ? (
      <>
        {rep.name}
        <Text className={styles.email}>{rep.email}</Text>
      </>
    ) : (
      <Text className={missing === 'None named' ? styles.missing : undefined}>{missing}</Text>
    );

  const saved = (agency: Agency) => {
    setEditing(null);
    agencies.setData((list) => (list ?? []).map((a) => (a.id === agency.id ? agency : a)));
    // The server updates the series attendees; fetch the area again to show them.
    props.onRepsChanged();
  };

  return (
    <Section id="agencies-heading" title="Agencies and reps">
      <ErrorBar error={agencies.error} title="Agencies could not be loaded" />
      {agencies.loading && !agencies.data && <Spinner size="small" label="Loading agencies" />}
      {agencies.data && agencies.data.length === 0 && (
        <Text>No agencies recorded for this area.</Text>
      )}
      {agencies.data && agencies.data.length > 0 && (
        <Table
          size="small"
          style={{ tableLayout: 'auto' }}
          aria-labelledby="agencies-heading"
          data-testid="agencies-table"
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Agency</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>Core rep</TableHeaderCell>
              <TableHeaderCell>Deputy</TableHeaderCell>
              {props.editable && <TableHeaderCell>Change</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {agencies.data.map((a) => (
              <TableRow key={a.id} data-agency-id={a.id}>
                <TableCell>{a.name}</TableCell>
                <TableCell>{describeKind(a.kind)}</TableCell>
                <TableCell>{person(a.coreRep, 'None named')}</TableCell>
                <TableCell>{person(a.deputyRep, 'No deputy')}</TableCell>
                {props.editable && (
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    <Button
                      size="small"
                      aria-label={`Edit reps of ${a.name}`}
                      onClick={() => setEditing(a)}
                      {...restoreFocus}
                    >
                      Edit reps
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <RepsDialog
          areaId={props.areaId}
          agency={editing}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </Section>
  );
}
