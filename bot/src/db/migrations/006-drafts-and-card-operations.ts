/**
 * Drafts that hold whatever has been typed, and the bot's record of card actions already done.
 *
 * A draft may be saved before the referrer has chosen their agency; every other state names it.
 * A card action carries an operation id the server put in the card's data when it rendered the
 * card: the first use is recorded here with its outcome (ids and a step, never what was typed),
 * so a second click on the same card gets the same answer and changes nothing.
 */
export const draftsAndCardOperations = `
ALTER TABLE referral ALTER COLUMN referrer_agency_id DROP NOT NULL;
ALTER TABLE referral ADD CONSTRAINT referral_agency_unless_draft
  CHECK (status = 'draft' OR referrer_agency_id IS NOT NULL);

CREATE TABLE card_operations (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id),
  outcome jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Operations are kept for 24 hours: the purge deletes older ones by this index.
CREATE INDEX card_operations_created ON card_operations (created_at);
`;
