import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { categoryLabel } from '#core/contracts/equality.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { recodeApi, type RecodeItem } from '../../api/recode.js';
import { formatDate } from '../../format/dates.js';
import { ErrorBar } from '../ErrorBar.js';
import { CategorySelect } from '../referrals/form/form-fields.js';

const useStyles = makeStyles({
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    minWidth: 0,
  },
  head: { margin: 0, fontSize: '16px', fontWeight: 600, overflowWrap: 'anywhere' },
  words: { overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: '8px 12px' },
  choice: { flex: '1 1 16em', minWidth: 0, maxWidth: '36em' },
  saved: { color: tokens.colorPaletteGreenForeground1 },
});

export const FIELD_WORDS = { ethnicity: 'Ethnicity', sexuality: 'Sexuality' } as const;

/**
 * One field of one referral to recode: the reference, the date, the words written, a drop-down
 * of the categories and Save. Once saved it says what it was recoded as; the words stay with the
 * referral ("first written as").
 */
export function RecodeItemCard(props: { item: RecodeItem; onSaved: () => void }) {
  const styles = useStyles();
  const { item } = props;
  const [choice, setChoice] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [missing, setMissing] = useState(false);
  const headId = `recode-${item.referralId}-${item.field}`;

  async function save() {
    if (busy) return;
    if (choice === '') return setMissing(true);
    setBusy(true);
    try {
      await recodeApi.save(item.referralId, { [item.field]: choice });
      setSaved(choice);
      setError(null);
      props.onSaved();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={styles.item} aria-labelledby={headId}>
      <h2 id={headId} className={styles.head}>
        {item.reference}: {FIELD_WORDS[item.field].toLowerCase()}
      </h2>
      <Text>Referred {formatDate(item.referredOn)}</Text>
      <Text className={styles.words}>
        Written as: <Text weight="semibold">“{item.asWritten}”</Text>
      </Text>
      {saved ? (
        <Text role="status" className={styles.saved}>
          Recoded as {categoryLabel(item.field, saved)}. The words are kept with the referral.
        </Text>
      ) : (
        <div className={styles.row}>
          <Field
            className={styles.choice}
            label={`${FIELD_WORDS[item.field]} for ${item.reference}`}
            validationState={missing ? 'error' : 'none'}
            validationMessage={missing ? 'Choose the category the words mean' : undefined}
          >
            <CategorySelect
              field={item.field}
              value={choice}
              onPick={(value) => {
                setChoice(value);
                setMissing(false);
              }}
            />
          </Field>
          <Button appearance="primary" disabled={busy} onClick={() => void save()}>
            {busy ? 'Saving…' : 'Save'}
          </Button>
        </div>
      )}
      <ErrorBar error={error} title="The category was not saved" />
    </li>
  );
}
