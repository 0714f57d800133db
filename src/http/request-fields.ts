import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLRequestFields } from '../admission/admission';
import { BodyTooLargeError, readRequestBody, refuse } from './respond';

/**
 * The GraphQL request's fields, from a POST's JSON body or a GET's query string; or `undefined`
 * when the request is refused here (too large, not JSON, a batch), the refusal already answered.
 */
export async function readRequestFields(
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
  maxBodyBytes: number,
  cors: Record<string, string>,
): Promise<GraphQLRequestFields | undefined> {
  return req.method === 'POST' ? fromBody(req, res, maxBodyBytes, cors) : fromQueryString(res, params, cors);
}

/** POST: one JSON object, at most `maxBodyBytes` (the rest is not read), sent as JSON. */
async function fromBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
  cors: Record<string, string>,
): Promise<GraphQLRequestFields | undefined> {
  let text: string;
  try {
    text = await readRequestBody(req, maxBodyBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    refuse(res, 413, 'The request body is too large.', { code: 'QUERY_TOO_LARGE' }, { ...cors, connection: 'close' });
    req.resume();
    return undefined;
  }
  const badRequest = (message: string) => void refuse(res, 400, message, { code: 'BAD_REQUEST' }, cors);
  if (!/json/i.test(req.headers['content-type'] ?? ''))
    return badRequest('POST a JSON object (content-type: application/json).');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return badRequest('The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return badRequest('POST one GraphQL request as a JSON object (batches are not taken).');
  return body;
}

/** GET: the fields from the query string; `extensions` is JSON there too (Apollo reads it from GET). */
function fromQueryString(
  res: ServerResponse,
  params: URLSearchParams,
  cors: Record<string, string>,
): GraphQLRequestFields | undefined {
  let extensions: unknown;
  const raw = params.get('extensions');
  if (raw !== null) {
    try {
      extensions = JSON.parse(raw);
    } catch {
      return void refuse(res, 400, '`extensions` is not valid JSON.', { code: 'BAD_REQUEST' }, cors);
    }
  }
  return {
    documentId: params.get('documentId') ?? undefined,
    query: params.get('query') ?? undefined,
    variables: params.get('variables') ?? undefined,
    operationName: params.get('operationName') ?? undefined,
    extensions,
  };
}
