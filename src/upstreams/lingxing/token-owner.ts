import type { Logger } from '../../platform/logger';
import type { Clock } from '../../platform/clock';
import type { ErpEnvelope } from './envelope';
import { UpstreamError, UpstreamProtocolError } from '../../errors';

/** Lingxing access tokens (docs/upstreams/lingxing.md). */
export type { TokenPair } from '../shared/shared-tokens';

interface RawToken {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
}

export type PostForm = (
  operation: 'accessToken' | 'refreshToken',
  fields: Record<string, string>,
) => Promise<ErpEnvelope<RawToken>>;

export { openToken, sealToken, type SharedTokenStore } from '../shared/shared-tokens';
import { openToken, sealToken, type SharedTokenStore, type TokenPair } from '../shared/shared-tokens';

const REFRESH_TOKEN_LIFETIME_MS = 2 * 60 * 60 * 1000;

/**
 * The owner of one appId's token. A new token very probably invalidates the previous one for that
 * appId (docs/upstreams/lingxing.md), so a deployment must behave as one owner: renewals are single-flight in the
 * process and, with a `shared` store, serialised across replicas, which adopt the token another
 * replica renewed instead of fetching their own (no supersede ping-pong). Renewal happens
 * `refreshSkewMs` before expiry, uses the one-shot refresh token while it is valid and falls back
 * to the app secret otherwise.
 */
export class LingxingTokenOwner {
  private current?: TokenPair;
  private flight?: Promise<TokenPair>;
  /** the last token the ERP refused: never adopted again from the shared store */
  private rejected?: string;
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
      shared?: SharedTokenStore;
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
    this.rejected = accessToken;
    if (this.current?.accessToken === accessToken) this.current = undefined;
  }

  private renew(): Promise<TokenPair> {
    this.flight ??= this.obtain().finally(() => {
      this.flight = undefined;
    });
    return this.flight;
  }

  private usable(pair: TokenPair | null | undefined): pair is TokenPair {
    return Boolean(
      pair && pair.accessToken !== this.rejected && this.deps.clock.now() < pair.expiresAt - this.deps.refreshSkewMs,
    );
  }

  private async obtain(): Promise<TokenPair> {
    const shared = this.deps.shared;
    if (!shared) return this.renewFrom(this.current);
    const { appId, appSecret } = this.deps;
    const stored = async () => {
      const sealed = await shared.load(appId);
      return sealed ? openToken(sealed, appSecret) : null;
    };
    const adopt = async () => {
      const pair = await stored();
      if (!this.usable(pair)) return undefined;
      this.current = pair;
      return pair;
    };
    return (
      (await adopt()) ??
      shared.withLock(`lingxing-token:${appId}`, async () => {
        const renewedMeanwhile = await adopt();
        if (renewedMeanwhile) return renewedMeanwhile;
        const pair = await this.renewFrom((await stored()) ?? this.current);
        await shared.save(appId, sealToken(pair, appSecret));
        return pair;
      })
    );
  }

  private async renewFrom(previous: TokenPair | null | undefined): Promise<TokenPair> {
    if (previous && this.deps.clock.now() < previous.refreshExpiresAt) {
      try {
        return this.keep(
          await this.deps.postForm('refreshToken', { appId: this.deps.appId, refreshToken: previous.refreshToken }),
          'refresh',
        );
      } catch (error) {
        // 2001008/2001009: the refresh token is spent or expired; any other failure: try the secret once.
        this.deps.logger.warn(
          { upstream: 'lingxing', code: error instanceof UpstreamError ? error.code : 'unknown' },
          'token refresh failed; fetching a new token',
        );
      }
    }
    return this.keep(
      await this.deps.postForm('accessToken', { appId: this.deps.appId, appSecret: this.deps.appSecret }),
      'access-token',
    );
  }

  private keep(envelope: ErpEnvelope<RawToken>, via: string): TokenPair {
    const d = envelope.data;
    const expiresIn = Number(d?.expires_in); // documented as number, seen as string: accept both
    if (
      !d ||
      typeof d.access_token !== 'string' ||
      typeof d.refresh_token !== 'string' ||
      !Number.isFinite(expiresIn) ||
      expiresIn <= 0
    ) {
      throw new UpstreamProtocolError('The ERP answered the token request without a usable token.', {
        upstream: 'lingxing',
        operation: via,
        requestId: envelope.requestId,
      });
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
