/**
 * Action owners update their actions after the meeting (issue #11): mark one done (with a
 * note), move its due time (with a reason), or end it because it cannot be done (with the
 * reason). `cannot` is a new status: "ended with a reason", no longer incomplete. Incomplete
 * stays status IN ('open', 'ongoing').
 *
 * Each update is one row of `action_update`, its words sealed under the case's data key (as the
 * action's own words are); plain columns are ids, the outcome, times and the version the update
 * produced. (action_id, version) is unique: one version of an action comes from one update, so
 * a repeated click or request cannot record the same change twice.
 */
export const actionUpdates = `
ALTER TABLE meeting_action DROP CONSTRAINT meeting_action_status_check;
ALTER TABLE meeting_action ADD CONSTRAINT meeting_action_status_check
  CHECK (status IN ('open', 'done', 'ongoing', 'not-done', 'cannot'));

CREATE TABLE action_update (
  id uuid PRIMARY KEY,
  action_id uuid NOT NULL REFERENCES meeting_action (id),
  case_id uuid NOT NULL REFERENCES marac_case (id),
  outcome text NOT NULL CHECK (outcome IN ('done', 'update', 'cannot')),
  -- the note (done) or the reason (update, cannot): sealed
  words text NOT NULL,
  previous_due_at timestamptz NOT NULL,
  new_due_at timestamptz,
  -- the agency the update was made for (the owner), and who made it
  agency_id uuid NOT NULL REFERENCES agency (id),
  updated_by uuid REFERENCES person (id),
  updated_at timestamptz NOT NULL,
  -- the action's version after this update
  version integer NOT NULL,
  UNIQUE (action_id, version),
  CHECK ((outcome = 'update') = (new_due_at IS NOT NULL))
);
CREATE INDEX action_update_action ON action_update (action_id, updated_at);
CREATE INDEX meeting_action_owner ON meeting_action (owner_agency_id, area_id);
`;
