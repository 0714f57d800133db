import type { ServerResponse } from 'node:http';

/** An HTTP answer an operation gives; thrown to stop an operation early with a refusal. */
export class HttpAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/** Amazon's 400 for a request it refuses (the historic sandbox also uses it for unknown orders). */
export const invalid = (message: string, details?: string) =>
  new HttpAnswer(400, { errors: [{ code: 'InvalidInput', message, ...(details ? { details } : {}) }] });

export const notFound = (message: string) => new HttpAnswer(404, { errors: [{ code: 'NotFound', message }] });

export const ok = (payload?: unknown) => new HttpAnswer(200, payload === undefined ? {} : { payload });

/** A fault a test injects: an error status, an HTML body, a delay, or a lost answer. */
export interface SpApiFault {
  status: number;
  /** answer an HTML body, as some SP-API 400s and gateway errors do */
  html?: boolean;
  delayMs?: number;
  /** carry the request out, then answer with the fault (a lost answer) */
  afterProcessing?: boolean;
  /** answer a JSON body this many bytes long, streamed (an upstream gone wrong) */
  bodyBytes?: number;
}

/** Amazon's timestamps: ISO-8601 in UTC, to the second. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function send(res: ServerResponse, status: number, body: unknown, requestId?: string, rateLimit?: number): void {
  const text = body === undefined ? '' : JSON.stringify(body); // a 204 has no body
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(requestId ? { 'x-amzn-RequestId': requestId } : {}),
    ...(rateLimit ? { 'x-amzn-RateLimit-Limit': rateLimit.toFixed(1) } : {}),
  });
  res.end(text);
}

export function sendFault(res: ServerResponse, fault: SpApiFault, requestId: string): void {
  if (fault.bodyBytes) {
    res.writeHead(fault.status, { 'content-type': 'application/json', 'x-amzn-RequestId': requestId });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = fault.bodyBytes;
    const write = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', write);
      }
      res.end();
    };
    res.on('error', () => undefined);
    return write();
  }
  if (fault.html) {
    res.writeHead(fault.status, { 'content-type': 'text/html', 'x-amzn-RequestId': requestId });
    res.end('<html><head><title>Error</title></head><body>Service Unavailable</body></html>');
    return;
  }
  const code = fault.status === 429 ? 'QuotaExceeded' : fault.status >= 500 ? 'InternalFailure' : 'InvalidInput';
  const message =
    code === 'QuotaExceeded'
      ? 'You exceeded your quota for the requested resource.'
      : 'We encountered an internal error. Please try again.';
  send(res, fault.status, { errors: [{ code, message }] }, requestId);
}
