import type { DeliveryMode, AgencyRecord, StoredCertificate } from '../ports/store.js';
import type { SchedulingDeps } from '../scheduling/deps.js';
import { DomainError } from '../shared/errors.js';

/** Checks one PEM certificate for a rep's address at a time; throws a DomainError naming why not. */
export type CertificateCheck = (pem: string, email: string, now: Date) => StoredCertificate;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const FIELD = 'body.certificatePem';

const refuse = (message: string) =>
  new DomainError('VALIDATION_FAILED', message, [{ path: FIELD, message }]);

/** Matches each uploaded certificate to a rep of the agency; each rep needs one. */
function certificatesFor(
  agency: AgencyRecord,
  pem: string | undefined,
  check: CertificateCheck,
  now: Date,
): StoredCertificate[] | null {
  const reps = [agency.coreRep, agency.deputyRep].filter((r) => r !== null);
  if (!agency.coreRep) {
    throw refuse(
      `Certificate: name ${agency.name}'s core rep first; the certificate must be theirs.`,
    );
  }
  if (pem === undefined) {
    const missing = reps.filter(
      (rep) =>
        !agency.certificates.some(
          (c) => c.email === rep.email.toLowerCase() && c.notAfter.getTime() > now.getTime(),
        ),
    );
    if (missing.length > 0) {
      throw refuse(
        `Certificate: upload the S/MIME certificate of ${missing.map((r) => r.email).join(' and ')}.`,
      );
    }
    return null;
  }
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw refuse(
      'Certificate: this is not a certificate. Upload the rep\u2019s public certificate as a .pem or .crt file (it starts with "-----BEGIN CERTIFICATE-----").',
    );
  }
  const stored: StoredCertificate[] = [];
  for (const block of blocks) {
    let matched: StoredCertificate | null = null;
    let firstError: unknown = null;
    for (const rep of reps) {
      try {
        matched = check(block, rep.email, now);
        break;
      } catch (error) {
        firstError ??= error;
      }
    }
    if (!matched) throw firstError;
    stored.push(matched);
  }
  const uncovered = reps.filter((rep) => !stored.some((c) => c.email === rep.email.toLowerCase()));
  if (uncovered.length > 0) {
    throw refuse(
      `Certificate: add the certificate of ${uncovered.map((r) => r.email).join(' and ')} too: every rep of ${agency.name} receives the agenda.`,
    );
  }
  return stored;
}

/**
 * Records how an agency's reps receive the agenda. S/MIME needs a checked certificate for each
 * rep (core and deputy); the other modes need none, and a certificate sent with them is refused
 * rather than kept unasked.
 */
export async function setAgencyDelivery(
  deps: SchedulingDeps & { checkCertificate: CertificateCheck },
  input: {
    areaId: string;
    agencyId: string;
    mode: DeliveryMode;
    certificatePem?: string | undefined;
  },
): Promise<AgencyRecord> {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const agency = (await repos.areas.agencies(input.areaId)).find((a) => a.id === input.agencyId);
    if (!agency) throw new DomainError('NOT_FOUND', 'There is no such agency in this area.');
    if (input.mode !== 'smime' && input.certificatePem !== undefined) {
      throw refuse(
        'Certificate: only S/MIME needs a certificate. Choose S/MIME or remove the file.',
      );
    }
    const certificates =
      input.mode === 'smime'
        ? certificatesFor(agency, input.certificatePem, deps.checkCertificate, now)
        : null;
    const updated = await repos.areas.setDelivery(
      input.areaId,
      input.agencyId,
      input.mode,
      certificates,
    );
    await repos.audit.record('agency.delivery', 'agency', input.agencyId);
    return updated!;
  });
}
