import { Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ChangeEvent } from 'react';
import { F } from '../referrals/form/form-fields.js';
import { countCertificates, readCertificateFiles } from './pem-files.js';

const useStyles = makeStyles({
  pem: { fontFamily: tokens.fontFamilyMonospace },
  file: { maxWidth: '100%' },
});

/**
 * The reps' S/MIME certificates: pasted as PEM text, or read from the files the reps sent (the
 * file's text goes into the box, so what is sent is what the coordinator sees).
 */
export function CertificateFields(props: {
  agency: string;
  stored: number;
  pem: string;
  onPem: (pem: string) => void;
}) {
  const styles = useStyles();
  const [read, setRead] = useState<string | null>(null);
  const count = countCertificates(props.pem);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    if (files.length === 0) return;
    const text = await readCertificateFiles(files);
    props.onPem([props.pem.trim(), text].filter(Boolean).join('\n'));
    setRead(`Read ${files.map((f) => f.name).join(', ')}.`);
  };

  return (
    <>
      <F
        path="certificatePem"
        label="Certificates"
        required={props.stored === 0}
        hint={
          props.stored > 0
            ? 'Leave this empty to keep the certificates on record, or paste new ones for the current reps.'
            : `One certificate for each rep of ${props.agency} (core rep and deputy), as PEM text.`
        }
      >
        <Textarea
          className={styles.pem}
          rows={6}
          resize="vertical"
          value={props.pem}
          placeholder="-----BEGIN CERTIFICATE-----"
          onChange={(_, d) => props.onPem(d.value)}
        />
      </F>
      <Field label="Or upload the certificate files" hint="Files ending .pem, .crt or .cer">
        {/* A native file input: the Field hands it its id and description through these props. */}
        {(control) => (
          <input
            {...control}
            className={styles.file}
            type="file"
            accept=".pem,.crt,.cer"
            multiple
            onChange={(e) => void upload(e)}
          />
        )}
      </Field>
      <Text aria-live="polite">
        {read}
        {count > 0 && ` ${count === 1 ? '1 certificate' : `${count} certificates`} ready to send.`}
      </Text>
    </>
  );
}
