import { z } from 'zod';
import { errorSchema } from '#core/contracts/api.js';
import type { RouteDef } from './route.js';

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });

function parameters(route: RouteDef) {
  const out: object[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const shape = jsonSchema(schema) as {
      properties?: Record<string, object>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(shape.properties ?? {})) {
      const required = where === 'path' || (shape.required ?? []).includes(name);
      out.push({ name, in: where, required, schema: property });
    }
  }
  if (route.idempotent) out.push(IDEMPOTENCY_PARAMETER);
  return out;
}

const IDEMPOTENCY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'One random value (a UUID) per user action, sent again when the same action is retried. The ' +
    'same key from the same caller on this route within 24 hours gets the first answer (its ' +
    'status and body, with the header `Idempotent-Replayed: true`) and writes nothing more; a ' +
    'second request while the first still runs waits for its answer. The same key with a ' +
    'different body is refused with 422. A request that fails (4xx or 5xx) keeps no key, so it ' +
    'can be retried with the same one.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
};

const STREAM_RESPONSE = {
  description:
    'Server-sent events (`text/event-stream`), open until the client leaves: each event has its ' +
    'sequence number as `id`, its kind as `event`, and as `data` a JSON object of `topic`, ' +
    '`seq`, `kind`, `ids` (identifiers only) and `at`. A client reconnecting sends the last id ' +
    'it had as `Last-Event-ID` (or `?lastEventId=`) and receives what it missed, once and in ' +
    'order; when that cannot be replayed (too old, or unknown) it receives one `reset` event ' +
    'and should read the whole view again. A comment line comes every 25 seconds.',
  content: { 'text/event-stream': { schema: { type: 'string' } } },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** A download (`response: z.never()`) answers only with its file; another route JSON or a file. */
function success(route: RouteDef) {
  const onlyFile = route.files !== undefined && route.response instanceof z.ZodNever;
  const files = Object.fromEntries(
    (route.files ?? []).map((type) => [
      type,
      { schema: { type: 'string', contentMediaType: type } },
    ]),
  );
  return {
    description: onlyFile
      ? `Success: the file (${route.files!.join(', ')}), as an attachment`
      : route.files
        ? `Success: the document (${route.files.join(', ')}), or JSON as described`
        : 'Success',
    ...(route.fileHeaders
      ? {
          headers: Object.fromEntries(
            Object.entries(route.fileHeaders).map(([name, description]) => [
              name,
              { description, schema: { type: 'string' } },
            ]),
          ),
        }
      : {}),
    content: {
      ...files,
      ...(onlyFile ? {} : { 'application/json': { schema: jsonSchema(route.response) } }),
    },
  };
}

/** The OpenAPI 3.1 description, generated from the same route table the server mounts. */
export function openApiDocument(routes: readonly RouteDef[], version: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const secured = route.policy.kind !== 'public';
    paths[`/api${route.path}`] ??= {};
    paths[`/api${route.path}`]![route.method] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${route.path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
      ...(secured ? {} : { security: [] }),
      parameters: parameters(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body) } },
            },
          }
        : {}),
      responses: {
        [String(route.status ?? 200)]:
          route.status === 204
            ? { description: 'Done; no content' }
            : route.stream
              ? STREAM_RESPONSE
              : success(route),
        '400': errorResponse('The request is not valid; details name each field'),
        ...(secured
          ? { '401': errorResponse('Not signed in'), '403': errorResponse('Not allowed') }
          : {}),
        '404': errorResponse('Not found, or not visible to the caller'),
        ...(route.idempotent
          ? {
              '409': errorResponse('The same Idempotency-Key is still being handled'),
              '422': errorResponse('This Idempotency-Key was used for a different request'),
            }
          : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'MARAC API',
      version,
      description:
        'The REST API behind the MARAC tab. Every body is validated strictly: unknown fields are refused.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: jsonSchema(errorSchema) },
    },
  };
}
