import type { Queryable } from '../db/db.js';

/**
 * What a card action led to, kept so that a second click on the same card gets the same answer:
 * the draft's id and the card to show again (a step's name, or how it ended). Ids and step names
 * only, never what was typed.
 */
export interface CardOutcome {
  referralId?: string;
  show: string;
}

export type Claim =
  | { kind: 'new' }
  | { kind: 'done'; outcome: CardOutcome }
  | { kind: 'busy' }
  | { kind: 'not-yours' };

/** Operations live 24 hours: long enough for any retry, short enough to stay small. */
const KEEP = "interval '24 hours'";
const PENDING = { show: 'pending' };

/** The `card_operations` table: one row per card action already taken. */
export function sqlCardOperations(q: Queryable) {
  return {
    /** Takes the operation for this person, or says what it already led to. */
    async claim(op: string, personId: string): Promise<Claim> {
      await q.query(`DELETE FROM card_operations WHERE created_at < now() - ${KEEP}`);
      const taken = await q.query(
        `INSERT INTO card_operations (id, person_id, outcome) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [op, personId, JSON.stringify(PENDING)],
      );
      if (taken.rows.length === 1) return { kind: 'new' };
      const found = await q.query<{ person_id: string; outcome: CardOutcome | string }>(
        'SELECT person_id, outcome FROM card_operations WHERE id = $1',
        [op],
      );
      const row = found.rows[0];
      if (!row) return { kind: 'busy' };
      if (row.person_id !== personId) return { kind: 'not-yours' };
      const outcome =
        typeof row.outcome === 'string' ? (JSON.parse(row.outcome) as CardOutcome) : row.outcome;
      return outcome.show === PENDING.show ? { kind: 'busy' } : { kind: 'done', outcome };
    },
    async complete(op: string, outcome: CardOutcome): Promise<void> {
      await q.query('UPDATE card_operations SET outcome = $2 WHERE id = $1', [
        op,
        JSON.stringify(outcome),
      ]);
    },
    /** An action that failed gives its operation back, so the same click can be tried again. */
    async release(op: string): Promise<void> {
      await q.query('DELETE FROM card_operations WHERE id = $1', [op]);
    },
  };
}
