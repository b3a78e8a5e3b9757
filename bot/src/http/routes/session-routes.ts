import { z } from 'zod';
import { devSignInBody, devUserSchema, meSchema, tokenResponse } from '../../../../core/contracts/api.js';
import { DomainError } from '../../../../core/shared/errors.js';
import { issueDevToken } from '../../auth/dev-tokens.js';
import { peopleWithRoles, personIdByEmail } from '../../auth/people.js';
import { route, type RouteDef } from '../route.js';
import type { Services } from '../services.js';

export function sessionRoutes(s: Services): RouteDef[] {
  const routes: RouteDef[] = [
    route({
      method: 'get',
      path: '/me',
      summary: 'The signed-in person and their roles',
      tag: 'session',
      policy: { kind: 'signed-in' },
      response: meSchema,
      handle: async ({ principal }) => ({
        id: principal!.personId,
        name: principal!.name,
        email: principal!.email,
        roles: principal!.roles,
      }),
    }),
  ];
  const key = s.devSigningKey;
  // The development sign-in exists only in local mode on a loopback address (see config).
  if (!s.config.devSignIn || !key) return routes;
  return [
    ...routes,
    route({
      method: 'get',
      path: '/dev/users',
      summary: 'Local mode only: the demo users to sign in as',
      tag: 'development',
      policy: { kind: 'public' },
      response: z.array(devUserSchema),
      handle: async () =>
        (await peopleWithRoles(s.db, s.crypto)).map((p) => ({
          email: p.email,
          name: p.name,
          roles: p.roles.map((r) => ({ areaName: r.areaName, role: r.role })),
        })),
    }),
    route({
      method: 'post',
      path: '/dev/sign-in',
      summary: 'Local mode only: sign in as a demo user',
      tag: 'development',
      policy: { kind: 'public' },
      body: devSignInBody,
      response: tokenResponse,
      handle: async ({ body }) => {
        const personId = await personIdByEmail(s.db, s.crypto, body.email);
        if (!personId) throw new DomainError('NOT_FOUND', 'No demo user has that email address.');
        return { token: issueDevToken(key, personId, s.clock.now()) };
      },
    }),
  ];
}
