import { Text, makeStyles } from '@fluentui/react-components';
import type { DataReturn } from '#core/contracts/data-return-api.js';
import { recodePath } from '../../routes.js';
import { AppLink } from '../AppLink.js';
import { Section } from '../Section.js';

const useStyles = makeStyles({
  list: { margin: '4px 0 0', paddingLeft: '20px' },
  refs: { overflowWrap: 'anywhere' },
});

const victims = (n: number) => `${n} victim${n === 1 ? '' : 's'}`;

/**
 * The heard cases whose ethnicity or sexuality is free text that names no category: they count
 * as "not recoded" until the coordinator recodes them. The coordinator sees which cases.
 */
export function RecodeSection(props: { areaId: string; toRecode: DataReturn['toRecode'] }) {
  const styles = useStyles();
  const { ethnicity, sexuality } = props.toRecode;
  if (ethnicity.count + sexuality.count === 0) return null;
  const lines = [
    { key: 'ethnicity', figure: ethnicity, words: 'ethnicity' },
    { key: 'sexuality', figure: sexuality, words: 'sexuality' },
  ].filter((l) => l.figure.count > 0);
  return (
    <Section id="recode-heading" title="Free text to recode">
      <Text as="p">
        {lines.map((l) => `The ${l.words} of ${victims(l.figure.count)}`).join(' and ')}: free text
        that names no category of the return, so counted as not recoded until it is recoded.
      </Text>
      {lines.some((l) => l.figure.references) && (
        <ul className={styles.list} data-testid="recode-cases">
          {lines.map((l) => (
            <li key={l.key}>
              <strong>{l.words[0]!.toUpperCase() + l.words.slice(1)}:</strong>{' '}
              <span className={styles.refs}>{(l.figure.references ?? []).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      {lines.some((l) => l.figure.references) && (
        <Text as="p">
          <AppLink href={recodePath(props.areaId)}>Recode them</AppLink> on the recode page, which
          lists every referral of the area still written in words.
        </Text>
      )}
    </Section>
  );
}
