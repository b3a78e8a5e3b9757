/**
 * Matching that finds the same victim written differently (issue 7): more kinds of blind index
 * terms, the term frequencies that weigh rare names above common ones, and the level of each
 * duplicate candidate.
 *
 * Terms are HMACs computed from decrypted forms, so SQL cannot make the new ones: the app
 * re-indexes every stored referral once it has migrated (bot/src/matching/reindex.ts), and
 * records here which version of the terms the store holds. 1 is the terms of migration 004.
 */
export const matchTerms = `
ALTER TABLE victim_term DROP CONSTRAINT victim_term_kind_check;
ALTER TABLE victim_term ADD CONSTRAINT victim_term_kind_check CHECK (kind IN
  ('name', 'phonetic', 'nickname', 'dob', 'dob-part', 'postcode', 'outward', 'block'));

-- How many referrals of the partnership have each exact name word (its term); under the empty
-- term, how many have a name at all. Counts of HMACs: no name is stored here either.
CREATE TABLE victim_term_count (
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  term text NOT NULL,
  referrals integer NOT NULL CHECK (referrals >= 0),
  PRIMARY KEY (partnership_id, term)
);
INSERT INTO victim_term_count (partnership_id, term, referrals)
SELECT partnership_id, term, count(*)::int FROM victim_term WHERE kind = 'name'
 GROUP BY partnership_id, term
UNION ALL
SELECT partnership_id, '', count(DISTINCT referral_id)::int FROM victim_term WHERE kind = 'name'
 GROUP BY partnership_id;

-- possible: the coordinator sees it; likely: the referrer is also told that one exists.
ALTER TABLE duplicate_candidate ADD COLUMN level text NOT NULL DEFAULT 'likely'
  CHECK (level IN ('possible', 'likely'));

CREATE TABLE matching_index (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version integer NOT NULL,
  reindexed_at timestamptz
);
INSERT INTO matching_index (version) VALUES (1);
`;
