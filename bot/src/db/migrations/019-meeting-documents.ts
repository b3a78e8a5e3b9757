/**
 * After the meeting (issue #11): the documents a closed meeting produces, the action plan and the
 * minutes. Each row is one numbered version of one kind of document for one meeting: the action
 * plan is written once at close; the minutes' draft opens at close, is edited (its `version` rises
 * on every save, and a stale one is refused), approved, then circulated and frozen: a correction
 * after circulation is a new number, audited. The content (names, notes, actions) is one sealed
 * JSON document under the area's data key; the plain columns are ids, states and times, what the
 * coordinator's deadlines read. Deliveries go through `mail_delivery` (purpose `action-plan` or
 * `minutes`, subject the document row, one row per agency).
 */
export const meetingDocuments = `
CREATE TABLE meeting_document (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  area_id uuid NOT NULL REFERENCES area (id),
  kind text NOT NULL CHECK (kind IN ('action-plan', 'minutes')),
  number integer NOT NULL CHECK (number >= 1),
  state text NOT NULL CHECK (state IN ('draft', 'approved', 'circulated')),
  content text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  due_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES person (id),
  approved_at timestamptz,
  approved_by uuid REFERENCES person (id),
  circulated_at timestamptz,
  circulated_by uuid REFERENCES person (id),
  UNIQUE (meeting_id, kind, number),
  CHECK ((state = 'draft') = (approved_at IS NULL)),
  CHECK ((state = 'circulated') = (circulated_at IS NOT NULL))
);
CREATE INDEX meeting_document_area ON meeting_document (area_id, kind, state);
`;
