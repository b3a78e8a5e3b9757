import { z } from 'zod';
import { devSignInBody, devUserSchema, meSchema, tokenResponse } from '#core/contracts/api.js';
import { DomainError } from '#core/shared/errors.js';
import { issueDevToken } from '../../auth/dev-tokens.js';
import { peopleWithRoles, personIdByEmail } from '../../auth/people.js';
import { route, type RouteDef } from '../route.js';
import type { Services } from '../services.js';

const clientConfigSchema = z.strictObject({
  entra: z.strictObject({ clientId: z.string(), scope: z.string() }).nullable(),
  devSignIn: z.boolean(),
});

export function sessionRoutes(s: Services): RouteDef[] {
  const entra = s.config.entra;
  const routes: RouteDef[] = [
    route({
      method: 'get',
      path: '/client-config',
      summary: 'How the tab signs in: the Entra app and scope, or the local development sign-in',
      tag: 'session',
      policy: { kind: 'public' },
      response: clientConfigSchema,
      handle: async () => ({
        // audiences are [client id, Application ID URI]; the tab asks for <URI>/<scope>.
        entra: entra
          ? {
              clientId: entra.audiences[0]!,
              scope: `${entra.audiences[1]}/${entra.requiredScopes[0]}`,
            }
          : null,
        devSignIn: s.config.devSignIn,
      }),
    }),
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
