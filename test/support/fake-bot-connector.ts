import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lane, type SlidingWindows, type Window } from './sliding-windows.js';

/*
 * A loopback Bot Connector that answers like Teams, for the bot's tests and the research fan-out
 * benchmark: `POST /v3/conversations/{id}/activities` (and its reply form `.../activities/{replyTo}`)
 * sends, `PUT /v3/conversations/{id}/activities/{activityId}` updates, `POST /v3/conversations`
 * creates a conversation. It enforces Teams' bot limits
 * (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 *
 * - per bot per conversation: 7 operations a second, 8 in 2 seconds, 60 in 30, 1800 an hour;
 * - per app per tenant: 50 requests a second;
 * - beyond either, 429 `{"error":{"code":"Throttled"}}` with `Retry-After` in whole seconds; a
 *   refused request counts towards nothing;
 * - a message over 40 KB: 413 `MessageSizeTooBig` (format-your-bot-messages; newer pages say
 *   100 KB measured as UTF-16, so both the size and its measure can be set).
 *
 * `latencyMs` holds each admitted answer back. It counts what it accepted per conversation and the
 * 429s it gave, and keeps every activity it accepted for tests to read.
 */

export interface TeamsBotLimits {
  perConversation: readonly Window[];
  perTenant: readonly Window[];
  maxMessageBytes: number;
  measure: 'utf-8' | 'utf-16';
  latencyMs: number;
}

export const TEAMS_BOT_LIMITS: TeamsBotLimits = {
  perConversation: [
    { seconds: 1, max: 7 },
    { seconds: 2, max: 8 },
    { seconds: 30, max: 60 },
    { seconds: 3600, max: 1800 },
  ],
  perTenant: [{ seconds: 1, max: 50 }],
  maxMessageBytes: 40 * 1024,
  measure: 'utf-8',
  latencyMs: 0,
};

export interface ConnectorStats {
  /** Messages sent, per conversation id. */
  sent: Record<string, number>;
  /** Updates of an earlier message, per conversation id. */
  updated: Record<string, number>;
  created: number;
  /** 429s given, per conversation id (`(tenant)` for a refused create), and in all. */
  throttled: Record<string, number>;
  throttledTotal: number;
  tooLarge: number;
  /** Date.now() at the first request and at the last answer. */
  firstArrival: number | null;
  lastAnswer: number | null;
}

export interface ConnectorActivity {
  id: string;
  conversationId: string;
  body: Record<string, unknown>;
  /** When it arrived, on the clock that drives the limits (ms). */
  at: number;
}

type Reply = { status: number; headers?: Record<string, string>; body?: unknown };
const ROUTE = /\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/;
const error = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error: { code, message } },
});

export class FakeBotConnector {
  private readonly conversations = new Map<string, SlidingWindows>();
  private readonly tenants = new Map<string, SlidingWindows>();
  private readonly kept: ConnectorActivity[] = [];
  private readonly counts: ConnectorStats = {
    sent: {},
    updated: {},
    created: 0,
    throttled: {},
    throttledTotal: 0,
    tooLarge: 0,
    firstArrival: null,
    lastAnswer: null,
  };
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    readonly limits: TeamsBotLimits,
    private readonly now: () => number,
  ) {}

  /** `now` (milliseconds, only forward) drives the limits; tests pass a fake one. */
  static async start(
    limits: Partial<TeamsBotLimits> = {},
    now: () => number = () => performance.now(),
  ): Promise<FakeBotConnector> {
    const server = createServer({ keepAliveTimeout: 30_000 });
    const fake = new FakeBotConnector(server, { ...TEAMS_BOT_LIMITS, ...limits }, now);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The serviceUrl to put in a conversation reference. */
  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  stats(): ConnectorStats {
    return structuredClone(this.counts);
  }

  activities(conversationId?: string): ConnectorActivity[] {
    return this.kept.filter((a) => !conversationId || a.conversationId === conversationId);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.counts.firstArrival ??= Date.now();
    const arrived = this.now(); // limits count from arrival, as the service does
    const text = await readBody(req);
    const match = ROUTE.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const method = req.method ?? 'GET';
    const reply = match
      ? await this.route(method, match, text, arrived)
      : error(404, 'NotFound', 'No such Bot Connector resource.');
    this.counts.lastAnswer = Date.now();
    const headers = {
      ...reply.headers,
      ...(reply.body ? { 'content-type': 'application/json' } : {}),
    };
    res.writeHead(reply.status, headers).end(reply.body ? JSON.stringify(reply.body) : undefined);
  }

  private async route(
    method: string,
    match: RegExpExecArray,
    text: string,
    at: number,
  ): Promise<Reply> {
    const conversationId = match[1] ? decodeURIComponent(match[1]) : null;
    const activityId = match[2] ? decodeURIComponent(match[2]) : null;
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const creating = !conversationId && method === 'POST';
    const sending = conversationId && method === 'POST';
    const updating = conversationId && activityId && method === 'PUT';
    if (!creating && !sending && !updating) return error(405, 'BadArgument', 'Not supported here.');
    if (this.size(text) > this.limits.maxMessageBytes) {
      this.counts.tooLarge += 1;
      return error(413, 'MessageSizeTooBig', 'Message size too big.');
    }
    const refusal = this.admit(conversationId, tenantOf(body), at);
    if (refusal) return refusal;
    if (this.limits.latencyMs > 0) await new Promise((r) => setTimeout(r, this.limits.latencyMs));
    if (creating) {
      this.counts.created += 1;
      return { status: 201, body: { id: `a:${this.nextId++}` } };
    }
    const id = updating ? activityId! : `1:${this.nextId++}`;
    if (updating && !this.kept.some((a) => a.id === id && a.conversationId === conversationId))
      return error(404, 'NotFound', 'The activity to update was not found.');
    const tally = updating ? this.counts.updated : this.counts.sent;
    tally[conversationId!] = (tally[conversationId!] ?? 0) + 1;
    this.kept.push({ id, conversationId: conversationId!, body, at });
    return { status: updating ? 200 : 201, body: { id } };
  }

  private size(text: string): number {
    return this.limits.measure === 'utf-16' ? text.length * 2 : Buffer.byteLength(text);
  }

  /** Both the conversation's and the tenant's limits must have room; a refusal takes neither. */
  private admit(conversationId: string | null, tenant: string, at: number): Reply | undefined {
    const lanes = [
      ...(conversationId
        ? [lane(this.conversations, conversationId, this.limits.perConversation)]
        : []),
      lane(this.tenants, tenant, this.limits.perTenant),
    ];
    const waits = lanes.map((l) => l.wait(at));
    const waitMs = Math.max(0, ...waits);
    if (waitMs === 0) {
      lanes.forEach((l) => l.take(at));
      return undefined;
    }
    const key = conversationId ?? '(tenant)';
    this.counts.throttled[key] = (this.counts.throttled[key] ?? 0) + 1;
    this.counts.throttledTotal += 1;
    return {
      ...error(429, 'Throttled', 'Too many requests.'),
      headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
    };
  }
}

/** The tenant a request counts against: Teams puts it in the conversation or the channel data. */
function tenantOf(body: Record<string, unknown>): string {
  const conversation = body.conversation as { tenantId?: string } | undefined;
  const channelData = body.channelData as { tenant?: { id?: string } } | undefined;
  return conversation?.tenantId ?? channelData?.tenant?.id ?? '(one tenant)';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
