/** Placeholder: the encryption-at-rest work fills this in. */
export const dataKeys = `SELECT 1;`;
