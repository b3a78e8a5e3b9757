import { createHmac } from 'node:crypto';
import { nameTokens, normaliseDateOfBirth, normalisePostcode } from '#core/matching/normalise.js';
import type { Queryable } from '../db/db.js';
import { DataKeyRing } from './data-key-ring.js';
import type { KeyEncryptionKey } from './kek.js';

/** The `data_key` owner of the blind index key. */
export const BLIND_INDEX_OWNER = 'blind-index';

/** Kinds of the matching terms that bot/src/matching builds from normalised values. */
export type MatchTermKind = 'phonetic' | 'nickname' | 'dob-part' | 'block';

type Kind = 'name' | 'dob' | 'postcode' | 'outward' | 'email' | MatchTermKind;

/**
 * Blind index terms: HMAC-SHA256 of normalised names, dates of birth and postcodes under a key of
 * their own, so the duplicate and repeat checks compare terms in SQL without decrypting anyone.
 * Each kind has its own prefix inside the HMAC, so a name can never equal a postcode's term.
 *
 * The key is made once and never rotated by `rotate-keys` (a new key would change every term
 * and need every record re-indexed); only its wrapping by the KEK is renewed, like any data key.
 */
export class BlindIndexer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new RangeError('A blind index key is 256 bits.');
  }

  /** The indexer with the stored key (owner `blind-index`), made and stored on first use. */
  static async load(db: Queryable, kek: KeyEncryptionKey): Promise<BlindIndexer> {
    return new BlindIndexer(await new DataKeyRing(kek, 1).forWriting(db, BLIND_INDEX_OWNER));
  }

  /** One term per name word (hyphenated halves and their join included); none for an empty name. */
  nameTerms(name: string): string[] {
    return nameTokens(name).map((token) => this.term('name', token));
  }

  /** The date's term, and its day/month-transposed twin's; none when not a real date. */
  dobTerms(dob: string | null | undefined): string[] {
    const normal = normaliseDateOfBirth(dob);
    if (!normal) return [];
    const dates = normal.transposed ? [normal.date, normal.transposed] : [normal.date];
    return dates.map((date) => this.term('dob', date));
  }

  /** `[full postcode term, outward code term]`; none when the postcode is missing or invalid. */
  postcodeTerms(pc: string | null | undefined): string[] {
    const normal = normalisePostcode(pc);
    return normal
      ? [this.term('postcode', normal.postcode), this.term('outward', normal.outward)]
      : [];
  }

  /** The exact-match term of an email address (case and surrounding space ignored). */
  emailTerm(email: string): string {
    return this.term('email', email.trim().toLowerCase());
  }

  /**
   * The term of a value already normalised by core/matching (a name word, a phonetic code, a nickname's
   * canonical form, a pair of a date's parts, a blocking key).
   */
  matchTerm(kind: MatchTermKind | 'name', value: string): string {
    return this.term(kind, value);
  }

  private term(kind: Kind, value: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${value}`, 'utf8').digest('hex');
  }
}
