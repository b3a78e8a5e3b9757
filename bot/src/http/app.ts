import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express, {
  type Express,
  type NextFunction,
  type Request,
  type Response,
  type Router,
} from 'express';
import type { Principal } from '../auth/people.js';
import { agendaRoutes } from './routes/agenda-routes.js';
import { areaRoutes } from './routes/area-routes.js';
import { chasingRoutes } from './routes/chasing-routes.js';
import { dashboardRoutes } from './routes/dashboard-routes.js';
import { dataReturnRoutes } from './routes/data-return-routes.js';
import { recodeRoutes } from './routes/recode-routes.js';
import { retentionRoutes } from './routes/retention-routes.js';
import { matchNoticeRoutes } from './routes/match-notice-routes.js';
import { meetingLiveRoutes } from './routes/meeting-live-routes.js';
import { meetingRecordRoutes } from './routes/meeting-record-routes.js';
import { actionRoutes } from './routes/action-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { meetingRoutes } from './routes/meeting-routes.js';
import { meetingRunRoutes } from './routes/meeting-run-routes.js';
import { referralRoutes } from './routes/referral-routes.js';
import { researchRoutes } from './routes/research-routes.js';
import { researchChaseRoutes } from './routes/research-chase-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { subjectAccessRoutes } from './routes/subject-access-routes.js';
import { recordRefused } from '../audit/refused-requests.js';
import { sqlIdempotencyStore } from '../store/sql-idempotency.js';
import { bodyErrorHandler, mountRoutes, sendError, type DeniedRequest } from './mount-routes.js';
import { openApiDocument } from './openapi.js';
import { createRateLimiter } from './rate-limit.js';
import type { RouteDef } from './route.js';
import { securityHeaders } from './security-headers.js';
import type { Services } from './services.js';

export function allRoutes(s: Services): RouteDef[] {
  return [
    ...sessionRoutes(s),
    ...areaRoutes(s),
    ...meetingRoutes(s),
    ...meetingLiveRoutes(s),
    ...agendaRoutes(s),
    ...referralRoutes(s),
    ...matchNoticeRoutes(s),
    ...researchRoutes(s),
    ...researchChaseRoutes(s),
    ...meetingRunRoutes(s),
    ...meetingRecordRoutes(s),
    ...chasingRoutes(s),
    ...dashboardRoutes(s),
    ...retentionRoutes(s),
    ...actionRoutes(s),
    ...documentRoutes(s),
    ...dataReturnRoutes(s),
    ...recodeRoutes(s),
    ...subjectAccessRoutes(s),
  ];
}

export interface AppParts {
  services: Services;
  authenticate: (authorization: string | undefined) => Promise<Principal | null>;
  bot: Router | null;
  isReady: () => boolean;
}

/** The one HTTP app: health, bot endpoint, REST API with its OpenAPI description, and the tab. */
export function createHttpApp(parts: AppParts): Express {
  const { services: s } = parts;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders);
  app.get('/healthz', (_req, res) => {
    res.status(parts.isReady() ? 200 : 503).json({ status: parts.isReady() ? 'ok' : 'starting' });
  });
  if (parts.bot) app.use(parts.bot);
  const routes = allRoutes(s);
  const document = openApiDocument(routes, '0.1.0');
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use('/api', express.json({ limit: '100kb', strict: true }), bodyErrorHandler(s.log));
  const perMinute = s.config.rateLimitPerMinute;
  const limiter = createRateLimiter({
    capacity: Math.max(60, Math.floor(perMinute / 5)),
    perMinute,
  });
  const auditDenied = (denied: DeniedRequest) => recordRefused(s.db, denied, s.clock.now());
  const idempotency = sqlIdempotencyStore({ db: s.db, crypto: s.crypto, now: () => s.clock.now() });
  app.use(
    '/api',
    mountRoutes({
      routes,
      authenticate: parts.authenticate,
      log: s.log,
      limiter,
      auditDenied,
      idempotency,
      meetingWrites: s.meetingWrites,
    }),
  );
  app.use('/api', (_req, res) => {
    res.status(404).json({
      error: { code: 'NOT_FOUND', message: 'There is no such API route. See /api/openapi.json.' },
    });
  });
  if (existsSync(s.config.tabDir)) {
    app.use(express.static(s.config.tabDir, { index: 'index.html', maxAge: '1h' }));
    app.get('/{*rest}', (_req, res) => res.sendFile(path.join(s.config.tabDir, 'index.html')));
  }
  // Last: whatever else throws answers in our JSON shape through the logger, never Express's
  // HTML page with a stack, and nothing reaches stderr outside the logger.
  const bodyErrors = bodyErrorHandler(s.log);
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if ((error as { type?: unknown } | null)?.type) return bodyErrors(error, req, res, next);
    sendError(res, error, randomUUID(), s.log);
  });
  return app;
}
