import { request, type Dispatcher } from 'undici';
import { UpstreamAuthFailedError, UpstreamUnavailableError } from '../../errors';
import type { Logger } from '../../logger';
import type { Clock } from '../shared/clock';
import { readCapped } from '../shared/read-body';

/**
 * Login with Amazon access tokens, one per (app, seller refresh token): cached, renewed
 * `refreshSkewMs` before expiry, single-flight, and dropped when SP-API says it expired
 * (SPAPI.md, "Hosts, auth, headers").
 */
export class LwaTokens {
  private readonly tokens = new Map<string, { accessToken: string; expiresAt: number }>();
  private readonly flights = new Map<string, Promise<string>>();
  /** token requests sent, for tests */
  requests = 0;

  constructor(
    private readonly deps: {
      url: string;
      clientId: string;
      clientSecret: string;
      clock: Clock;
      logger: Logger;
      dispatcher?: Dispatcher;
      refreshSkewMs?: number;
      timeoutMs?: number;
    },
  ) {}

  async get(refreshToken: string): Promise<string> {
    const cached = this.tokens.get(refreshToken);
    if (cached && this.deps.clock.now() < cached.expiresAt - (this.deps.refreshSkewMs ?? 60_000))
      return cached.accessToken;
    let flight = this.flights.get(refreshToken);
    if (!flight) {
      flight = this.exchange(refreshToken).finally(() => this.flights.delete(refreshToken));
      this.flights.set(refreshToken, flight);
    }
    return flight;
  }

  /** SP-API refused `accessToken` as expired: forget it unless it was already replaced. */
  invalidate(refreshToken: string, accessToken: string): void {
    if (this.tokens.get(refreshToken)?.accessToken === accessToken) this.tokens.delete(refreshToken);
  }

  private async exchange(refreshToken: string): Promise<string> {
    this.requests++;
    const details = { upstream: 'lwa', operation: 'refreshToken' };
    let status: number;
    let body: Record<string, unknown> | undefined;
    try {
      const res = await request(this.deps.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: this.deps.clientId,
          client_secret: this.deps.clientSecret,
        }).toString(),
        dispatcher: this.deps.dispatcher,
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? 10_000),
      });
      status = res.statusCode;
      const text = await readCapped(res, 64 * 1024);
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = undefined;
      }
    } catch {
      throw new UpstreamUnavailableError('Login with Amazon could not be reached.', details);
    }
    if (status >= 500) throw new UpstreamUnavailableError(`Login with Amazon answered HTTP ${status}.`, details);
    const accessToken = body?.access_token;
    const expiresIn = Number(body?.expires_in);
    if (status !== 200 || typeof accessToken !== 'string' || !Number.isFinite(expiresIn)) {
      // e.g. 400 {"error":"invalid_grant"}: the seller revoked the app, or the client secret is wrong
      const code = typeof body?.error === 'string' ? body.error : `HTTP ${status}`;
      this.deps.logger.warn({ upstream: 'lwa', status, code }, 'Login with Amazon refused the token exchange');
      throw new UpstreamAuthFailedError(`Login with Amazon refused the seller authorization (${code}).`, {
        ...details,
        upstreamCode: code,
      });
    }
    this.tokens.set(refreshToken, { accessToken, expiresAt: this.deps.clock.now() + expiresIn * 1000 });
    return accessToken;
  }
}
