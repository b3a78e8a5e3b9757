import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import {
  EntraConfigError,
  entraEnvSchema,
  entraOptionsFrom,
  type EntraOptions,
} from '../auth/entra/entra-config.js';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

const optionalText = z.string().trim().min(1).optional();

const envSchema = entraEnvSchema.extend({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int()
    .min(0)
    .max(65535)
    .default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MARAC_DATA_DIR: z.string().min(1).default('./.data'),
  MARAC_SEED_DEMO: bool(true),
  /** With the demo data: referrals in every state (tests that count referrals turn this off). */
  MARAC_DEMO_REFERRALS: bool(true),
  /** With the demo referrals: a meeting today with four cases, for the meeting tab. */
  MARAC_DEMO_MEETING_TODAY: bool(true),
  MARAC_DEV_SIGN_IN: bool(true),
  MARAC_TAB_DIR: z.string().min(1).default('./tab/dist'),
  /** Where people open the app (a `link` agenda notice points there); localhost and PORT by default. */
  MARAC_PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      message: 'expected an http(s) URL such as https://marac.example.org',
    })
    .optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ message: 'expected a whole number' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(100_000, 'expected at most 100000')
    .default(300),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected a lower-case SQL identifier')
    .optional(),
  GRAPH_MODE: z.enum(['local', 'graph']).optional(),
  GRAPH_TENANT_ID: optionalText,
  GRAPH_CLIENT_ID: optionalText,
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_BASE_URL: z
    .url({ message: 'expected an https URL' })
    .default('https://graph.microsoft.com/v1.0'),
  GRAPH_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  /** Below Outlook's 10,000 requests per 10 minutes per app per mailbox (16.7 a second). */
  GRAPH_MAILBOX_REQUESTS_PER_SECOND: z.coerce
    .number({ message: 'expected a number' })
    .gt(0, 'expected more than 0')
    .max(1000, 'expected at most 1000')
    .default(15),
  MARAC_KEY_VAULT_URL: z
    .url({ message: 'expected the https URL of an Azure Key Vault' })
    .optional(),
  MARAC_KEK_NAME: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,127}$/, 'expected a Key Vault key name')
    .default('marac-kek'),
  /**
   * The vault of the retention keys (one per area and quarter, made and destroyed by the app),
   * when not the KEK's: the app may then create, delete and purge keys there without holding
   * those rights over the KEK. The KEK's vault when unset.
   */
  MARAC_RETENTION_VAULT_URL: z
    .url({ message: 'expected the https URL of an Azure Key Vault' })
    .optional(),
  BOT_CLIENT_ID: optionalText,
  BOT_TENANT_ID: optionalText,
  BOT_CLIENT_SECRET: optionalText,
  /**
   * The Teams app's id in the tenant's app catalog (Graph `appCatalogs/teamsApps/{id}`): with it,
   * a rep the bot has never talked to gets the app installed for them, so a prompt can reach them.
   */
  TEAMS_APP_CATALOG_ID: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a GUID')
    .optional(),
  /** Up to this many cases, a research prompt is a card per case; more, one card with a picker. */
  RESEARCH_CARD_PER_CASE_UP_TO: z.coerce
    .number({ message: 'expected a whole number' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(100, 'expected at most 100')
    .default(3),
});

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  logLevel: string;
  dataDir: string;
  outboxDir: string;
  tabDir: string;
  publicUrl: string;
  seedDemo: boolean;
  demoReferrals: boolean;
  demoMeetingToday: boolean;
  devSignIn: boolean;
  /** API requests a caller may make per minute (bursts of 60). */
  rateLimitPerMinute: number;
  store: { databaseUrl: string | null; databaseSchema: string | null; dataDir: string };
  graph:
    | { mode: 'local' }
    | {
        mode: 'graph';
        tenantId: string;
        clientId: string;
        clientSecret: string;
        baseUrl: string;
        authorityHost: string;
        /** What the Graph client allows itself per mailbox: a second's worth may go at once. */
        mailboxRate: { perSecond: number; burst: number };
      };
  bot: { clientId: string; tenantId: string; clientSecret: string } | null;
  /** Where the key-encryption key lives: Key Vault in production, else a file in dataDir. */
  keyVault: { vaultUrl: string; keyName: string; retentionVaultUrl: string } | null;
  /** Entra ID sign-in for the tab's API; required in production. */
  entra: EntraOptions | null;
  /** The Teams app in the tenant's catalog, for installing it for a rep (graph mode), or null. */
  teamsAppCatalogId: string | null;
  research: { cardPerCaseUpTo: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** An address (not a name) in 127.0.0.0/8, or ::1. */
export function isLoopbackAddress(address: string): boolean {
  if (isIP(address) === 4) return address.split('.')[0] === '127';
  if (isIP(address) === 6) return address === '::1' || address === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * The quick check when the configuration is read: an address must be a loopback one; a name
 * (localhost, or anything else) is resolved at start by `checkLoopbackHost`, since a name that
 * merely starts with "127." can point anywhere.
 */
export const isLoopback = (host: string) => (isIP(host) ? isLoopbackAddress(host) : true);

export type LookupAll = (host: string) => Promise<{ address: string }[]>;
const lookupAll: LookupAll = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Resolves HOST to every address it names and refuses the development sign-in unless each one
 * is in 127.0.0.0/8 or is ::1. Run at start, before the server listens.
 */
export async function checkLoopbackHost(
  host: string,
  resolve: LookupAll = lookupAll,
): Promise<void> {
  const problem = `MARAC_DEV_SIGN_IN: the development sign-in only runs on a loopback address (HOST is ${host}`;
  let addresses: { address: string }[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new ConfigError([
      `${problem}, which does not resolve); set HOST to 127.0.0.1 or MARAC_DEV_SIGN_IN to false`,
    ]);
  }
  const outside = addresses.filter((a) => !isLoopbackAddress(a.address));
  if (addresses.length === 0 || outside.length > 0) {
    throw new ConfigError([
      `${problem}, which resolves to ${outside.map((a) => a.address).join(', ') || 'nothing'}); set HOST to 127.0.0.1 or MARAC_DEV_SIGN_IN to false`,
    ]);
  }
}

/**
 * What a production instance cannot run without (infra/main.bicep sets each; test/manifest
 * checks it does): Entra sign-in, Key Vault, PostgreSQL, Graph, the bot's credentials, and the
 * address people open the app at.
 */
export const PRODUCTION_REQUIRED = [
  'ENTRA_ALLOWED_TENANTS',
  'ENTRA_CLIENT_ID',
  'ENTRA_APP_ID_URI',
  'MARAC_KEY_VAULT_URL',
  'DATABASE_URL',
  'GRAPH_MODE',
  'GRAPH_TENANT_ID',
  'GRAPH_CLIENT_ID',
  'GRAPH_CLIENT_SECRET',
  'BOT_CLIENT_ID',
  'BOT_TENANT_ID',
  'BOT_CLIENT_SECRET',
  'MARAC_PUBLIC_URL',
] as const;

function required(
  env: z.infer<typeof envSchema>,
  keys: (keyof typeof env)[],
  why: string,
): string[] {
  return keys.filter((key) => !env[key]).map((key) => `${key}: required ${why}`);
}

/** Beyond sign-in and Key Vault (checked above with their own words): what production needs. */
function productionProblems(env: z.infer<typeof envSchema>, mode: 'local' | 'graph'): string[] {
  const problems: string[] = [];
  if (!env.DATABASE_URL)
    problems.push(
      'DATABASE_URL: required with NODE_ENV=production (the embedded database is for one machine)',
    );
  if (mode !== 'graph')
    problems.push(
      'GRAPH_MODE: must be graph with NODE_ENV=production (local mode writes mail to files and sends nothing)',
    );
  if (!env.BOT_CLIENT_ID)
    problems.push(
      'BOT_CLIENT_ID, BOT_TENANT_ID, BOT_CLIENT_SECRET: required with NODE_ENV=production (the bot must prove who it is to Teams)',
    );
  if (!env.MARAC_PUBLIC_URL?.startsWith('https://'))
    problems.push(
      'MARAC_PUBLIC_URL: required with NODE_ENV=production, an https address (links in notices and mails point there)',
    );
  return problems;
}

/**
 * Reads the whole configuration once. Every bad or missing key is named in one error so an
 * operator fixes them all in one go; nothing else in the app reads process.env.
 */
export function loadConfig(source: NodeJS.ProcessEnv): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const hasGraphCredentials = Boolean(env.GRAPH_TENANT_ID || env.GRAPH_CLIENT_ID);
  const mode = env.GRAPH_MODE ?? (hasGraphCredentials ? 'graph' : 'local');
  const problems: string[] = [];
  if (mode === 'graph') {
    problems.push(
      ...required(
        env,
        ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET'],
        'when GRAPH_MODE=graph',
      ),
    );
  }
  const botKeys = ['BOT_CLIENT_ID', 'BOT_TENANT_ID', 'BOT_CLIENT_SECRET'] as const;
  if (botKeys.some((key) => env[key]))
    problems.push(...required(env, [...botKeys], 'with the other bot credentials'));
  let entra: EntraOptions | null = null;
  try {
    entra = entraOptionsFrom(source);
  } catch (error) {
    if (!(error instanceof EntraConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (!entra && env.NODE_ENV === 'production') {
    problems.push(
      'ENTRA_ALLOWED_TENANTS, ENTRA_CLIENT_ID, ENTRA_APP_ID_URI: required with NODE_ENV=production (the API accepts only Entra ID tokens there)',
    );
  }
  if (!env.MARAC_KEY_VAULT_URL && env.NODE_ENV === 'production') {
    problems.push(
      'MARAC_KEY_VAULT_URL: required with NODE_ENV=production (the key-encryption key must live in Key Vault, not on the app server)',
    );
  }
  if (env.NODE_ENV === 'production') problems.push(...productionProblems(env, mode));
  const devSignIn = mode === 'local' && env.MARAC_DEV_SIGN_IN;
  if (devSignIn && env.NODE_ENV === 'production') {
    problems.push(
      'MARAC_DEV_SIGN_IN: the development sign-in cannot run with NODE_ENV=production; set it to false',
    );
  }
  if (devSignIn && !isLoopback(env.HOST)) {
    problems.push(
      `MARAC_DEV_SIGN_IN: the development sign-in only runs on a loopback address (HOST is ${env.HOST}); set it to false`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(env.MARAC_DATA_DIR);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    dataDir,
    outboxDir: path.join(dataDir, 'outbox'),
    tabDir: path.resolve(env.MARAC_TAB_DIR),
    teamsAppCatalogId: env.TEAMS_APP_CATALOG_ID ?? null,
    research: { cardPerCaseUpTo: env.RESEARCH_CARD_PER_CASE_UP_TO },
    publicUrl: (env.MARAC_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    seedDemo: env.MARAC_SEED_DEMO,
    demoReferrals: env.MARAC_DEMO_REFERRALS,
    demoMeetingToday: env.MARAC_DEMO_MEETING_TODAY,
    devSignIn,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    store: {
      databaseUrl: env.DATABASE_URL ?? null,
      databaseSchema: env.DATABASE_SCHEMA ?? null,
      dataDir,
    },
    graph:
      mode === 'graph'
        ? {
            mode,
            tenantId: env.GRAPH_TENANT_ID!,
            clientId: env.GRAPH_CLIENT_ID!,
            clientSecret: env.GRAPH_CLIENT_SECRET!,
            baseUrl: env.GRAPH_BASE_URL,
            authorityHost: env.GRAPH_AUTHORITY_HOST,
            mailboxRate: {
              perSecond: env.GRAPH_MAILBOX_REQUESTS_PER_SECOND,
              burst: Math.max(1, Math.floor(env.GRAPH_MAILBOX_REQUESTS_PER_SECOND)),
            },
          }
        : { mode: 'local' },
    bot: env.BOT_CLIENT_ID
      ? {
          clientId: env.BOT_CLIENT_ID,
          tenantId: env.BOT_TENANT_ID!,
          clientSecret: env.BOT_CLIENT_SECRET!,
        }
      : null,
    entra,
    keyVault: env.MARAC_KEY_VAULT_URL
      ? {
          vaultUrl: env.MARAC_KEY_VAULT_URL,
          keyName: env.MARAC_KEK_NAME,
          retentionVaultUrl: env.MARAC_RETENTION_VAULT_URL ?? env.MARAC_KEY_VAULT_URL,
        }
      : null,
  };
}
