/**
 * Agendas: how each agency receives papers, who sits on each meeting, the coordinator's order and
 * late cases, and every published version. The agenda and its changes are ciphertext under the
 * area's data key (they hold names); certificates too (they name the rep). Delivery rows gain the
 * mode and agency fixed when the version was published, and the password of a `password` copy
 * (ciphertext), so a retry sends the same file the rep was told how to open.
 */
export const agendas = `
ALTER TABLE area_agency
  ADD COLUMN delivery_mode text NOT NULL DEFAULT 'link'
    CHECK (delivery_mode IN ('smime', 'password', 'purview', 'link')),
  ADD COLUMN certificates text;

CREATE TABLE meeting_person (
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  person_id uuid NOT NULL REFERENCES person (id),
  role text NOT NULL CHECK (role IN ('chair', 'idva')),
  PRIMARY KEY (meeting_id, person_id, role)
);

CREATE TABLE agenda_order (
  meeting_id uuid PRIMARY KEY REFERENCES meeting (id),
  referral_ids uuid[] NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agenda_late_case (
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  referral_id uuid NOT NULL REFERENCES referral (id),
  reason text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, referral_id)
);

CREATE TABLE agenda_version (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  version integer NOT NULL CHECK (version >= 1),
  content text NOT NULL,
  changes text NOT NULL,
  published_at timestamptz NOT NULL,
  published_by uuid REFERENCES person (id),
  UNIQUE (meeting_id, version)
);

ALTER TABLE mail_delivery
  ADD COLUMN mode text CHECK (mode IN ('smime', 'password', 'purview', 'link')),
  ADD COLUMN agency_id uuid REFERENCES agency (id),
  ADD COLUMN secret text,
  -- How often the coordinator sent a dead row again: a resend asks Sent Items first, like a retry.
  ADD COLUMN resends integer NOT NULL DEFAULT 0;
CREATE INDEX mail_delivery_subject ON mail_delivery (subject_id);
`;
