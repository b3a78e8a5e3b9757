import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { DomainError, isDomainError } from '#core/shared/errors.js';
import type { Principal } from '../auth/people.js';
import { domainInWords, statusOf, validationError } from './errors.js';
import { IDEMPOTENCY_KEY, type IdempotencyStore } from '../store/sql-idempotency.js';
import type { RateLimiter } from './rate-limit.js';
import type { MeetingWriteGate } from './meeting-write-gate.js';
import { isFileAnswer, keptJson, type Policy, type RouteDef } from './route.js';
import { streamLiveEvents, type LiveStreamOptions } from './sse.js';

/** A refused request, for the audit log: ids and codes only. */
export interface DeniedRequest {
  actorId: string | null;
  action: string;
  recordId: string | null;
  correlationId: string;
}

export interface MountOptions {
  routes: readonly RouteDef[];
  limiter: RateLimiter;
  auditDenied: (denied: DeniedRequest) => Promise<void>;
  authenticate: (authorization: string | undefined) => Promise<Principal | null>;
  idempotency: IdempotencyStore;
  log: Logger;
  /** Writes to a meeting (any route with `{meetingId}` but GET) hold its view's reads. */
  meetingWrites?: MeetingWriteGate;
}

const toExpressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * `post /meetings/{meetingId}/move` -> `api.post.meetings.meetingid.move`: an audit action name.
 * The audit log takes codes of at most 64 characters, so a longer route keeps its words and
 * writes each id as `_` (`api.post.meetings._.research._.agencies._.submit`).
 */
export const actionName = (def: Pick<RouteDef, 'method' | 'path'>) => {
  const parts = def.path.split('/').filter(Boolean);
  const name = (id: (part: string) => string) =>
    ['api', def.method, ...parts.map((p) => (p.startsWith('{') ? id(p) : p))]
      .join('.')
      .toLowerCase();
  const full = name((p) => p.replace(/[{}]/g, ''));
  return full.length <= 64 ? full : name(() => '_');
};

const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED']);

/** The first path parameter that looks like an id, so a probe of someone else's record is logged. */
function recordIdOf(params: Record<string, string>): string | null {
  const value = Object.values(params)[0];
  return value && /^[A-Za-z0-9:_-]{1,100}$/.test(value) ? value : null;
}

function parse<T>(
  where: string,
  schema:
    | {
        safeParse(
          v: unknown,
          params?: never,
        ): { success: true; data: T } | { success: false; error: z.ZodError };
      }
    | undefined,
  value: unknown,
): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value, { reportInput: true } as never);
  if (!result.success) throw validationError(where, result.error);
  return result.data;
}

async function authorise(
  policy: Policy,
  principal: Principal | null,
  params: Record<string, string>,
  body: unknown,
): Promise<void> {
  if (policy.kind === 'public') return;
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in to use the MARAC app.');
  if (policy.kind === 'signed-in') return;
  const areaId = await policy.areaOf(params, body);
  const held = principal.roles.filter((r) => r.areaId === areaId);
  // Not a member of the area (or no such record): 404, so ids cannot be probed.
  if (!areaId || held.length === 0) throw new DomainError('NOT_FOUND', 'Not found.');
  const allowed = policy.roles === 'any' || held.some((r) => policy.roles.includes(r.role));
  if (!allowed)
    throw new DomainError('FORBIDDEN', 'Your role in this MARAC area does not allow this.');
}

export function sendError(res: Response, error: unknown, correlationId: string, log: Logger): void {
  if (isDomainError(error)) {
    const status = statusOf(error.code);
    const told = domainInWords(error);
    res.status(status).json({
      error: {
        code: told.code,
        message: told.message,
        ...(told.details ? { details: told.details } : {}),
        // A reference to quote is for what went wrong on our side; a 4xx says what to do instead.
        ...(status >= 500 ? { correlationId } : {}),
      },
    });
    return;
  }
  // Unexpected: the user gets a correlation id, the log gets the error's kind, never a body.
  // Where it failed, not what it said: a driver's message can quote the value it choked on.
  const e = error as { name?: string; code?: string; stack?: string } | null;
  const frames = e?.stack?.split('\n').slice(1).join('\n');
  log.error(
    { correlationId, err: { name: e?.name, code: e?.code, stack: frames } },
    'request failed',
  );
  res.status(500).json({
    error: {
      code: 'INTERNAL',
      message: 'Something went wrong. Quote this reference to support.',
      correlationId,
    },
  });
}

