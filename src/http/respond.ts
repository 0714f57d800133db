import type { IncomingMessage, ServerResponse } from 'node:http';
import { readText } from '../platform/read-text';

/** A JSON answer written by the HTTP layer itself (refusals before GraphQL runs, health, readiness). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function refuse(
  res: ServerResponse,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  sendJson(res, status, { errors: [{ message, extensions }] }, headers);
}

export class BodyTooLargeError extends Error {}

/** The request body, at most `limit` bytes (else BodyTooLargeError: the rest is not read into memory). */
export async function readRequestBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new BodyTooLargeError();
  return readText(req, limit, () => new BodyTooLargeError());
}
