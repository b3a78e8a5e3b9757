/**
 * The meeting itself (issue #10): the run (started, the case everyone is on, closed), the
 * attendance register with each person's confirmation of the confidentiality statement, the
 * running order of cases (a snapshot taken when the chair starts, so a case deferred to another
 * meeting stays in this meeting's record), the notes and actions agreed, the review of earlier
 * meetings' incomplete actions, and the corrections made after the record was frozen.
 *
 * Everything typed at the meeting about a family is ciphertext under the case's data key
 * (`case_id`, as for research: it is recorded so the row still opens after a merge). Plain
 * columns are ids, states, times and versions: what the live view and the chasing read.
 * `version` columns rise by one on every write: a writer names the version it started from,
 * and a stale one is refused (409) rather than overwriting what someone else saved.
 */
export const meetingRun = `
ALTER TABLE area
  ADD COLUMN case_target_minutes integer NOT NULL DEFAULT 12
    CHECK (case_target_minutes BETWEEN 5 AND 60);

CREATE TABLE meeting_run (
  meeting_id uuid PRIMARY KEY REFERENCES meeting (id),
  state text NOT NULL CHECK (state IN ('in-progress', 'closed')),
  started_at timestamptz NOT NULL,
  started_by uuid REFERENCES person (id),
  current_referral_id uuid REFERENCES referral (id),
  closed_at timestamptz,
  closed_by uuid REFERENCES person (id),
  version integer NOT NULL DEFAULT 1,
  CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
  CHECK (state = 'in-progress' OR current_referral_id IS NULL)
);

CREATE TABLE meeting_attendance (
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  person_id uuid NOT NULL REFERENCES person (id),
  seat text NOT NULL CHECK (seat IN ('chair', 'coordinator', 'rep', 'idva', 'observer')),
  agency_id uuid REFERENCES agency (id),
  attendance text CHECK (attendance IN ('present', 'apologies')),
  info_sent_in_advance boolean NOT NULL DEFAULT false,
  confirmed_at timestamptz,
  recorded_by uuid REFERENCES person (id),
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE meeting_case (
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  referral_id uuid NOT NULL REFERENCES referral (id),
  case_id uuid NOT NULL REFERENCES marac_case (id),
  position integer NOT NULL,
  reference text NOT NULL,
  has_children boolean NOT NULL,
  state text NOT NULL CHECK (state IN ('waiting', 'current', 'heard', 'deferred')),
  current_since timestamptz,
  seconds_spent integer NOT NULL DEFAULT 0,
  defer_reason text,
  deferred_to uuid REFERENCES meeting (id),
  notes text,
  notes_version integer NOT NULL DEFAULT 0,
  notes_updated_by uuid REFERENCES person (id),
  notes_updated_at timestamptz,
  PRIMARY KEY (meeting_id, referral_id),
  CHECK ((state = 'current') = (current_since IS NOT NULL))
);

CREATE TABLE meeting_action (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  referral_id uuid NOT NULL REFERENCES referral (id),
  case_id uuid NOT NULL REFERENCES marac_case (id),
  area_id uuid NOT NULL REFERENCES area (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  -- owner person, what, risk: one sealed JSON document
  body text NOT NULL,
  due_at timestamptz NOT NULL,
  urgent text CHECK (urgent IN ('childrens-services-referral', 'strategy-discussion')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'ongoing', 'not-done')),
  created_by uuid REFERENCES person (id),
  created_at timestamptz NOT NULL,
  updated_by uuid REFERENCES person (id),
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX meeting_action_meeting ON meeting_action (meeting_id, referral_id);
CREATE INDEX meeting_action_incomplete ON meeting_action (area_id, due_at)
  WHERE status IN ('open', 'ongoing');

CREATE TABLE action_review (
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  action_id uuid NOT NULL REFERENCES meeting_action (id),
  outcome text NOT NULL CHECK (outcome IN ('done', 'ongoing', 'not-done')),
  not_done_reason text CHECK (not_done_reason IN ('circumstances-changed', 'agency-did-not-act')),
  new_due_at timestamptz,
  reviewed_by uuid REFERENCES person (id),
  reviewed_at timestamptz NOT NULL,
  PRIMARY KEY (meeting_id, action_id),
  CHECK ((outcome = 'not-done') = (not_done_reason IS NOT NULL)),
  CHECK ((outcome = 'ongoing') = (new_due_at IS NOT NULL))
);

-- After close: what a record said before each correction, and why it was corrected (sealed).
CREATE TABLE meeting_correction (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  record_type text NOT NULL CHECK (record_type IN ('notes', 'action')),
  record_id text NOT NULL,
  case_id uuid NOT NULL REFERENCES marac_case (id),
  version integer NOT NULL,
  before text NOT NULL,
  reason text NOT NULL,
  corrected_by uuid REFERENCES person (id),
  corrected_at timestamptz NOT NULL
);
CREATE INDEX meeting_correction_record ON meeting_correction (meeting_id, record_type, record_id);
`;
