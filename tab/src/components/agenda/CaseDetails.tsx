import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { AgendaCaseView } from '#core/contracts/agenda-api.js';
import { Facts, dateOrUnknown } from '../referrals/detail/Facts.js';
import { BAND_WORDS } from '../referrals/referral-words.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '12px' },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px 12px',
  },
  h: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '4px 8px',
    margin: '0 0 8px',
    fontSize: tokens.fontSizeBase300,
  },
});

type Person = { name: string; otherNames: string[]; dateOfBirth: string | null };
const person = (p: Person, more?: string | null) =>
  [
    p.name,
    p.otherNames.length > 0 ? `(also known as ${p.otherNames.join(', ')})` : '',
    `born ${dateOrUnknown(p.dateOfBirth)}`,
    more ?? '',
  ]
    .filter(Boolean)
    .join(', ')
    .replace(', (', ' (');

/**
 * One group's cases as the agencies read them before the meeting, so each can research its own
 * records: who, where, the children and their schools, why referred and the risk.
 */
export function CaseDetails({ cases, first }: { cases: AgendaCaseView[]; first: number }) {
  const styles = useStyles();
  return (
    <ol className={styles.list}>
      {cases.map((c, i) => (
        <li
          key={c.referralId}
          className={styles.item}
          data-testid="agenda-case"
          data-reference={c.reference}
        >
          <h5 className={styles.h}>
            {`Case ${first + i}: ${c.reference}`}
            {c.isRepeat && (
              <Badge appearance="tint" color="important">
                Repeat
              </Badge>
            )}
            {c.mappaLead && (
              <Badge appearance="tint" color="severe">
                MAPPA lead
              </Badge>
            )}
          </h5>
          <Facts
            rows={[
              ['Victim', person(c.victim)],
              ['Address', c.victim.address],
              ['Perpetrators', c.perpetrators.map((p) => person(p)).join('; ') || 'None named'],
              [
                'Children',
                c.children.map((ch) => person(ch, ch.school && `at ${ch.school}`)).join('; ') ||
                  'None',
              ],
              ['Referred by', c.referringAgency],
              ['Why it is at MARAC', c.reason],
              ['Risk', `${BAND_WORDS[c.risk.band]}, by the ${c.risk.checklist}`],
              ['Known risks', c.knownRisks],
              ['Late, because', c.lateReason],
            ]}
          />
        </li>
      ))}
    </ol>
  );
}
