import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A loopback Microsoft Graph that sends mail the way Outlook limits it, for the agenda delivery
 * benchmark and its tests: `POST /v1.0/users/{mailbox}/sendMail` (base64 MIME as text/plain,
 * 202) and the Sent Items look-up by internetMessageId, with per mailbox:
 *
 * - at most `concurrency` requests in flight; one more is answered at once with 429 and
 *   `{"error":{"code":"ApplicationThrottled","message":"Application is over its
 *   MailboxConcurrency limit."}}`, the answer Outlook gives (as seen in the field);
 * - a rate: a token bucket of `burst` filled at `ratePerSecond`; a request that finds it empty is
 *   answered 429 ApplicationThrottled with `Retry-After` = the whole seconds until a token comes.
 *   (Outlook's own limit is 10,000 requests per 10 minutes per app per mailbox.) A refused request
 *   takes no token and no slot;
 * - `latencyMs` from a request's arrival to its answer.
 *
 * It counts the messages received per Message-ID (exactly once is the point) and the 429s it gave.
 */

export interface OutlookLimits {
  concurrency: number;
  ratePerSecond: number;
  burst: number;
  latencyMs: number;
  /** The bearer token it accepts. */
  accessToken: string;
}

export interface OutlookStats {
  sendMail: number;
  lookups: number;
  throttled: { concurrency: number; rate: number };
  /** Messages sendMail accepted, per Message-ID. */
  messages: Record<string, number>;
  /** Most requests seen in flight at once for one mailbox. */
  maxInFlight: number;
  /** Date.now() when the first Graph request arrived and when the last answer went. */
  firstArrival: number | null;
  lastAnswer: number | null;
}

type Reply = { status: number; headers?: Record<string, string>; body?: unknown };

interface Lane {
  inFlight: number;
  tokens: number;
  at: number;
}

export class OutlookMailServer {
  private readonly lanes = new Map<string, Lane>();
  private readonly sent = new Map<string, string>();
  private readonly counts: OutlookStats = {
    sendMail: 0,
    lookups: 0,
    throttled: { concurrency: 0, rate: 0 },
    messages: {},
    maxInFlight: 0,
    firstArrival: null,
    lastAnswer: null,
  };

  private constructor(
    private readonly server: Server,
    private readonly limits: OutlookLimits,
    private readonly now: () => number,
  ) {}

  /** `now` (milliseconds, only forward) drives the rate; tests pass a fake one. */
  static async start(
    limits: OutlookLimits,
    now: () => number = () => performance.now(),
  ): Promise<OutlookMailServer> {
    const server = createServer({ keepAliveTimeout: 30_000 });
    const fake = new OutlookMailServer(server, limits, now);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get graphUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1.0`;
  }

  stats(): OutlookStats {
    return structuredClone(this.counts);
  }

  /** The MIME text sendMail received under this Message-ID, for checks of what went out. */
  message(messageId: string): string | undefined {
    return this.sent.get(messageId);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/_bench/')) return answer(res, this.benchReply(url));
    const mailbox = /^\/v1\.0\/users\/([^/]+)\//.exec(url.pathname)?.[1];
    if (!mailbox) return answer(res, graphError(404, 'ResourceNotFound', 'Not a mailbox path.'));
    this.counts.firstArrival ??= Date.now();
    // The limits are checked on arrival, as Outlook counts them; the body is read either way.
    const lane = this.lane(decodeURIComponent(mailbox).toLowerCase());
    const refusal =
      req.headers.authorization === `Bearer ${this.limits.accessToken}`
        ? this.admit(lane)
        : graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    const arrived = this.now();
    const body = await readBody(req);
    if (refusal) return this.answer(res, refusal);
    const left = arrived + this.limits.latencyMs - this.now();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    const reply = this.route(req.method ?? 'GET', url, body);
    // Freed before the answer is written: the client's next request cannot arrive before it.
    lane.inFlight -= 1;
    this.answer(res, reply);
  }

  private lane(mailbox: string): Lane {
    let lane = this.lanes.get(mailbox);
    if (!lane) {
      lane = { inFlight: 0, tokens: this.limits.burst, at: this.now() };
      this.lanes.set(mailbox, lane);
    }
    return lane;
  }

  /** Takes a slot and a token, or says why not. */
  private admit(lane: Lane): Reply | undefined {
    if (lane.inFlight >= this.limits.concurrency) {
      this.counts.throttled.concurrency += 1;
      return throttled(1, 'MailboxConcurrency');
    }
    const now = this.now();
    const perMs = this.limits.ratePerSecond / 1000;
    lane.tokens = Math.min(this.limits.burst, lane.tokens + (now - lane.at) * perMs);
    lane.at = now;
    if (lane.tokens < 1) {
      this.counts.throttled.rate += 1;
      return throttled(Math.max(1, Math.ceil((1 - lane.tokens) / perMs / 1000)), 'MailboxRequests');
    }
    lane.tokens -= 1;
    lane.inFlight += 1;
    this.counts.maxInFlight = Math.max(this.counts.maxInFlight, lane.inFlight);
    return undefined;
  }

  /** For the benchmark when the server runs in its own process: what it counted, what it got. */
  private benchReply(url: URL): Reply {
    if (url.pathname === '/_bench/stats') return { status: 200, body: this.stats() };
    const mime = this.message(url.searchParams.get('id') ?? '');
    if (url.pathname === '/_bench/message' && mime) return { status: 200, body: { mime } };
    return graphError(404, 'ResourceNotFound', 'No such bench resource.');
  }

  private route(method: string, url: URL, body: string): Reply {
    const [action, folder] = url.pathname.split('/').slice(4); // after /v1.0/users/{mailbox}/
    if (method === 'POST' && action === 'sendMail') return this.sendMail(body);
    if (method === 'GET' && action === 'mailFolders' && folder === 'sentitems') {
      this.counts.lookups += 1;
      const wanted = /^internetMessageId eq '([^']+)'$/.exec(url.searchParams.get('$filter') ?? '');
      if (!wanted) return graphError(400, 'BadRequest', 'Only internetMessageId filters here.');
      return { status: 200, body: { value: this.sent.has(wanted[1]!) ? [{ id: 'sent-1' }] : [] } };
    }
    return graphError(404, 'ResourceNotFound', 'Resource not found for the segment.');
  }

  private sendMail(body: string): Reply {
    const mime = Buffer.from(body, 'base64').toString('latin1');
    const head = mime.slice(0, mime.search(/\r?\n\r?\n/));
    const messageId = /^Message-ID:\s*(<[^>]+>)\s*$/im.exec(head)?.[1];
    if (!messageId) return graphError(400, 'ErrorMimeContentInvalid', 'The MIME is not a message.');
    this.counts.sendMail += 1;
    this.counts.messages[messageId] = (this.counts.messages[messageId] ?? 0) + 1;
    this.sent.set(messageId, mime);
    return { status: 202 };
  }

  private answer(res: ServerResponse, reply: Reply): void {
    this.counts.lastAnswer = Date.now();
    answer(res, reply);
  }
}

function graphError(status: number, code: string, message: string): Reply {
  return { status, body: { error: { code, message } } };
}

function throttled(retryAfterSeconds: number, limit: string): Reply {
  return {
    ...graphError(429, 'ApplicationThrottled', `Application is over its ${limit} limit.`),
    headers: { 'retry-after': String(retryAfterSeconds) },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(res: ServerResponse, reply: Reply): void {
  const headers = { 'request-id': 'loopback', ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  res
    .writeHead(reply.status, { 'content-type': 'application/json', ...headers })
    .end(JSON.stringify(reply.body));
}
