/**
 * The history of cases moved between meetings (by hand, or because their meeting was cancelled),
 * so a coordinator can always answer "where did this case go, and why". The reason is ciphertext
 * under the case's data key: a coordinator's words can name people.
 */
export const caseMoves = `
CREATE TABLE case_move (
  id uuid PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referral (id),
  from_meeting_id uuid NOT NULL REFERENCES meeting (id),
  to_meeting_id uuid NOT NULL REFERENCES meeting (id),
  reason text NOT NULL,
  moved_at timestamptz NOT NULL
);
CREATE INDEX case_move_referral ON case_move (referral_id);
`;
