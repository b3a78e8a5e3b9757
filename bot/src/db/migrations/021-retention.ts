/**
 * Retention and erasure (issue #13, part 3). Each area keeps case records for
 * `retention_months` after their last MARAC (72, six years, unless its information sharing
 * agreement says otherwise); the nightly purge then erases them.
 *
 * Erasure must also defeat backups, so a case's data key (and a meeting's, for its agendas and
 * minutes) is wrapped not by the key-encryption key but by the key of its **retention period**:
 * one key per area and calendar quarter in which records fall due, kept outside the database (a
 * key file, or a Key Vault key) and destroyed once its quarter has ended and nothing it wraps is
 * left. `data_key.period` names that key; NULL is the key-encryption key, as before. A backup
 * holds the wrapped data keys of erased cases, but no longer the key that opens them.
 *
 * Idempotency answers can quote what was typed, so theirs are wrapped under a key per day
 * (`transient-<date>`), destroyed two days later.
 *
 * The indexes find every row of a case by its case and referral, for the erasure and for
 * working out when a case falls due; `purge_run` lets one app instance run the night's purge;
 * `retention_state.meeting_keys` is false until the app has re-sealed agendas, minutes and
 * passwords written under the area's key (before this migration) under their meeting's key.
 */
export const retention = `
ALTER TABLE area
  ADD COLUMN retention_months integer NOT NULL DEFAULT 72
    CHECK (retention_months BETWEEN 12 AND 1200);

ALTER TABLE data_key
  ADD COLUMN period text CHECK (period ~ '^([0-9a-f-]{36}-[0-9]{4}-q[1-4]|transient-[0-9]{4}-[0-9]{2}-[0-9]{2})$');
CREATE INDEX data_key_period ON data_key (period) WHERE period IS NOT NULL;

CREATE INDEX marac_case_area ON marac_case (area_id);
CREATE INDEX marac_case_repeat_of ON marac_case (repeat_of_case_id) WHERE repeat_of_case_id IS NOT NULL;
CREATE INDEX meeting_case_referral ON meeting_case (referral_id);
CREATE INDEX meeting_case_case ON meeting_case (case_id);
CREATE INDEX research_referral ON research (referral_id);
CREATE INDEX research_case ON research (case_id);
CREATE INDEX meeting_action_referral ON meeting_action (referral_id);
CREATE INDEX meeting_action_case ON meeting_action (case_id);
CREATE INDEX action_update_case ON action_update (case_id);
CREATE INDEX meeting_correction_case ON meeting_correction (case_id);
CREATE INDEX agenda_late_case_referral ON agenda_late_case (referral_id);
CREATE INDEX research_opened_case_referral ON research_opened_case (referral_id);

CREATE TABLE purge_run (
  day date PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  erased_cases integer,
  erased_meetings integer,
  destroyed_keys integer
);

CREATE TABLE retention_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  meeting_keys boolean NOT NULL DEFAULT false
);
INSERT INTO retention_state DEFAULT VALUES;
`;
