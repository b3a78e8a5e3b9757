/**
 * Partnership, areas, agencies and reps, meetings and their Outlook series, and the outbox that
 * carries every calendar and mail operation out of a committed transaction.
 */
export const foundation = `
CREATE TABLE partnership (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  region text NOT NULL CHECK (region IN ('england-and-wales', 'scotland', 'northern-ireland')),
  closures date[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE area (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  name text NOT NULL,
  mailbox text NOT NULL,
  protocol jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, name)
);

-- name and email hold ciphertext (enc:v1:...); email_index is the keyed HMAC that finds a
-- person by email without decrypting anyone.
CREATE TABLE person (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  name text NOT NULL,
  email text NOT NULL,
  email_index text NOT NULL UNIQUE,
  tenant_id text,
  object_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX person_entra ON person (tenant_id, object_id) WHERE object_id IS NOT NULL;

CREATE TABLE agency (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  name text NOT NULL,
  kind text NOT NULL,
  UNIQUE (partnership_id, name)
);

CREATE TABLE area_agency (
  area_id uuid NOT NULL REFERENCES area (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  core_rep_id uuid REFERENCES person (id),
  deputy_rep_id uuid REFERENCES person (id),
  PRIMARY KEY (area_id, agency_id),
  CHECK (core_rep_id IS NULL OR core_rep_id IS DISTINCT FROM deputy_rep_id)
);

CREATE TABLE area_role (
  area_id uuid NOT NULL REFERENCES area (id),
  person_id uuid NOT NULL REFERENCES person (id),
  role text NOT NULL CHECK (role IN ('coordinator', 'chair', 'idva', 'observer', 'admin')),
  PRIMARY KEY (area_id, person_id, role)
);

CREATE TABLE meeting_series (
  id uuid PRIMARY KEY,
  area_id uuid NOT NULL UNIQUE REFERENCES area (id),
  first_date date NOT NULL,
  until date NOT NULL CHECK (until >= first_date),
  sequence integer NOT NULL DEFAULT 0,
  calendar_status text NOT NULL DEFAULT 'pending'
    CHECK (calendar_status IN ('pending', 'sent', 'failed')),
  calendar_ref text,
  join_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE meeting (
  id uuid PRIMARY KEY,
  area_id uuid NOT NULL REFERENCES area (id),
  series_id uuid REFERENCES meeting_series (id),
  pattern_date date NOT NULL,
  date date NOT NULL,
  start_time text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('scheduled', 'moved', 'cancelled')),
  moved_from date,
  change_reason text, -- ciphertext: a coordinator's words can name people
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (series_id, pattern_date)
);
CREATE INDEX meeting_area_date ON meeting (area_id, date);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
`;
