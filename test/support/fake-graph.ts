import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  graphError,
  notFound,
  record,
  send,
  type RecordedRequest,
  type Reply,
} from './fake-graph-http.js';

export type { RecordedRequest } from './fake-graph-http.js';

export interface FakeInstance {
  id: string;
  type: 'occurrence' | 'exception';
  /** UTC, as Graph sends it. */
  originalStart: string;
  start: { dateTime: string; timeZone: 'UTC' };
}

type Failure = {
  status: number;
  code: string;
  retryAfter?: string;
  /** Only a request this says yes to fails; others pass it by. */
  when?: (request: RecordedRequest) => boolean;
};

/**
 * A loopback HTTP server that answers like Microsoft Graph v1.0 (and like Entra ID's token
 * endpoint) for the calls the Graph adapters make, and records every request it receives.
 * Throttling and failures are queued with {@link FakeGraph.throttleNext} and
 * {@link FakeGraph.failNext}.
 */
export class FakeGraph {
  readonly requests: RecordedRequest[] = [];
  accessToken = 'fake-access-token';
  /** Delay before every Graph answer, to hold requests in flight. */
  responseDelayMs = 0;
  private readonly failures: Failure[] = [];
  private tokenFailure: Reply | undefined;
  private readonly instances = new Map<string, FakeInstance[]>();
  private readonly inFlight = new Map<string, number>();
  /** Most Graph requests seen in flight at once, per mailbox. */
  readonly maxInFlight = new Map<string, number>();
  private created = 0;
  /** Messages sendMail accepted, per mailbox (lower case), as the MIME text Graph decoded. */
  readonly sentMail = new Map<string, string[]>();
  /** Apps installed per user (the Graph user id): what `POST .../teamwork/installedApps` did. */
  readonly installedApps = new Map<string, Set<string>>();
  private actThenFail: Failure[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeGraph> {
    const server = createServer();
    const fake = new FakeGraph(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get graphUrl(): string {
    return `${this.origin}/v1.0`;
  }

  tokenEndpoint(tenantId: string): string {
    return `${this.origin}/${tenantId}/oauth2/v2.0/token`;
  }

  /** Requests to Graph itself, token requests left out. */
  get graphRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.rawPath.startsWith('/v1.0/'));
  }

  get tokenRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.rawPath.endsWith('/oauth2/v2.0/token'));
  }

  throttleNext(count: number, retryAfterSeconds: number | string = 1): void {
    for (let i = 0; i < count; i += 1) {
      this.failures.push({
        status: 429,
        code: 'TooManyRequests',
        retryAfter: String(retryAfterSeconds),
      });
    }
  }

  failNext(status: number, code: string, retryAfter?: number): void {
    this.failures.push({
      status,
      code,
      ...(retryAfter === undefined ? {} : { retryAfter: String(retryAfter) }),
    });
  }

  /** The next request that `when` picks out fails; the others before it are answered as usual. */
  failNextMatching(when: (request: RecordedRequest) => boolean, status: number, code: string) {
    this.failures.push({ status, code, when });
  }

  /** The next sendMail is carried out (the mail goes) and then answered with this failure. */
  sendThenFail(status: number, code: string): void {
    this.actThenFail.push({ status, code });
  }

  failTokenWith(status: number, error: string, description: string): void {
    this.tokenFailure = { status, body: { error, error_description: description } };
  }

  /** The occurrences `GET .../events/{seriesId}/instances` can return. */
  setInstances(seriesId: string, instances: FakeInstance[]): void {
    this.instances.set(seriesId, instances);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorded = await record(req);
    this.requests.push(recorded);
    if (recorded.rawPath.endsWith('/oauth2/v2.0/token')) return send(res, this.tokenReply());
    const mailbox = /^\/v1\.0\/users\/([^/]+)/.exec(recorded.path)?.[1] ?? '*';
    this.track(mailbox, 1);
    try {
      if (this.responseDelayMs > 0) await new Promise((r) => setTimeout(r, this.responseDelayMs));
      send(res, this.graphReply(recorded));
    } finally {
      this.track(mailbox, -1);
    }
  }

  private track(mailbox: string, delta: number): void {
    const now = (this.inFlight.get(mailbox) ?? 0) + delta;
    this.inFlight.set(mailbox, now);
    this.maxInFlight.set(mailbox, Math.max(now, this.maxInFlight.get(mailbox) ?? 0));
  }

  private tokenReply(): Reply {
    if (this.tokenFailure) return this.tokenFailure;
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: this.accessToken,
      },
    };
  }

  private graphReply(r: RecordedRequest): Reply {
    if (r.headers.authorization !== `Bearer ${this.accessToken}`) {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    }
    const index = this.failures.findIndex((f) => !f.when || f.when(r));
    const failure = index < 0 ? undefined : this.failures.splice(index, 1)[0];
    if (failure) {
      const reply = graphError(failure.status, failure.code, 'Simulated failure.');
      if (failure.retryAfter)
        reply.headers = { ...reply.headers, 'retry-after': failure.retryAfter };
      return reply;
    }
    return this.route(r);
  }

  private route(r: RecordedRequest): Reply {
    // Split before decoding: event ids may hold an encoded '/'.
    const segments = r.rawPath.split('/').slice(2).map(decodeURIComponent); // users, mailbox, events, id?, action?
    if (segments[0] === 'users' && segments[2] === 'sendMail' && r.method === 'POST') {
      return this.sendMail(segments[1]!, r);
    }
    if (segments[0] === 'users' && segments[2] === 'mailFolders' && segments[3] === 'sentitems') {
      return this.findSent(segments[1]!, r.query);
    }
    if (segments[0] === 'users' && segments[2] === 'teamwork' && segments[3] === 'installedApps') {
      return this.installApp(segments[1]!, r);
    }
    if (segments[0] !== 'users' || segments[2] !== 'events') return notFound();
    const [id, action] = [segments[3], segments[4]];
    if (r.method === 'POST' && id === undefined)
      return this.createEvent(r.body as Record<string, unknown>);
    if (r.method === 'GET' && id && action === 'instances') return this.listInstances(id, r.query);
    if (r.method === 'PATCH' && id && action === undefined)
      return { status: 200, body: { id, ...(r.body as object) } };
    if (r.method === 'POST' && id && action === 'cancel') return { status: 202 };
    return notFound();
  }

  /** Like Graph: a text/plain body of base64 MIME; 202 with no body. */
  private sendMail(mailbox: string, r: RecordedRequest): Reply {
    if (!String(r.headers['content-type']).startsWith('text/plain') || typeof r.body !== 'string') {
      return graphError(400, 'ErrorMimeContentInvalid', 'MIME content must be base64 text/plain.');
    }
    const mime = Buffer.from(r.body, 'base64').toString('latin1');
    if (!messageIdOf(mime)) {
      return graphError(400, 'ErrorMimeContentInvalid', 'The MIME content is not a message.');
    }
    const key = mailbox.toLowerCase();
    this.sentMail.set(key, [...(this.sentMail.get(key) ?? []), mime]);
    const failure = this.actThenFail.shift();
    if (failure)
      return graphError(failure.status, failure.code, 'Simulated failure after sending.');
    return { status: 202 };
  }

  /**
   * Like Graph's proactive install: the app bound by `teamsApp@odata.bind` is installed in the
   * user's personal scope (201); installing it again is 409 Conflict.
   */
  private installApp(userId: string, r: RecordedRequest): Reply {
    const bind = (r.body as Record<string, unknown> | null)?.['teamsApp@odata.bind'];
    const appId =
      typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : null;
    if (!appId) return graphError(400, 'BadRequest', 'teamsApp@odata.bind is required.');
    const apps = this.installedApps.get(userId) ?? new Set<string>();
    if (apps.has(appId)) return graphError(409, 'Conflict', 'The app is already installed.');
    this.installedApps.set(userId, apps.add(appId));
    return { status: 201, body: { id: `installation-${userId}-${appId}` } };
  }

  private findSent(mailbox: string, query: Record<string, string>): Reply {
    const wanted = /^internetMessageId eq '([^']+)'$/.exec(query.$filter ?? '')?.[1];
    if (!wanted) return graphError(400, 'BadRequest', 'Only internetMessageId filters are faked.');
    const sent = (this.sentMail.get(mailbox.toLowerCase()) ?? []).filter(
      (mime) => messageIdOf(mime)?.toLowerCase() === wanted.toLowerCase(),
    );
    return { status: 200, body: { value: sent.map((_, i) => ({ id: `sent-${i}` })) } };
  }

  private createEvent(body: Record<string, unknown>): Reply {
    this.created += 1;
    const id = `evt-${this.created}`;
    const joinUrl = `https://teams.microsoft.com/l/meetup-join/fake-meeting-${this.created}`;
    return { status: 201, body: { id, ...body, type: 'seriesMaster', onlineMeeting: { joinUrl } } };
  }

  private listInstances(seriesId: string, query: Record<string, string>): Reply {
    const from = Date.parse(query.startDateTime ?? '');
    const to = Date.parse(query.endDateTime ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) {
      return graphError(
        400,
        'ErrorInvalidParameter',
        'startDateTime and endDateTime are required.',
      );
    }
    const value = (this.instances.get(seriesId) ?? []).filter((i) => {
      const start = Date.parse(`${i.start.dateTime}Z`);
      return start >= from && start < to;
    });
    return { status: 200, body: { value } };
  }
}

/** The Message-ID of a MIME message, its header unfolded (RFC 5322 lets a long one wrap). */
export function messageIdOf(mime: string): string | null {
  const head = mime.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return /^Message-ID:\s*(<[^>]+>)\s*$/im.exec(head)?.[1] ?? null;
}
