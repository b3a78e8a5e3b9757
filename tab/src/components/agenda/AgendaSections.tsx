import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AgendaCaseView, AgendaView } from '#core/contracts/agenda-api.js';
import { formatDate } from '../../format/dates.js';
import { SECTION_TITLES } from './agenda-words.js';

type Sections = NonNullable<AgendaView['agenda']>['sections'];
export type CaseGroup = 'cases-with-children' | 'adult-cases';

const useStyles = makeStyles({
  section: { marginTop: '16px' },
  h: { margin: '0 0 6px', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  statement: {
    margin: 0,
    padding: '8px 12px',
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    whiteSpace: 'pre-wrap',
  },
  list: { margin: 0, paddingLeft: '20px' },
  none: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/**
 * The agenda's sections in the SafeLives order, numbered as the chair reads them out. How cases
 * are shown is the caller's: a compact table with reordering for the coordinator, every detail
 * for those who read the published agenda.
 */
export function AgendaSections(props: {
  sections: Sections;
  confidentiality: string;
  renderCases: (group: CaseGroup, cases: AgendaCaseView[]) => ReactNode;
}) {
  const styles = useStyles();
  const none = (text: string) => <p className={styles.none}>{text}</p>;
  const body = (section: Sections[number]) => {
    switch (section.kind) {
      case 'introductions':
        return <blockquote className={styles.statement}>{props.confidentiality}</blockquote>;
      case 'actions-review':
        return section.actions.length === 0 ? (
          none('No actions are outstanding from the last meeting.')
        ) : (
          <ul className={styles.list}>
            {section.actions.map((a) => (
              <li key={`${a.reference}:${a.action}`}>
                {`${a.reference}, ${a.agency}: ${a.action} (due ${formatDate(a.dueOn)})`}
              </li>
            ))}
          </ul>
        );
      case 'cases-with-children':
      case 'adult-cases':
        return section.cases.length === 0
          ? none('No cases.')
          : props.renderCases(section.kind, section.cases);
      case 'twelve-months':
        return section.notices.length === 0 ? (
          none('None.')
        ) : (
          <ul className={styles.list}>
            {section.notices.map((n) => (
              <li
                key={n.reference}
              >{`${n.reference}: last heard on ${formatDate(n.lastHeardOn)}`}</li>
            ))}
          </ul>
        );
      case 'other-business':
        return none('Raised with the chair at the meeting.');
    }
  };
  return (
    <>
      {props.sections.map((section, i) => (
        <section
          key={section.kind}
          className={styles.section}
          aria-labelledby={`agenda-section-${section.kind}`}
          data-section={section.kind}
        >
          <h4 id={`agenda-section-${section.kind}`} className={styles.h}>
            {`${i + 1}. ${SECTION_TITLES[section.kind]}`}
          </h4>
          {body(section)}
        </section>
      ))}
    </>
  );
}
