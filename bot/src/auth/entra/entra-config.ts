import { z } from 'zod';
import {
  CONSUMER_TENANT_ID,
  isGuid,
  normaliseAuthorityHost,
  PUBLIC_CLOUD_AUTHORITY,
} from './entra-authority.js';
import type { EntraVerifierOptions } from './entra-verifier.js';

/*
 * Environment keys for Entra ID sign-in. The schema checks each key on its own and leaves them all
 * optional, so that it can be merged into the app's schema (`envSchema.extend(entraEnvSchema.shape)`);
 * entraOptionsFrom decides which are required together and builds the verifier's options.
 */

const DEFAULT_SCOPE = 'access_as_user';

/** A blank value (`KEY=` in an env file) counts as unset. */
const unsetIfBlank = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    schema.optional(),
  );

const tenantList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  )
  .refine((ids) => ids.length > 0 && ids.every(isGuid), {
    message: 'expected one or more tenant ids (GUIDs), separated by commas',
  })
  .refine((ids) => !ids.includes(CONSUMER_TENANT_ID), {
    message: 'the personal Microsoft account tenant cannot be allowed',
  });

const clientId = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine(isGuid, { message: 'expected the application (client) id, a GUID' });

const appIdUri = z
  .string()
  .trim()
  .regex(/^api:\/\/\S+$/, {
    message: 'expected the Application ID URI, such as api://marac.example.org/<client id>',
  });

const scopes = z
  .string()
  .transform((v) => v.split(/[\s,]+/).filter(Boolean))
  .refine((list) => list.length > 0 && list.every((s) => /^[A-Za-z0-9._-]+$/.test(s)), {
    message: 'expected scope names such as access_as_user, separated by spaces or commas',
  });

const authorityHost = z
  .string()
  .trim()
  .refine(
    (v) => {
      try {
        normaliseAuthorityHost(v);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'expected an https origin such as https://login.microsoftonline.com' },
  )
  .transform(normaliseAuthorityHost);

export const entraEnvSchema = z.object({
  ENTRA_ALLOWED_TENANTS: unsetIfBlank(tenantList),
  ENTRA_CLIENT_ID: unsetIfBlank(clientId),
  ENTRA_APP_ID_URI: unsetIfBlank(appIdUri),
  ENTRA_REQUIRED_SCOPE: unsetIfBlank(scopes),
  ENTRA_AUTHORITY_HOST: unsetIfBlank(authorityHost),
});

export type EntraEnv = z.output<typeof entraEnvSchema>;

/** Every key at fault, each line starting with the key's name. */
export class EntraConfigError extends Error {
  override readonly name = 'EntraConfigError';

  constructor(readonly problems: string[]) {
    super(`Entra ID configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** What the environment decides; timeouts and tolerance keep the verifier's defaults. */
export type EntraOptions = Pick<
  EntraVerifierOptions,
  'allowedTenants' | 'audiences' | 'requiredScopes'
> & {
  authorityHost: string;
};

const REQUIRED = ['ENTRA_ALLOWED_TENANTS', 'ENTRA_CLIENT_ID', 'ENTRA_APP_ID_URI'] as const;

/**
 * The verifier's options from the raw environment, or null when no ENTRA_ key is set (Entra
 * sign-in is off). Throws {@link EntraConfigError} naming every bad or missing key.
 */
export function entraOptionsFrom(
  source: Readonly<Record<string, string | undefined>>,
): EntraOptions | null {
  const parsed = entraEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new EntraConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  if (Object.values(env).every((v) => v === undefined)) return null;
  const problems = REQUIRED.filter((key) => env[key] === undefined).map(
    (key) => `${key}: required with the other ENTRA_ settings`,
  );
  if (
    env.ENTRA_APP_ID_URI &&
    env.ENTRA_CLIENT_ID &&
    !endsWithClientId(env.ENTRA_APP_ID_URI, env.ENTRA_CLIENT_ID)
  ) {
    problems.push(
      'ENTRA_APP_ID_URI: expected to end with ENTRA_CLIENT_ID, as api://<domain>/<client id> does',
    );
  }
  if (problems.length > 0) throw new EntraConfigError(problems);
  return {
    authorityHost: env.ENTRA_AUTHORITY_HOST ?? PUBLIC_CLOUD_AUTHORITY,
    allowedTenants: env.ENTRA_ALLOWED_TENANTS!,
    // v2.0 tokens carry the client id as `aud`; v1.0 tokens from Teams SSO carry the URI.
    audiences: [env.ENTRA_CLIENT_ID!, env.ENTRA_APP_ID_URI!],
    requiredScopes: env.ENTRA_REQUIRED_SCOPE ?? [DEFAULT_SCOPE],
  };
}

/** `api://<id>`, `api://<domain>/<id>`, and Teams' `api://<domain>/botid-<id>` for apps with a bot. */
const endsWithClientId = (uri: string, id: string) =>
  new RegExp(`(?:^api://|/|/botid-)${id}$`).test(uri.toLowerCase());
