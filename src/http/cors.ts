import type { IncomingMessage, ServerResponse } from 'node:http';

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)$/;

/** Whether a browser origin may call /graphql: configured ones, never `null`; loopback entries allow any port. */
export function originAllowed(allowed: string[] | '*', origin: string | undefined): origin is string {
  if (!origin || origin === 'null') return false;
  return (
    allowed === '*' ||
    allowed.some(
      (a) =>
        origin === a ||
        (LOOPBACK_ORIGIN.test(a) && origin.startsWith(`${a}:`) && /^\d+$/.test(origin.slice(a.length + 1))),
    )
  );
}

/** The CORS headers of an answer to this request: the origin reflected only when it is allowed, never `null`. */
export function corsHeaders(req: IncomingMessage, allowed: string[] | '*'): Record<string, string> {
  const origin = req.headers.origin;
  if (!originAllowed(allowed, origin)) return {};
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/** Answers a preflight (OPTIONS): the methods and the asked-for headers, only for an allowed origin. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): void {
  const headers = { ...cors };
  if (headers['access-control-allow-origin']) {
    headers['access-control-allow-methods'] = 'GET,POST,OPTIONS';
    const asked = req.headers['access-control-request-headers'];
    if (asked) headers['access-control-allow-headers'] = asked;
    headers['access-control-max-age'] = '600';
  }
  res.writeHead(204, headers);
  res.end();
}
