import { request, type Dispatcher } from 'undici';
import { UpstreamAuthFailedError, UpstreamUnavailableError } from '../../errors';
import type { Logger } from '../../platform/logger';
import type { Clock } from '../../platform/clock';
import { readCapped } from '../shared/read-body';
import { createHash } from 'node:crypto';
import { openToken, sealToken, type SharedTokenStore } from '../shared/shared-tokens';

/**
 * Login with Amazon access tokens, one per (app, seller refresh token): cached, renewed
 * `refreshSkewMs` before expiry, single-flight, and dropped when SP-API says it expired
 * (docs/upstreams/sp-api.md).
 */
export class LwaTokens {
  private readonly tokens = new Map<string, { accessToken: string; expiresAt: number }>();
  private readonly flights = new Map<string, Promise<string>>();
  /** the last token SP-API refused, per refresh token */
  private readonly rejected = new Map<string, string>();
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
      /** the store replicas share their tokens through (sealed); absent: this process alone */
      shared?: SharedTokenStore;
    },
  ) {}

  async get(refreshToken: string): Promise<string> {
    const cached = this.tokens.get(refreshToken);
    if (cached && this.deps.clock.now() < cached.expiresAt - (this.deps.refreshSkewMs ?? 60_000))
      return cached.accessToken;
    let flight = this.flights.get(refreshToken);
    if (!flight) {
      flight = this.obtain(refreshToken).finally(() => this.flights.delete(refreshToken));
      this.flights.set(refreshToken, flight);
    }
    return flight;
  }

  /**
   * A fresh token: with a shared store, the one another replica already holds, else a new exchange
   * made while no other replica makes one for this seller (one owner across replicas).
   */
  private async obtain(refreshToken: string): Promise<string> {
    const shared = this.deps.shared;
    if (!shared) return this.exchange(refreshToken);
    const key = `lwa:${createHash('sha256').update(refreshToken).digest('hex').slice(0, 32)}`;
    const adopt = async () => {
      const sealed = await shared.load(key);
      const pair = sealed ? openToken(sealed, this.deps.clientSecret) : null;
      if (!pair || pair.accessToken === this.rejected.get(refreshToken) || !this.fresh(pair.expiresAt)) return null;
      this.tokens.set(refreshToken, { accessToken: pair.accessToken, expiresAt: pair.expiresAt });
      return pair.accessToken;
    };
    return (
      (await adopt()) ??
      shared.withLock(key, async () => {
        const adopted = await adopt();
        if (adopted) return adopted;
        const accessToken = await this.exchange(refreshToken);
        const expiresAt = this.tokens.get(refreshToken)!.expiresAt;
        const pair = { accessToken, refreshToken: '', expiresAt, refreshExpiresAt: expiresAt };
        await shared.save(key, sealToken(pair, this.deps.clientSecret));
        return accessToken;
      })
    );
  }

  private fresh(expiresAt: number): boolean {
    return this.deps.clock.now() < expiresAt - (this.deps.refreshSkewMs ?? 60_000);
  }

  /** SP-API refused `accessToken` as expired: forget it unless it was already replaced. */
  invalidate(refreshToken: string, accessToken: string): void {
    this.rejected.set(refreshToken, accessToken); // never adopted again from the shared store
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
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? 10_000), // rare: one exchange per token
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
