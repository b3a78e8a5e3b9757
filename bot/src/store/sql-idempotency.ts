import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '#core/shared/errors.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import { FieldDecryptionError } from '../crypto/field-cipher.js';
import type { Db } from '../db/db.js';

/**
 * `Idempotency-Key` for create routes (DESIGN.md, "Every create is idempotent"): the same key
 * from the same caller on the same route within 24 hours gets the first answer (status and body)
 * and writes nothing more. A request reserves its key before it runs; a second request with that
 * key waits for the first to finish and gets its answer, so a double click never writes twice.
 * A request that fails (4xx or 5xx) gives its key up, so the person can retry with it.
 */
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** A reservation this old without an answer was left by a process that stopped mid-request. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;
/** How long a duplicate waits for the first request's answer before it is told to try later. */
const WAIT_MS = 30_000;
const POLL_MS = 50;

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export interface IdempotencyScope {
  callerId: string;
  /** The route's audit action name, e.g. `api.post.referrals`. */
  route: string;
  key: string;
}

export type Reservation =
  { kind: 'new'; id: string } | { kind: 'replay'; status: number; body: unknown };

export interface IdempotencyStore {
  /** Reserves the key, or returns the answer already given for it (waiting while it is made). */
  reserve(scope: IdempotencyScope, request: unknown): Promise<Reservation>;
  /** Keeps the answer for the next request with this key. */
  complete(scope: IdempotencyScope, id: string, status: number, body: unknown): Promise<void>;
  /** Gives the key up after a failure, so it can be used again. */
  release(scope: IdempotencyScope, id: string): Promise<void>;
}

/** JSON with object keys sorted, so the same body written in another key order is the same body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const requestHash = (request: unknown) =>
  createHash('sha256').update(canonical(request)).digest('base64url');

interface Row {
  id: string;
  request_hash: string;
  created_at: Date | string;
  reserved_at: Date | string;
  status: number | null;
  response: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const time = (t: Date | string) => new Date(t).getTime();

export function sqlIdempotencyStore(options: {
  db: Db;
  crypto: AppCrypto;
  now: () => Date;
}): IdempotencyStore {
  const { db, crypto, now } = options;
  // An answer can quote what was typed (a research response, minutes): it is sealed under a
  // data key of the caller and the day, wrapped under that day's transient retention key, which
  // the purge destroys two days later, so a backup does not keep answers readable for ever.
  // Answers written before migration 021 are under the caller's one key (`legacy`).
  const ref = (scope: IdempotencyScope, id: string, createdAt: Date | string | null) => ({
    keyOwner:
      createdAt === null
        ? `idempotency:${scope.callerId}`
        : `idempotency:${scope.callerId}:${new Date(createdAt).toISOString().slice(0, 10)}`,
    table: 'idempotency_key',
    column: 'response',
    rowId: id,
  });
  const openAnswer = async (scope: IdempotencyScope, row: Row & { response: string }) => {
    try {
      return await crypto.cipher.decrypt(ref(scope, row.id, row.created_at), row.response);
    } catch (error) {
      if (!(error instanceof FieldDecryptionError)) throw error;
      return crypto.cipher.decrypt(ref(scope, row.id, null), row.response);
    }
  };
  const where = 'caller_id = $1 AND route = $2 AND key = $3';
  const scopeParams = (s: IdempotencyScope) => [s.callerId, s.route, s.key];

  async function tryInsert(scope: IdempotencyScope, hash: string): Promise<string | null> {
    const id = randomUUID();
    const at = now();
    await db.query('DELETE FROM idempotency_key WHERE created_at < $1', [
      new Date(at.getTime() - KEY_LIFETIME_MS),
    ]);
    const inserted = await db.query(
      `INSERT INTO idempotency_key (caller_id, route, key, id, request_hash, created_at, reserved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT DO NOTHING`,
      [...scopeParams(scope), id, hash, at],
    );
    return inserted.affectedRows === 1 ? id : null;
  }

  return {
    async reserve(scope, request) {
      const hash = requestHash(request);
      const deadline = Date.now() + WAIT_MS;
      for (;;) {
        const id = await tryInsert(scope, hash);
        if (id) return { kind: 'new', id };
        const found = await db.query<Row>(
          `SELECT id, request_hash, created_at, reserved_at, status, response FROM idempotency_key WHERE ${where}`,
          scopeParams(scope),
        );
        const row = found.rows[0];
        if (!row) continue; // the first request failed and gave the key up: take it
        if (row.request_hash !== hash) {
          throw new DomainError(
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was already used for a different request. Use a new key for each action.',
          );
        }
        if (row.status !== null && row.response !== null) {
          const body: unknown = JSON.parse(
            await openAnswer(scope, { ...row, response: row.response }),
          );
          return { kind: 'replay', status: row.status, body };
        }
        if (now().getTime() - time(row.reserved_at) > ABANDONED_AFTER_MS) {
          const taken = await db.query(
            `UPDATE idempotency_key SET reserved_at = $5 WHERE ${where} AND id = $4 AND status IS NULL`,
            [...scopeParams(scope), row.id, now()],
          );
          if (taken.affectedRows === 1) return { kind: 'new', id: row.id };
          continue;
        }
        if (Date.now() > deadline) {
          throw new DomainError(
            'IDEMPOTENCY_KEY_IN_USE',
            'The same request is still being handled. Wait a minute, then check whether it was done before you try again.',
          );
        }
        await sleep(POLL_MS);
      }
    },
    async complete(scope, id, status, body) {
      const created = await db.query<{ created_at: Date | string }>(
        'SELECT created_at FROM idempotency_key WHERE id = $1',
        [id],
      );
      const createdAt = created.rows[0]?.created_at ?? now();
      const sealed = await crypto.cipher.encrypt(
        ref(scope, id, createdAt),
        JSON.stringify(body ?? null),
      );
      await db.query(
        `UPDATE idempotency_key SET status = $5, response = $6 WHERE ${where} AND id = $4`,
        [...scopeParams(scope), id, status, sealed],
      );
    },
    async release(scope, id) {
      await db.query(`DELETE FROM idempotency_key WHERE ${where} AND id = $4`, [
        ...scopeParams(scope),
        id,
      ]);
    },
  };
}
