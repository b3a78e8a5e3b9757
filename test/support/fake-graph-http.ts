import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/* The HTTP side of the fake Graph server: recording requests and writing Graph-shaped replies. */

export interface RecordedRequest {
  method: string;
  /** Path as sent, still percent-encoded, without the query. */
  rawPath: string;
  /** Path with each segment decoded (an id holding '/' then reads ambiguously: route on rawPath). */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, form fields for form posts, the text of text/plain, or undefined when empty. */
  body: unknown;
  /** Milliseconds since the epoch at arrival. */
  at: number;
}

export type Reply = { status: number; headers?: Record<string, string>; body?: unknown };

export function graphError(status: number, code: string, message: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: { error: { code, message } },
  };
}

export function notFound(): Reply {
  return graphError(404, 'ResourceNotFound', 'Resource not found for the segment.');
}

export async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const rawPath = (req.url ?? '/').split('?')[0]!;
  const contentType = req.headers['content-type'] ?? '';
  const body =
    text === ''
      ? undefined
      : contentType.includes('x-www-form-urlencoded')
        ? Object.fromEntries(new URLSearchParams(text))
        : contentType.startsWith('text/plain')
          ? text
          : JSON.parse(text);
  return {
    method: req.method ?? 'GET',
    rawPath,
    path: rawPath.split('/').map(decodeURIComponent).join('/'),
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body,
    at: Date.now(),
  };
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'request-id': 'fake-request-id', ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  res
    .writeHead(reply.status, { 'content-type': 'application/json', ...headers })
    .end(JSON.stringify(reply.body));
}
