import { randomBytes } from 'node:crypto';
import { SANDBOX_SPAPI_APP, SANDBOX_SPAPI_SELLERS } from './fixtures';

/** A JSON token request read as form fields; anything unreadable is an empty form (then refused). */
function jsonForm(raw: Buffer): URLSearchParams {
  try {
    const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    return new URLSearchParams(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new URLSearchParams();
  }
}

/** Login with Amazon's token endpoint, as the double plays it: refresh tokens → access tokens naming a seller. */
export class SandboxLwa {
  /** token requests, for tests */
  requests = 0;
  private readonly tokens = new Map<string, { sellerId: string; expiresAt: number }>();
  private readonly refreshTokens = new Map(SANDBOX_SPAPI_SELLERS.map((s) => [s.refreshToken, s.sellerId]));

  constructor(
    private readonly now: () => number,
    private readonly ttlSeconds: number,
  ) {}

  /**
   * POST /auth/o2/token: [status, JSON body]. Login with Amazon takes the fields as a form or as a
   * JSON object (the popular client libraries send JSON).
   */
  exchange(raw: Buffer, contentType = ''): [number, unknown] {
    this.requests++;
    const form = contentType.includes('json') ? jsonForm(raw) : new URLSearchParams(raw.toString('utf8'));
    if (
      form.get('client_id') !== SANDBOX_SPAPI_APP.clientId ||
      form.get('client_secret') !== SANDBOX_SPAPI_APP.clientSecret
    ) {
      return [401, { error: 'invalid_client', error_description: 'Client authentication failed' }];
    }
    const sellerId = this.refreshTokens.get(form.get('refresh_token') ?? '');
    if (form.get('grant_type') !== 'refresh_token' || !sellerId) {
      return [
        400,
        { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' },
      ];
    }
    const accessToken = `Atza|${randomBytes(24).toString('base64url')}`;
    this.tokens.set(accessToken, { sellerId, expiresAt: this.now() + this.ttlSeconds * 1000 });
    return [
      200,
      {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: this.ttlSeconds,
        refresh_token: form.get('refresh_token'),
      },
    ];
  }

  /** The seller an access token names, or why it is refused (Amazon's 403 details). */
  verify(token: unknown): { sellerId: string } | { refused: string } {
    const known = typeof token === 'string' ? this.tokens.get(token) : undefined;
    if (known && known.expiresAt > this.now()) return { sellerId: known.sellerId };
    return {
      refused: known
        ? 'The access token you provided has expired.'
        : 'The access token you provided is revoked, malformed or invalid.',
    };
  }

  expireAll(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }
}
