/**
 * One row per recipient of a message that must arrive exactly once (an agenda, an addendum):
 * written in the same transaction as what it delivers, leased by workers with SKIP LOCKED, and
 * kept with its outcome for the coordinator's delivery list. Ids and codes only: the message is
 * built from the store when it is sent, and the mailbox is the area's functional MARAC mailbox.
 */
export const mailDeliveries = `
CREATE TABLE mail_delivery (
  id bigserial PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose ~ '^[a-z-]{1,40}$'),
  subject_id uuid NOT NULL,
  recipient_key text NOT NULL CHECK (length(recipient_key) <= 200),
  mailbox text NOT NULL,
  message_id text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  lease_token uuid,
  last_error text,
  found_in_sent_items boolean NOT NULL DEFAULT false,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (purpose, subject_id, recipient_key)
);
CREATE INDEX mail_delivery_due ON mail_delivery (next_attempt_at) WHERE status = 'queued';
`;
