import type { DeliveryMode } from '#core/contracts/agenda-api.js';
import type { Problem } from '../referrals/form/check-referral.js';
import { countCertificates } from './pem-files.js';

export const PEM_MAX = 40_000;

/**
 * The tab's own check of a delivery mode before it is saved, in words the coordinator reads. The
 * server checks the certificates themselves (readable, in date, one for each rep's address).
 */
export function checkDelivery(input: {
  agency: string;
  mode: DeliveryMode | '';
  pem: string;
  storedCertificates: number;
}): Problem[] {
  if (input.mode === '')
    return [{ path: 'mode', message: `Choose how ${input.agency} receives the agenda.` }];
  if (input.mode !== 'smime') return [];
  const pem = input.pem.trim();
  if (pem === '' && input.storedCertificates === 0)
    return [
      {
        path: 'certificatePem',
        message: `Certificates: paste or upload a certificate for each rep of ${input.agency}.`,
      },
    ];
  if (pem !== '' && countCertificates(pem) === 0)
    return [
      {
        path: 'certificatePem',
        message:
          'Certificates: paste the text that starts -----BEGIN CERTIFICATE-----, or upload the .pem, .crt or .cer file each rep sent.',
      },
    ];
  if (pem.length > PEM_MAX)
    return [
      {
        path: 'certificatePem',
        message: `Certificates: use ${PEM_MAX.toLocaleString('en-GB')} characters or fewer; send one certificate for each rep.`,
      },
    ];
  return [];
}
