/**
 * The audit log: one row for every read and write of case data and every denied request. It holds
 * who, what, which record, outcome and when, never the data itself: the log must stay safe to
 * hand to an investigator who may not see the cases.
 *
 * Append-only, in two layers:
 * - Privileges. A deployment on a PostgreSQL server runs migrations as an owner role and the app as
 *   a separate login role that holds only SELECT and INSERT on this table, e.g.
 *     GRANT SELECT, INSERT ON audit_log TO marac_app;
 *   (the app needs SELECT to read the last hash). The app role must not own the table: an owner
 *   may disable triggers. No roles are created here, because their names belong to the deployment.
 * - Triggers, for where the roles cannot be separated (PGlite, or a single-role server). They stop
 *   mistakes and the app's own SQL, not a superuser; a superuser's edits are caught by
 *   `npx marac audit-verify` through the hash chain and the signed checkpoint outside the table.
 *
 * Ids are assigned by the app in sequence under an advisory lock (no sequence object: a sequence
 * leaves gaps on rollback, and a gap must mean a deleted entry).
 */
export const auditLog = `
CREATE TABLE audit_log (
  id bigint PRIMARY KEY CHECK (id > 0),
  at timestamptz NOT NULL,
  actor_id uuid NULL,
  action text NOT NULL,
  record_type text NULL,
  record_id text NULL,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
  correlation_id text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
-- An investigator asks "who touched this case?" and "what did this person open?".
CREATE INDEX audit_log_record ON audit_log (record_type, record_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit entries are never changed or removed; append a new entry instead.';
END
$fn$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- PUBLIC holds none of these by default; revoking says so explicitly and is harmless everywhere.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
`;