/** Keys JSON.parse keeps as own properties but that would reach an object's prototype if copied. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Refuses a prototype key anywhere in a body, at any depth (walked without recursion). */
function refusePrototypeKeys(body: unknown): void {
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!value || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `The request has a field named "${key}", which is never allowed: remove it.`,
        );
      }
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
}

function idempotencyKeyOf(req: Request): string | null {
  const key = req.get('idempotency-key');
  if (key === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Idempotency-Key: use a new random value for each action, such as a UUID (up to 128 letters, digits, dots, colons, dashes or underscores).',
    );
  }
  return key;
}

/**
 * Runs a create once per Idempotency-Key: the first request runs and its answer is kept; the
 * same key again gets that answer; a failure gives the key up. Without a key it simply runs.
 */
async function answerOnce(
  store: IdempotencyStore,
  call: { def: RouteDef; req: Request; res: Response; principal: Principal; status: number },
  run: () => Promise<unknown>,
): Promise<void> {
  const { def, req, res, principal, status } = call;
  const key = idempotencyKeyOf(req);
  if (!key) {
    answer(res, status, await run());
    return;
  }
  const scope = { callerId: principal.personId, route: actionName(def), key };
  const reserved = await store.reserve(scope, { params: req.params, body: req.body });
  if (reserved.kind === 'replay') {
    res.setHeader('Idempotent-Replayed', 'true');
    answer(res, reserved.status, reserved.body);
    return;
  }
  let result: unknown;
  try {
    result = await run();
    await store.complete(scope, reserved.id, status, result);
  } catch (error) {
    // A failed request gives its key up, so the same action can be tried again.
    await store.release(scope, reserved.id);
    throw error;
  }
  answer(res, status, result);
}

