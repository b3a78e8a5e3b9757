/** Placeholder: the audit log work fills this in. */
export const auditLog = `SELECT 1;`;
