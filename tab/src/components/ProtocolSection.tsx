import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Area } from '#core/contracts/api.js';
import { protocolDetails, protocolSummary } from '../format/protocol-words.js';
import { ProtocolForm } from './ProtocolForm.js';
import { Section } from './Section.js';

const useStyles = makeStyles({
  summary: {
    display: 'block',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
  },
  details: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: '4px' },
});

/** The area's meeting protocol in words, and (for coordinators) the form to change it. */
export function ProtocolSection(props: {
  area: Area;
  editable: boolean;
  onSaved: (area: Area) => void;
}) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const { protocol } = props.area;
  return (
    <Section
      id="protocol-heading"
      title="Meeting protocol"
      actions={
        props.editable &&
        !editing && <Button onClick={() => setEditing(true)}>Edit protocol</Button>
      }
    >
      <Text className={styles.summary} data-testid="protocol-summary">
        {protocolSummary(protocol)}.
      </Text>
      <Text className={styles.details}>{protocolDetails(protocol)}.</Text>
      {editing && (
        <ProtocolForm
          areaId={props.area.id}
          protocol={protocol}
          hasSeries={props.area.series !== null}
          onCancel={() => setEditing(false)}
          onSaved={(area) => {
            setEditing(false);
            props.onSaved(area);
          }}
        />
      )}
    </Section>
  );
}