/** A 204 carries no body; a file goes as it is, to be saved rather than shown; the rest is JSON. */
function answer(res: Response, status: number, body: unknown): void {
  const kept = keptJson(body);
  if (status === 204) res.status(204).end();
  else if (isFileAnswer(body)) {
    res.status(status).type(body.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${body.filename}"`);
    for (const [name, value] of Object.entries(body.headers ?? {})) res.setHeader(name, value);
    res.send(body.bytes);
  } else if (kept !== undefined) {
    // Bytes and ETag made once per kept answer; Express's `send` still answers 304 to a match.
    res.status(status).type('application/json').setHeader('ETag', kept.etag);
    res.send(kept.body);
  } else res.status(status).json(body);
}

/**
 * Whether two paths of one method could match the same request: the same number of segments,
 * each pair equal or either a parameter.
 */
function overlap(a: string, b: string): boolean {
  const as = a.split('/');
  const bs = b.split('/');
  return (
    as.length === bs.length &&
    as.every((part, i) => part === bs[i] || part.startsWith('{') || bs[i]!.startsWith('{'))
  );
}

/** The routes in the order they are matched: the hot ones (read in a loop) first. */
function matchOrder(routes: readonly RouteDef[]): RouteDef[] {
  const hot = routes.filter((r) => r.hot);
  for (const h of hot) {
    const shadowed = routes.find(
      (r) => r !== h && r.method === h.method && overlap(r.path, h.path),
    );
    if (shadowed) {
      throw new Error(`hot route ${h.method} ${h.path} would shadow ${shadowed.path}`);
    }
  }
  return [...hot, ...routes.filter((r) => !r.hot)];
}

/** Mounts every route with one pipeline: authenticate, authorise, validate, handle, answer. */
export function mountRoutes(options: MountOptions): Router {
  const router = express.Router();
  for (const def of matchOrder(options.routes)) {
    router[def.method](toExpressPath(def.path), async (req: Request, res: Response) => {
      const correlationId = randomUUID();
      const meetingId =
        def.method !== 'get' && typeof req.params.meetingId === 'string'
          ? req.params.meetingId
          : undefined;
      const settle = meetingId ? options.meetingWrites?.enter(meetingId) : undefined;
      let principal: Principal | null = null;
      try {
        principal =
          def.policy.kind === 'public'
            ? null
            : await options.authenticate(req.headers.authorization);
        const wait = options.limiter.take(
          principal ? `person:${principal.personId}` : `ip:${req.ip}`,
        );
        if (wait > 0) {
          res.setHeader('Retry-After', String(wait));
          throw new DomainError('RATE_LIMITED', `Too many requests. Try again in ${wait} seconds.`);
        }
        if (def.policy.kind !== 'public' && !principal) {
          throw new DomainError('UNAUTHENTICATED', 'Sign in to use the MARAC app.');
        }
        const params = parse('params', def.params, req.params);
        const query = parse('query', def.query, { ...req.query });
        if (def.body && (req.body === undefined || !req.is('application/json'))) {
          throw new DomainError(
            'VALIDATION_FAILED',
            'The request needs a JSON body (Content-Type: application/json).',
          );
        }
        refusePrototypeKeys(req.body);
        const body = parse('body', def.body, req.body);
        await authorise(def.policy, principal, req.params as Record<string, string>, body);
        const status = def.status ?? 200;
        const run = () => def.handle({ params, query, body, principal, correlationId });
        if (def.stream) {
          await streamLiveEvents(req, res, (await run()) as LiveStreamOptions);
        } else if (def.idempotent && principal) {
          await answerOnce(options.idempotency, { def, req, res, principal, status }, run);
        } else {
          answer(res, status, await run());
        }
      } catch (error) {
        const refused =
          isDomainError(error) &&
          (DENIED.has(error.code) || (def.auditInvalid && error.code === 'VALIDATION_FAILED'));
        if (refused && def.policy.kind !== 'public') {
          await options
            .auditDenied({
              actorId: principal?.personId ?? null,
              action: actionName(def),
              recordId: recordIdOf(req.params as Record<string, string>),
              correlationId,
            })
            .catch((auditError: unknown) => {
              options.log.error(
                { correlationId, err: { name: (auditError as Error).name } },
                'audit of a denied request failed',
              );
            });
        }
        sendError(res, error, correlationId, options.log);
      } finally {
        settle?.();
      }
    });
  }
  return router;
}

const BODY_MESSAGES: Record<string, string> = {
  'entity.too.large': 'The request body is too large. Send less text, or split it into parts.',
  'entity.parse.failed': 'The request body is not valid JSON. Check its syntax.',
  'encoding.unsupported':
    'The request body is compressed in a way this app does not read. Send it uncompressed, or gzip or deflate it.',
  'charset.unsupported': 'The request body must be UTF-8 text.',
  'request.size.invalid': 'The request body is shorter or longer than its Content-Length says.',
  'request.aborted': 'The request was cut off before its body arrived. Try again.',
};

/**
 * Anything that goes wrong reading a body (malformed JSON, a body too large, a Content-Encoding
 * that is unknown or does not match the body) answers in our JSON shape, never Express's HTML
 * page, and is logged by kind only: the parser's message can quote the body.
 */
export function bodyErrorHandler(log: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = (error ?? {}) as { type?: string; status?: number; code?: string };
    const known = e.type ? BODY_MESSAGES[e.type] : undefined;
    const status = e.type === 'entity.too.large' ? 413 : 400;
    log.warn({ type: e.type ?? 'unknown', code: e.code }, 'bad request body');
    res.status(status).json({
      error: {
        code: 'VALIDATION_FAILED',
        message:
          known ??
          'The request body could not be read: check its Content-Encoding and Content-Type, or send it uncompressed.',
      },
    });
  };
}
