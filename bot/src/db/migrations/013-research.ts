/**
 * Research: one row per case, agency and meeting (a cell of the coordinator's matrix). The
 * response is ciphertext under the case's data key (it holds what an agency knows of a family);
 * status and times are plain, so the matrix and the chasing read no personal data. `late` is not
 * a status here: it is read from the deadline.
 *
 * Each area's sharing setting defaults to `status-only`: SafeLives' own guidance keeps research
 * inside each agency and has it shared verbally at the meeting (DOMAIN.md), so the safe default
 * is that no agency's words leave it through the app until the area's information sharing
 * protocol says otherwise and the coordinator changes the setting. A wider default would share
 * case data that no protocol has agreed to share.
 *
 * `research_opened_case` records the chair opening a case in the meeting, which is what unseals
 * submitted research under `at-meeting`.
 */
export const research = `
ALTER TABLE area
  ADD COLUMN research_sharing text NOT NULL DEFAULT 'status-only'
    CHECK (research_sharing IN ('before-meeting', 'at-meeting', 'status-only'));

CREATE TABLE research (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  referral_id uuid NOT NULL REFERENCES referral (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  -- Whose data key seals the response, as it was when written: merging a duplicate moves a
  -- referral to the earlier case, and the row must still open under the key it was sealed with.
  case_id uuid NOT NULL REFERENCES marac_case (id),
  status text NOT NULL
    CHECK (status IN ('not-sent', 'sent', 'seen', 'draft', 'submitted', 'nothing-known')),
  response text,
  submitted_by uuid REFERENCES person (id),
  submitted_at timestamptz,
  updated_by uuid REFERENCES person (id),
  updated_at timestamptz NOT NULL,
  UNIQUE (meeting_id, referral_id, agency_id),
  CHECK ((status IN ('submitted', 'nothing-known')) = (submitted_at IS NOT NULL))
);
CREATE INDEX research_meeting_agency ON research (meeting_id, agency_id);

CREATE TABLE research_opened_case (
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  referral_id uuid NOT NULL REFERENCES referral (id),
  opened_by uuid REFERENCES person (id),
  opened_at timestamptz NOT NULL,
  PRIMARY KEY (meeting_id, referral_id)
);
`;
