/**
 * The one seam between the app and PostgreSQL: embedded PGlite by default, a server when
 * DATABASE_URL is set. Both speak the same SQL and take the same migrations.
 */
export interface QueryResult<Row> {
  rows: Row[];
  affectedRows: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Runs a script of several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** What a LISTEN hands on: each payload, and each time the listening connection is (re)made. */
export interface NotificationHandlers {
  onNotify(payload: string): void;
  /**
   * After the first LISTEN and after each reconnect: notifications sent while the connection was
   * down are lost, so whoever listens reads back what it missed here.
   */
  onConnect(): void;
}

export interface Listening {
  /** The server process of the listening connection (null on PGlite, or while reconnecting). */
  backendPid(): number | null;
  close(): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; it commits if `work` resolves and rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTENs on a channel. With a server, one dedicated connection that reconnects (with backoff)
   * when it drops; with PGlite, in-process. NOTIFY inside a transaction is sent at commit only.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<Listening>;
  close(): Promise<void>;
}
