import type { Logger } from '../../logger';
import type { Clock } from '../shared/clock';
import type { ErpEnvelope } from './envelope';
import { UpstreamError, UpstreamProtocolError } from '../../errors';

/** Lingxing access tokens (LINGXING.md, "Access token"). */
interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** ms epoch when the access token expires */
  expiresAt: number;
  /** ms epoch after which the refresh token no longer works (2 h after issue) */
  refreshExpiresAt: number;
}

interface RawToken {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
}

export type PostForm = (operation: 'accessToken' | 'refreshToken', fields: Record<string, string>) => Promise<ErpEnvelope<RawToken>>;

const REFRESH_TOKEN_LIFETIME_MS = 2 * 60 * 60 * 1000;

/**
 * The single owner of one appId's token. A new token very probably invalidates the previous one
 * for that appId, so exactly one of these must exist per appId in a deployment: renewals are
 * single-flight, happen `refreshSkewMs` before expiry, use the one-shot refresh token when it is
 * still valid and fall back to the app secret otherwise.
 */
export class LingxingTokenOwner {
  private current?: TokenPair;
  private flight?: Promise<TokenPair>;
  /** how many token requests were sent, for tests and metrics */
  renewals = 0;

  constructor(
    private readonly deps: {
      appId: string;
      appSecret: string;
      clock: Clock;
      logger: Logger;
      postForm: PostForm;
      refreshSkewMs: number;
    },
  ) {}

  /** A valid access token, renewing first when it is missing or within the skew of expiry. */
  async get(): Promise<string> {
    const c = this.current;
    if (c && this.deps.clock.now() < c.expiresAt - this.deps.refreshSkewMs) return c.accessToken;
    return (await this.renew()).accessToken;
  }

  /** The upstream refused `accessToken` (2001003/2001005): forget it unless it was already replaced. */
  invalidate(accessToken: string): void {
    if (this.current?.accessToken === accessToken) this.current = undefined;
  }

  private renew(): Promise<TokenPair> {
    this.flight ??= this.obtain().finally(() => {
      this.flight = undefined;
    });
    return this.flight;
  }

  private async obtain(): Promise<TokenPair> {
    const previous = this.current;
    if (previous && this.deps.clock.now() < previous.refreshExpiresAt) {
      try {
        return this.keep(await this.deps.postForm('refreshToken', { appId: this.deps.appId, refreshToken: previous.refreshToken }), 'refresh');
      } catch (error) {
        // 2001008/2001009: the refresh token is spent or expired; any other failure: try the secret once.
        this.deps.logger.warn({ upstream: 'lingxing', code: error instanceof UpstreamError ? error.code : 'unknown' }, 'token refresh failed; fetching a new token');
      }
    }
    return this.keep(await this.deps.postForm('accessToken', { appId: this.deps.appId, appSecret: this.deps.appSecret }), 'access-token');
  }

  private keep(envelope: ErpEnvelope<RawToken>, via: string): TokenPair {
    const d = envelope.data;
    const expiresIn = Number(d?.expires_in); // documented as number, seen as string: accept both
    if (!d || typeof d.access_token !== 'string' || typeof d.refresh_token !== 'string' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new UpstreamProtocolError('The ERP answered the token request without a usable token.', { upstream: 'lingxing', operation: via, requestId: envelope.requestId });
    }
    const now = this.deps.clock.now();
    this.renewals++;
    this.current = {
      accessToken: d.access_token,
      refreshToken: d.refresh_token,
      expiresAt: now + expiresIn * 1000,
      refreshExpiresAt: now + REFRESH_TOKEN_LIFETIME_MS,
    };
    this.deps.logger.info({ upstream: 'lingxing', via, expiresInSeconds: expiresIn }, 'ERP access token renewed');
    return this.current;
  }
}
