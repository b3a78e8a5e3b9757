/**
 * What the referral workflow adds around the referral tables: an area's short code and referral
 * rules, the per-area reference sequence, the coordinator's MAPPA link note, and the list of
 * agencies on each meeting (a rep sees a case only while their agency is on its meeting's list).
 */
export const referralWorkflow = `
-- The code starts each referral reference (NBW-2026-0007); the number runs per partnership, so a
-- reference is unique however areas are coded.
ALTER TABLE area ADD COLUMN code text CHECK (code ~ '^[A-Z]{2,8}$');
ALTER TABLE area ADD COLUMN risk_settings jsonb;

ALTER TABLE referral ADD COLUMN mappa_link_note text; -- ciphertext

-- An extra meeting stands outside the series: it has its own calendar item.
ALTER TABLE meeting ADD COLUMN calendar_ref text;
ALTER TABLE meeting ADD COLUMN join_url text;

CREATE TABLE referral_sequence (
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (partnership_id, year)
);

CREATE TABLE meeting_agency (
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  PRIMARY KEY (meeting_id, agency_id)
);

-- Where the bot can reach a person in a one-to-one chat, for notices such as a referral's status.
-- The reference names the person and their tenant, so it is stored encrypted.
CREATE TABLE teams_conversation (
  person_id uuid PRIMARY KEY REFERENCES person (id),
  reference text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;
