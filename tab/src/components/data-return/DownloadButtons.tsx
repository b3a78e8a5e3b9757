import { Button, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { dataReturnApi, type DownloadKind } from '../../api/data-return.js';
import { toApiError, type ApiRequestError } from '../../api/client.js';
import { ErrorBar } from '../ErrorBar.js';
import { saveFile } from '../save-file.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center', margin: '8px 0' },
});

const KINDS: { kind: DownloadKind; words: string }[] = [
  { kind: 'csv', words: 'Download CSV' },
  { kind: 'xlsx', words: 'Download Excel' },
];

/**
 * The return as a file, made by the server (the same figures, and references for the
 * coordinator only). Fetched with the person's token and saved from memory: inside Teams or
 * Outlook a plain link to the API would go without it.
 */
export function DownloadButtons(props: { areaId: string; quarter: string }) {
  const styles = useStyles();
  const [busy, setBusy] = useState<DownloadKind | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [saved, setSaved] = useState('');

  async function download(kind: DownloadKind) {
    setBusy(kind);
    setError(null);
    setSaved('');
    try {
      const file = await dataReturnApi.download(props.areaId, props.quarter, kind);
      saveFile(file.blob, file.filename);
      setSaved(`Downloaded ${file.filename}.`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <div className={styles.row}>
        {KINDS.map(({ kind, words }) => (
          <Button key={kind} disabled={busy !== null} onClick={() => void download(kind)}>
            {busy === kind ? 'Preparing the file…' : words}
          </Button>
        ))}
        <Text role="status" data-testid="download-status">
          {saved}
        </Text>
      </div>
      <ErrorBar error={error} title="The file could not be downloaded" />
    </>
  );
}
