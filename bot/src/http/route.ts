import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Role } from '#core/contracts/api.js';
import type { Principal } from '../auth/people.js';

/**
 * Who may call a route, stated once beside it. Deny by default: a route with no policy does not
 * compile. `area` policies name how to find the area a request is about, so a caller who holds no
 * role there gets 404 (the record's existence is not disclosed) and one without the right role 403.
 */
export type Policy =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | {
      kind: 'area';
      roles: readonly Role[] | 'any';
      /** The area the request is about, from its path ids or its body (not validated yet). */
      areaOf: (params: Record<string, string>, body: unknown) => Promise<string | null>;
    };

export interface RequestContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal | null;
  correlationId: string;
}

// `any` by default so that routes of different shapes sit in one list: a handler's context is
// read contravariantly and its schemas covariantly, and no other type fits both. Each route is
// still checked against its own schemas where `route()` infers them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface RouteDef<P = any, Q = any, B = any, R = any> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI form: `/areas/{areaId}`; mounted under `/api`. */
  path: string;
  summary: string;
  tag: string;
  policy: Policy;
  /**
   * A create: honours an `Idempotency-Key` header (the same key from the same caller within 24
   * hours gets the first answer and writes nothing more). Every route that writes a new record
   * or takes an action says so here.
   */
  idempotent?: true;
  /**
   * A request refused as invalid is audited like a denied one: for writes of case data, where a
   * body the tab or a card never sends (an extra field, another agency's shape) is a probe.
   */
  auditInvalid?: true;
  /**
   * Read in a loop by many clients at once (the meeting view): matched before every other route,
   * so its requests do not walk the whole list. Its path must not also match another route of
   * its method (`mountRoutes` refuses one that does).
   */
  hot?: true;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response: z.ZodType<R>;
  /**
   * Server-sent events instead of one JSON answer: the handler, having checked the caller may
   * follow, returns what to stream (`LiveStreamOptions`), and the connection stays open.
   */
  stream?: true;
  /** 204: the handler's answer is dropped and no body is sent. */
  status?: 200 | 201 | 204;
  /**
   * Media types the route may answer with instead of JSON (a PDF): the handler then returns a
   * `fileAnswer`, sent as it is; any other answer is JSON, as `response` describes it. A route
   * that answers only with a file (a download) says so with `response: z.never()`.
   */
  files?: readonly FileMediaType[];
  /** Headers a file answer carries, by name, with what each says (for the OpenAPI description). */
  fileHeaders?: Readonly<Record<string, string>>;
  handle: (ctx: RequestContext<P, Q, B>) => Promise<R | FileAnswer>;
}

/** Keeps each route's handler typed by its own schemas. */
export function route<P, Q, B, R>(def: RouteDef<P, Q, B, R>): RouteDef {
  return def as RouteDef;
}

export type FileMediaType =
  | 'application/pdf'
  | 'text/csv'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A document a route answers with as it is, not as JSON: its bytes, type and file name. */
export interface FileAnswer {
  mediaType: FileMediaType;
  /** The name a browser saves it under: ASCII letters, digits, dots, dashes only. */
  filename: string;
  bytes: Buffer;
  /**
   * Headers that say what the document holds, for a client that cannot read it (counts, never
   * personal data), as the route's `fileHeaders` lists them.
   */
  headers?: Readonly<Record<string, string>>;
}

const fileAnswers = new WeakSet<object>();

/** Marks a handler's answer as a file to send as it is. */
export function fileAnswer(file: FileAnswer): FileAnswer {
  if (!/^[A-Za-z0-9.-]{1,100}$/.test(file.filename)) throw new RangeError('unsafe file name');
  fileAnswers.add(file);
  return file;
}

export const isFileAnswer = (answer: unknown): answer is FileAnswer =>
  typeof answer === 'object' && answer !== null && fileAnswers.has(answer);

/** A kept answer as it goes on the wire: its JSON as bytes, and the ETag Express would give it. */
export interface KeptJson {
  body: Buffer;
  etag: string;
}

const keptAnswers = new WeakMap<object, KeptJson | null>();

/**
 * Marks an answer that a route keeps and sends again unchanged (the meeting view, per snapshot
 * and seat): it is serialised once, on its first sending, not on every request. Frozen, so that
 * nothing can change it under the text kept.
 */
export function keptAnswer<T extends object>(answer: T): T {
  keptAnswers.set(answer, null);
  return Object.freeze(answer);
}

/**
 * The JSON of a kept answer (made on first use: the text encoded once, and its weak ETag in
 * Express's own form, so neither is worked out again on each sending); undefined for any other.
 */
export function keptJson(answer: unknown): KeptJson | undefined {
  if (typeof answer !== 'object' || answer === null || !keptAnswers.has(answer)) return undefined;
  let kept = keptAnswers.get(answer);
  if (kept == null) {
    const body = Buffer.from(JSON.stringify(answer), 'utf8');
    const hash = createHash('sha1').update(body).digest('base64').slice(0, 27);
    kept = { body, etag: `W/"${body.length.toString(16)}-${hash}"` };
    keptAnswers.set(answer, kept);
  }
  return kept;
}
