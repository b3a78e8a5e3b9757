/**
 * Cases, referrals, the victim's blind index terms for the duplicate and cross-MARAC checks, and
 * the candidates those checks found for a coordinator to merge or dismiss.
 *
 * The partnership is repeated on referral and victim_term so the check can stay inside one
 * partnership without a join; composite foreign keys make sure the copies always agree, so a
 * term can never be filed under another partnership than its referral's.
 */
export const referrals = `
CREATE TABLE marac_case (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  area_id uuid NOT NULL REFERENCES area (id),
  repeat_of_case_id uuid REFERENCES marac_case (id),
  first_referred_on date NOT NULL,
  last_referred_on date NOT NULL,
  last_heard_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, partnership_id)
);

CREATE TABLE referral (
  id uuid PRIMARY KEY,
  reference text NOT NULL,
  case_id uuid NOT NULL,
  area_id uuid NOT NULL REFERENCES area (id),
  partnership_id uuid NOT NULL,
  referrer_person_id uuid NOT NULL REFERENCES person (id),
  referrer_agency_id uuid NOT NULL REFERENCES agency (id),
  status text NOT NULL
    CHECK (status IN ('draft', 'submitted', 'needs-information', 'accepted', 'declined', 'merged')),
  form text NOT NULL, -- ciphertext of the form JSON, under the case's data key
  question_set text,
  score integer,
  band text NOT NULL,
  criteria text[] NOT NULL DEFAULT '{}',
  is_repeat boolean NOT NULL DEFAULT false,
  mappa_lead boolean NOT NULL DEFAULT false,
  children_count integer NOT NULL DEFAULT 0,
  meeting_id uuid REFERENCES meeting (id),
  decision_note text, -- ciphertext: a coordinator's words can name people
  referred_on date NOT NULL,
  submitted_at timestamptz,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, partnership_id),
  UNIQUE (partnership_id, reference),
  FOREIGN KEY (case_id, partnership_id) REFERENCES marac_case (id, partnership_id)
);
CREATE INDEX referral_area_status ON referral (area_id, status);
CREATE INDEX referral_meeting ON referral (meeting_id);
CREATE INDEX referral_case ON referral (case_id);

-- HMAC terms of the victim's name words, date of birth and postcode (full and outward code): the
-- checks compare these and never decrypt a form. Only the real date of birth is stored; the check
-- looks up its day/month-swapped twin as well, which finds the same pairs and tells which it was.
CREATE TABLE victim_term (
  referral_id uuid NOT NULL,
  partnership_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('name', 'dob', 'postcode', 'outward')),
  term text NOT NULL,
  PRIMARY KEY (referral_id, kind, term),
  FOREIGN KEY (referral_id, partnership_id) REFERENCES referral (id, partnership_id) ON DELETE CASCADE
);
-- The check's one lookup (term = ANY(...) within a partnership) reads this index alone: the
-- included columns spare a heap visit for each of the thousands of rows a common name has.
CREATE INDEX victim_term_lookup ON victim_term (partnership_id, term) INCLUDE (referral_id, kind);

CREATE TABLE duplicate_candidate (
  referral_id uuid NOT NULL REFERENCES referral (id),
  candidate_referral_id uuid NOT NULL REFERENCES referral (id),
  confidence real NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'dismissed')),
  decided_by uuid,
  decided_at timestamptz,
  PRIMARY KEY (referral_id, candidate_referral_id)
);
CREATE INDEX duplicate_candidate_candidate ON duplicate_candidate (candidate_referral_id);
`;
