/**
 * Research settings per area, beside `research_sharing`: whether a deputy is prompted with the
 * core rep or only once the core rep is marked absent for a meeting, and the working days
 * before a meeting on which reps who have not answered are reminded (3 and 1 unless the area
 * says otherwise).
 *
 * `research_core_rep_absent`: the coordinator marked an agency's core rep absent for one
 * meeting, which sends the deputy the research prompt where the area prompts deputies only then.
 */
export const researchSettings = `
ALTER TABLE area
  ADD COLUMN research_deputies text NOT NULL DEFAULT 'always'
    CHECK (research_deputies IN ('always', 'when-core-absent')),
  ADD COLUMN research_reminder_days integer[] NOT NULL DEFAULT '{3,1}';

CREATE TABLE research_core_rep_absent (
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  marked_by uuid REFERENCES person (id),
  marked_at timestamptz NOT NULL,
  PRIMARY KEY (meeting_id, agency_id)
);
`;
