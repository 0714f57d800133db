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
  if (req.method === 'POST') {
    let text: string;
    try {
      text = await readRequestBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        refuse(
          res,
          413,
          'The request body is too large.',
          { code: 'QUERY_TOO_LARGE' },
          { ...cors, connection: 'close' },
        );
        req.resume();
        return undefined;
      }
      throw error;
    }
    if (!/json/i.test(req.headers['content-type'] ?? ''))
      return void refuse(
        res,
        400,
        'POST a JSON object (content-type: application/json).',
        { code: 'BAD_REQUEST' },
        cors,
      );
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return void refuse(res, 400, 'The request body is not valid JSON.', { code: 'BAD_REQUEST' }, cors);
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return void refuse(
        res,
        400,
        'POST one GraphQL request as a JSON object (batches are not taken).',
        { code: 'BAD_REQUEST' },
        cors,
      );
    return body;
  } else {
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
}
