/**
 * Data keys for encryption at rest: one random key per owner (a case, a partnership's directory,
 * the blind index), stored only wrapped by the key-encryption key, with the KEK version that
 * wrapped it so rotation can re-wrap it and older backups stay readable.
 */
export const dataKeys = `
CREATE TABLE data_key (
  owner text PRIMARY KEY,
  wrapped bytea NOT NULL,
  kek_version text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  rewrapped_at timestamptz
);
`;
