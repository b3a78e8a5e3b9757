import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db, Queryable } from '../db/db.js';
import {
  recountVictimTerms,
  replaceVictimTerms,
  victimTerms,
  type VictimIdentity,
} from './victim-terms.js';

/**
 * The version of the terms `victimTerms` makes. Raise it whenever the terms change (a new kind,
 * another normalisation): the app then re-indexes every stored referral once at start.
 * 1: the terms of migration 004. 2: phonetic, nickname, date-part and blocking terms (issue 7).
 */
export const MATCHING_TERMS_VERSION = 2;

const BATCH = 500;

interface Row {
  id: string;
  case_id: string;
  partnership_id: string;
  form: string;
}

/**
 * Brings every stored referral's blind index terms up to MATCHING_TERMS_VERSION, if they are not
 * already; returns how many referrals were re-indexed (0 when nothing was to do).
 *
 * It runs at start, before the app serves anyone, rather than as an operator command: a
 * duplicate check against half-indexed data would miss duplicates without a word, and a
 * partnership's few thousand referrals a year take seconds. Terms are HMACs of decrypted forms,
 * so SQL alone cannot make them. Each batch is one transaction; a re-index cut short starts again
 * at the next start (replacing terms is idempotent), and two instances starting together
 * write the same terms.
 */
export async function reindexMatching(db: Db, crypto: AppCrypto): Promise<number> {
  if ((await storedVersion(db)) >= MATCHING_TERMS_VERSION) return 0;
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const { rows } = await tx.query<Row>(
        `SELECT id, case_id, partnership_id, form FROM referral WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      for (const row of rows) await reindexOne(tx, crypto, row);
      return rows;
    });
    done += batch.length;
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.id;
  }
  await db.transaction(async (tx) => {
    await recountVictimTerms(tx);
    await tx.query('UPDATE matching_index SET version = $1, reindexed_at = now()', [
      MATCHING_TERMS_VERSION,
    ]);
  });
  return done;
}

async function storedVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ version: number }>('SELECT version FROM matching_index');
  return rows[0]?.version ?? 0;
}

async function reindexOne(tx: Queryable, crypto: AppCrypto, row: Row): Promise<void> {
  const ref = { keyOwner: `case:${row.case_id}`, table: 'referral', column: 'form', rowId: row.id };
  const form = JSON.parse(await crypto.cipher.decrypt(ref, row.form, tx)) as {
    victim?: Partial<VictimIdentity> | null;
  };
  // A draft may hold a victim without a name or a date yet: index what there is.
  const victim = form.victim ?? {};
  const identity: VictimIdentity = {
    name: typeof victim.name === 'string' ? victim.name : '',
    otherNames: Array.isArray(victim.otherNames) ? victim.otherNames : [],
    dateOfBirth: victim.dateOfBirth ?? null,
    address: victim.address ?? null,
  };
  await replaceVictimTerms(tx, row.id, row.partnership_id, victimTerms(crypto.indexer, identity));
}
