import type { Queryable } from '../../bot/src/db/db.js';
import type { AppCrypto } from '../../bot/src/crypto/app-crypto.js';

/**
 * Writes a victim's ethnicity or sexuality into a stored referral as the form took them before it
 * offered categories (issue #13): free text in `victim.ethnicity` / `victim.sexuality` of the
 * encrypted form, which the API no longer accepts. Data from before the change, for the tests of
 * what the app does with it.
 */
export async function storeLegacyWords(
  db: Queryable,
  crypto: AppCrypto,
  referralId: string,
  words: { ethnicity?: string; sexuality?: string },
): Promise<void> {
  const { rows } = await db.query<{ case_id: string; form: string }>(
    'SELECT case_id, form FROM referral WHERE id = $1',
    [referralId],
  );
  const row = rows[0]!;
  const ref = {
    keyOwner: `case:${row.case_id}`,
    table: 'referral',
    column: 'form',
    rowId: referralId,
  };
  const form = JSON.parse(await crypto.cipher.decrypt(ref, row.form, db)) as {
    victim: Record<string, unknown>;
  };
  Object.assign(form.victim, words);
  await db.query('UPDATE referral SET form = $2 WHERE id = $1', [
    referralId,
    await crypto.cipher.encrypt(ref, JSON.stringify(form), db),
  ]);
}
