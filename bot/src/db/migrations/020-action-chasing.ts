/**
 * Chasing the actions agreed at meetings (issue #11, item 4), and the case lifecycle (item 6).
 *
 * Per area, when an action's owner agency is reminded: `action_reminder_days_before` working
 * days before the due day (2 by default); on the morning of the due day as well for an action
 * set at short notice (due within `action_short_notice_hours` of being agreed: 72 by default,
 * the children's services window); and once overdue, on the next working day and then every
 * `action_overdue_every_days` days (7 by default) until it is done or ended.
 *
 * `action_reminder`: one row per action, due time, reminder and rep, written in the same
 * transaction as the outbox job that sends it, so a reminder is raised once whatever happens to
 * the outbox rows later (a restart, a second app instance, a future clean-up of sent jobs). A new
 * due time (an owner's update) is a new set of reminders. Ids, names of reminders and times only.
 */
export const actionChasing = `
ALTER TABLE area
  ADD COLUMN action_reminder_days_before integer NOT NULL DEFAULT 2
    CHECK (action_reminder_days_before BETWEEN 1 AND 10),
  ADD COLUMN action_short_notice_hours integer NOT NULL DEFAULT 72
    CHECK (action_short_notice_hours BETWEEN 0 AND 168),
  ADD COLUMN action_overdue_every_days integer NOT NULL DEFAULT 7
    CHECK (action_overdue_every_days BETWEEN 1 AND 28);

CREATE TABLE action_reminder (
  action_id uuid NOT NULL REFERENCES meeting_action (id),
  due_at timestamptz NOT NULL,
  reminder text NOT NULL CHECK (reminder ~ '^(before|due-day|overdue-[0-9]+)$'),
  person_id uuid NOT NULL REFERENCES person (id),
  raised_at timestamptz NOT NULL,
  PRIMARY KEY (action_id, due_at, reminder, person_id)
);

CREATE INDEX meeting_action_owner_incomplete ON meeting_action (area_id, owner_agency_id)
  WHERE status IN ('open', 'ongoing');
`;
