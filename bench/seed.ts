import { randomBytes, randomUUID } from 'node:crypto';
import type { BlindIndexer } from '../bot/src/crypto/blind-index.js';
import { seal } from '../bot/src/crypto/field-format.js';
import type { KeyEncryptionKey } from '../bot/src/crypto/kek.js';
import { storedTerms, victimTerms } from '../bot/src/matching/victim-terms.js';
import type { Queryable } from '../bot/src/db/db.js';
import { prng, syntheticCase, syntheticForm, type SyntheticCase } from './synthetic.js';

export interface Fixture {
  partnershipId: string;
  areaIds: string[];
  agencyIds: string[];
  personId: string;
}

export interface SeedOptions {
  seed: number;
  today: string;
  fixture: Fixture;
  kek: KeyEncryptionKey;
  indexer: BlindIndexer;
}

/** Columns of one batch, each an array sent as one parameter and spread by unnest(). */
export interface Batch {
  caseIds: string[];
  referralIds: string[];
  areas: string[];
  agencies: string[];
  statuses: string[];
  referredOn: string[];
  forms: string[];
  keyOwners: string[];
  wrapped: string[];
  kekVersions: string[];
  termReferral: string[];
  termKind: string[];
  term: string[];
}

/**
 * Cases `from`..`to`-1, each with its own random data key wrapped by the real KEK (inserted into
 * data_key as DataKeyRing would) and its form sealed with field-format's `seal` under that key,
 * exactly what FieldCipher.encrypt writes. What differs from the app: keys are made here and
 * inserted in bulk rather than one DataKeyRing round trip per case.
 */
export async function buildBatch(options: SeedOptions, from: number, to: number): Promise<Batch> {
  const { fixture } = options;
  const b: Batch = {
    caseIds: [],
    referralIds: [],
    areas: [],
    agencies: [],
    statuses: [],
    referredOn: [],
    forms: [],
    keyOwners: [],
    wrapped: [],
    kekVersions: [],
    termReferral: [],
    termKind: [],
    term: [],
  };
  const keys = await wrapNewKeys(options.kek, to - from);
  for (let i = from; i < to; i++) {
    const c: SyntheticCase = syntheticCase(
      options.seed,
      i,
      options.today,
      fixture.areaIds.length,
      fixture.agencyIds.length,
    );
    const { key, wrapped, version } = keys[i - from]!;
    const caseId = randomUUID();
    const referralId = randomUUID();
    const areaId = fixture.areaIds[c.area]!;
    const agencyId = fixture.agencyIds[c.agency]!;
    const form = JSON.stringify(syntheticForm(c, areaId, agencyId, prng(i)));
    const ref = {
      keyOwner: `case:${caseId}`,
      table: 'referral',
      column: 'form',
      rowId: referralId,
    };
    b.caseIds.push(caseId);
    b.referralIds.push(referralId);
    b.areas.push(areaId);
    b.agencies.push(agencyId);
    b.statuses.push(c.status);
    b.referredOn.push(c.referredOn);
    b.forms.push(seal(key, ref, form));
    b.keyOwners.push(ref.keyOwner);
    b.wrapped.push(wrapped.toString('hex'));
    b.kekVersions.push(version);
    for (const t of storedTerms(victimTerms(options.indexer, c.victim))) {
      b.termReferral.push(referralId);
      b.termKind.push(t.kind);
      b.term.push(t.term);
    }
  }
  return b;
}

/**
 * `count` random data keys and their wrapping by the real KEK. LocalFileKek reads its key file
 * on every call, so at most 64 at a time, to stay far below the open-file limit.
 */
async function wrapNewKeys(kek: KeyEncryptionKey, count: number) {
  const keys: { key: Buffer; wrapped: Buffer; version: string }[] = [];
  for (let done = 0; done < count; done += 64) {
    const chunk = Array.from({ length: Math.min(64, count - done) }, async () => {
      const key = randomBytes(32);
      return { key, ...(await kek.wrap(key)) };
    });
    keys.push(...(await Promise.all(chunk)));
  }
  return keys;
}

/** One transaction, four statements, whatever the batch size. `first` numbers the references. */
export async function insertBatch(
  tx: Queryable,
  fixture: Fixture,
  b: Batch,
  fast: boolean,
  first: number,
): Promise<void> {
  // The benchmark's own rows can be redone: not waiting for the WAL flush at each commit is safe.
  if (fast) await tx.query('SET LOCAL synchronous_commit = off');
  await tx.query(
    `INSERT INTO data_key (owner, wrapped, kek_version)
     SELECT owner, decode(wrapped, 'hex'), version FROM unnest($1::text[], $2::text[], $3::text[]) AS t (owner, wrapped, version)`,
    [b.keyOwners, b.wrapped, b.kekVersions],
  );
  await tx.query(
    `INSERT INTO marac_case (id, partnership_id, area_id, first_referred_on, last_referred_on)
     SELECT id, $1, area, d, d FROM unnest($2::uuid[], $3::uuid[], $4::date[]) AS t (id, area, d)`,
    [fixture.partnershipId, b.caseIds, b.areas, b.referredOn],
  );
  await tx.query(
    `INSERT INTO referral (id, reference, case_id, area_id, partnership_id, referrer_person_id,
       referrer_agency_id, status, form, question_set, score, band, criteria, referred_on, submitted_at)
     SELECT id, 'BENCH-' || ($10::int + n - 1), case_id, area, $1, $2, agency, status, form, 'safelives-24', 15, 'high',
       '{visible-high-risk}', d, CASE WHEN status = 'draft' THEN NULL ELSE d::timestamptz END
     FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::date[])
       WITH ORDINALITY AS t (id, case_id, area, agency, status, form, d, n)`,
    [
      fixture.partnershipId,
      fixture.personId,
      b.referralIds,
      b.caseIds,
      b.areas,
      b.agencies,
      b.statuses,
      b.forms,
      b.referredOn,
      first,
    ],
  );
  await tx.query(
    `INSERT INTO victim_term (referral_id, partnership_id, kind, term)
     SELECT referral_id, $1, kind, term FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t (referral_id, kind, term)`,
    [fixture.partnershipId, b.termReferral, b.termKind, b.term],
  );
}
