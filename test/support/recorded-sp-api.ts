import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../../src/sandbox/http';

export interface RecordedAnswer {
  status?: number;
  body: unknown;
}

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A replay double of SP-API: each request takes the next recorded answer queued for its route
 * (`METHOD /path` below the version base, or a route pattern), and Login with Amazon answers
 * tokens (form or JSON requests). Unrouted requests answer 404. Every request is kept.
 */
export class RecordedSpApi {
  readonly seen: SeenRequest[] = [];
  private readonly queues = new Map<string, RecordedAnswer[]>();
  private server?: Server;
  /** access tokens to refuse as revoked, once each */
  revokeNext = 0;

  answer(route: string, ...answers: RecordedAnswer[]): this {
    this.queues.set(route, [...(this.queues.get(route) ?? []), ...answers]);
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const body = raw.toString('utf8');
        this.seen.push({ method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, body });
        const send = (status: number, payload: unknown) => {
          res.writeHead(status, {
            'content-type': 'application/json',
            'x-amzn-RequestId': randomBytes(8).toString('hex'),
          });
          res.end(JSON.stringify(payload));
        };
        if (url.pathname === '/auth/o2/token') {
          return send(200, {
            access_token: `Atza|${randomBytes(8).toString('hex')}`,
            token_type: 'bearer',
            expires_in: 3600,
          });
        }
        if (this.revokeNext > 0) {
          this.revokeNext--;
          return send(403, {
            errors: [
              {
                code: 'Unauthorized',
                message: 'Access to requested resource is denied.',
                details: 'The access token you provided is revoked, malformed or invalid.',
              },
            ],
          });
        }
        const route = `${req.method} ${url.pathname.replace(/^\/fba\/outbound\/2020-07-01/, '')}`;
        const key = [...this.queues.keys()].find((k) => k === route || new RegExp(`^${k}$`).test(route));
        const next = key ? this.queues.get(key)!.shift() : undefined;
        if (!next) return send(404, { errors: [{ code: 'NotFound', message: `nothing recorded for ${route}` }] });
        send(next.status ?? 200, next.body);
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }
}
