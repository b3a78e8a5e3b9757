import { readExpiry } from './jwt.js';

/** Ask for a new token this long before the old one expires. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/** Never keep a token longer than this without asking the host again, whatever `exp` says. */
export const MAX_KEEP_MS = 60 * 60_000;
/** A token whose expiry cannot be read is kept this long. */
export const UNKNOWN_EXPIRY_KEEP_MS = 5 * 60_000;
/** A token close to expiry (the host's own cache may hand it out) is still kept this long at most. */
const SHORT_KEEP_MS = 30_000;

/**
 * When to stop using a token and ask for a new one: five minutes before its `exp`, but never more
 * than an hour ahead, and for a token already near its end, half its remaining life (at most 30
 * seconds) so that the host is not asked again on every request. An expired token is not kept.
 */
export function refreshAt(token: string, now: number): number {
  const exp = readExpiry(token);
  if (exp === null) return now + UNKNOWN_EXPIRY_KEEP_MS;
  const lifetime = exp * 1000 - now;
  if (lifetime <= 0) return now;
  if (lifetime > REFRESH_MARGIN_MS)
    return now + Math.min(lifetime - REFRESH_MARGIN_MS, MAX_KEEP_MS);
  return now + Math.min(SHORT_KEEP_MS, Math.floor(lifetime / 2));
}

/**
 * Holds the host's token in memory (never in storage) and asks for a new one before it expires.
 * Concurrent callers share one request to the host.
 */
export class TokenCache {
  private current: { token: string; refreshAt: number } | null = null;
  private pending: { forced: boolean; promise: Promise<string> } | null = null;

  constructor(
    private readonly acquire: (forceRefresh: boolean) => Promise<string>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token that is not about to expire: the kept one, or a new one from the host. */
  get(): Promise<string> {
    if (this.current && this.now() < this.current.refreshAt)
      return Promise.resolve(this.current.token);
    return this.pending?.promise ?? this.start(false);
  }

  /**
   * A new token after the server refused `refused`. When another request already replaced that
   * token, its replacement is the answer: several requests refused at once ask the host once.
   */
  refresh(refused?: string): Promise<string> {
    if (refused && this.current && this.current.token !== refused)
      return Promise.resolve(this.current.token);
    this.current = null;
    return this.pending?.forced ? this.pending.promise : this.start(true);
  }

  clear(): void {
    this.current = null;
  }

  private start(forced: boolean): Promise<string> {
    const promise = this.acquire(forced).then(
      (token) => {
        this.current = { token, refreshAt: refreshAt(token, this.now()) };
        if (this.pending?.promise === promise) this.pending = null;
        return token;
      },
      (error: unknown) => {
        if (this.pending?.promise === promise) this.pending = null;
        throw error;
      },
    );
    this.pending = { forced, promise };
    return promise;
  }
}
