import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { DomainError, isDomainError } from '#core/shared/errors.js';
import type { Principal } from '../auth/people.js';
import { statusOf, validationError } from './errors.js';
import type { RateLimiter } from './rate-limit.js';
import type { Policy, RouteDef } from './route.js';

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
  log: Logger;
}

const toExpressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** `post /meetings/{meetingId}/move` -> `api.post.meetings.meetingid.move`: an audit action name. */
export const actionName = (def: Pick<RouteDef, 'method' | 'path'>) =>
  ['api', def.method, ...def.path.replace(/[{}]/g, '').split('/').filter(Boolean)]
    .join('.')
    .toLowerCase();

const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED']);

/** The first path parameter that looks like an id, so a probe of someone else's record is logged. */
function recordIdOf(params: Record<string, string>): string | null {
  const value = Object.values(params)[0];
  return value && /^[A-Za-z0-9:_-]{1,100}$/.test(value) ? value : null;
}

function parse<T>(
  where: string,
  schema:
    | { safeParse(v: unknown): { success: true; data: T } | { success: false; error: any } }
    | undefined,
  value: unknown,
): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
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
    res.status(statusOf(error.code)).json({
      error: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
        correlationId,
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
  res
    .status(500)
    .json({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong. Quote this reference to support.',
        correlationId,
      },
    });
}

/** Mounts every route with one pipeline: authenticate, authorise, validate, handle, answer. */
export function mountRoutes(options: MountOptions): Router {
  const router = express.Router();
  for (const def of options.routes) {
    router[def.method](toExpressPath(def.path), async (req: Request, res: Response) => {
      const correlationId = randomUUID();
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
        const body = parse('body', def.body, req.body);
        await authorise(def.policy, principal, req.params as Record<string, string>, body);
        const result = await def.handle({ params, query, body, principal, correlationId });
        res.status(def.status ?? 200).json(result);
      } catch (error) {
        if (isDomainError(error) && DENIED.has(error.code) && def.policy.kind !== 'public') {
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
      }
    });
  }
  return router;
}

/** Malformed JSON, oversize bodies and the like, before a route sees them. */
export function bodyErrorHandler(log: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const e = error as { type?: string; status?: number };
    if (!e || !e.type) return next(error);
    const correlationId = randomUUID();
    const message =
      e.type === 'entity.too.large'
        ? 'The request body is too large.'
        : e.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : 'The request body could not be read.';
    log.warn({ correlationId, type: e.type }, 'bad request body');
    res
      .status(e.status ?? 400)
      .json({ error: { code: 'VALIDATION_FAILED', message, correlationId } });
  };
}
