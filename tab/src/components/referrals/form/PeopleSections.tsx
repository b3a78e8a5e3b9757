import { Button, Switch, Text } from '@fluentui/react-components';
import { Section } from '../../Section.js';
import { ChildFields } from './ChildFields.js';
import { F } from './form-fields.js';
import type { DraftSetters } from './draft-setters.js';
import { PerpetratorFields } from './PerpetratorFields.js';
import { emptyChild, emptyPerpetrator, type ReferralDraft } from './referral-draft.js';

const MAX_PERPETRATORS = 5;
const MAX_CHILDREN = 12;

export function PerpetratorsSection({ draft, to }: { draft: ReferralDraft; to: DraftSetters }) {
  const list = draft.perpetrators;
  return (
    <Section
      id="ref-perpetrators"
      title="Perpetrators"
      actions={
        <Button
          disabled={list.length >= MAX_PERPETRATORS}
          onClick={() => to.set('perpetrators', [...list, emptyPerpetrator()])}
        >
          Add another perpetrator
        </Button>
      }
    >
      {list.map((p, i) => (
        <PerpetratorFields
          key={p.key}
          perpetrator={p}
          index={i}
          onChange={(patch) => to.perpetrator(p.key, patch)}
          onRemove={
            list.length > 1
              ? () =>
                  to.set(
                    'perpetrators',
                    list.filter((x) => x.key !== p.key),
                  )
              : undefined
          }
        />
      ))}
    </Section>
  );
}

/** The children; asks about children's services when the case is high risk with children. */
export function ChildrenSection(props: {
  draft: ReferralDraft;
  to: DraftSetters;
  askChildrensServices: boolean;
}) {
  const { draft, to } = props;
  const list = draft.children;
  return (
    <Section
      id="ref-children"
      title="Children"
      actions={
        <Button
          disabled={list.length >= MAX_CHILDREN}
          onClick={() => to.set('children', [...list, emptyChild()])}
        >
          Add a child
        </Button>
      }
    >
      {list.length === 0 && <Text>No children added.</Text>}
      {list.map((c, i) => (
        <ChildFields
          key={c.key}
          child={c}
          index={i}
          onChange={(patch) => to.child(c.key, patch)}
          onRemove={() =>
            to.set(
              'children',
              list.filter((x) => x.key !== c.key),
            )
          }
        />
      ))}
      {props.askChildrensServices && (
        <F path="childrensServicesReferralMade" label="Children’s services">
          <Switch
            label="I have referred the children to children’s services now"
            checked={draft.childrensServicesReferralMade === true}
            onChange={(_, d) => to.set('childrensServicesReferralMade', d.checked)}
          />
        </F>
      )}
    </Section>
  );
}
