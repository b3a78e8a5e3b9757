/**
 * A notification whenever who holds which role may have changed (issue #10's meeting view):
 * each app instance keeps the roles of the people it serves and drops them all on this
 * notification, heard through the one database (in process with PGlite). Statement-level, with
 * an empty payload: such changes are rare, and nothing about a person crosses NOTIFY. The
 * channel is `marac_roles`, or `marac_roles_<schema>` outside `public`, as for live events.
 */
export const roleChanges = `
CREATE FUNCTION marac_roles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(CASE current_schema() WHEN 'public' THEN 'marac_roles'
    ELSE 'marac_roles_' || current_schema() END, '');
  RETURN NULL;
END $$;
CREATE TRIGGER area_role_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area_role
  FOR EACH STATEMENT EXECUTE FUNCTION marac_roles_changed();
CREATE TRIGGER area_agency_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area_agency
  FOR EACH STATEMENT EXECUTE FUNCTION marac_roles_changed();
CREATE TRIGGER area_changed AFTER UPDATE OR DELETE OR TRUNCATE ON area
  FOR EACH STATEMENT EXECUTE FUNCTION marac_roles_changed();
`;
