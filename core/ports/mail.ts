/**
 * Mail leaves through this port: Graph `sendMail` in graph mode, an .eml file in local mode.
 * A message arrives here already built (MIME, encrypted where its recipient's mode says so).
 */
export interface OutgoingMail {
  /** The area's MARAC mailbox it is sent from. */
  mailbox: string;
  /** Our own Message-ID, `<...@...>`: what the exactly-once check looks up in Sent Items. */
  messageId: string;
  /** The whole RFC 5322 message. */
  mime: Uint8Array;
}

export interface MailPort {
  /** Sends the message once; a failure throws (the outbox decides whether to try again). */
  send(mail: OutgoingMail): Promise<void>;
  /**
   * Whether the mailbox already sent a message with this Message-ID. Asked before any resend:
   * a crash between sending and recording must not send twice (sendMail is not idempotent).
   */
  wasSent(mailbox: string, messageId: string): Promise<boolean>;
}
