import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { UnauthenticatedError } from '../errors';
import { principalFromClaims, UNRESTRICTED, type Principal } from './principal';

/** How callers are authenticated (docs/api.md). */
export type AuthConfig =
  | { mode: 'off'; reason: string }
  | {
      mode: 'jwt';
      reason: string;
      /** RS256/ES256 keys from a remote JWKS, cached */
      jwksUrl?: string;
      /** a PEM public key (RSA → RS256, EC → ES256) */
      publicKeyPem?: string;
      /** an HS256 shared secret of at least 32 bytes */
      secret?: string;
      issuer?: string;
      audience?: string;
      /** tokens living longer than this (exp − iat, or exp − now without iat) are refused (AUTH_MAX_TOKEN_LIFETIME_S) */
      maxLifetimeSeconds?: number;
    };

/** Seconds of clock skew tolerated on `exp` and `nbf`. */
const CLOCK_TOLERANCE_S = 5;

/**
 * How long a verified token is remembered at most, and how many. Checking a signature costs far
 * more than the rest of a small operation (about 18 µs of CPU for HS256, 150 µs for RS256 and
 * 260 µs for ES256 here, against roughly 500 µs for a whole `fbaOutboundOrder`), and a client
 * sends the same token with every request until it expires. A minute at most: a key withdrawn from
 * the JWKS stops being accepted within a minute of jose's own key cache letting it go.
 */
const REMEMBER_VERIFIED_MS = 60_000;
const REMEMBERED_TOKENS = 1_000;

/**
 * Verifies `Authorization: Bearer <JWT>` with jose and turns the claims into a Principal.
 * `exp` is required and checked, `nbf` checked when present, issuer and audience when configured.
 */
export class TokenVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey | undefined;
  private readonly algorithms: string[];
  /** tokens that passed every check, until their `exp` (at most REMEMBER_VERIFIED_MS); never a refused one */
  private readonly verified = new LRUCache<string, Principal>({ max: REMEMBERED_TOKENS });

  constructor(private readonly config: AuthConfig) {
    if (config.mode === 'off') {
      this.key = undefined;
      this.algorithms = [];
    } else if (config.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
      this.algorithms = ['RS256', 'ES256'];
    } else if (config.publicKeyPem) {
      const key = createPublicKey(config.publicKeyPem);
      this.key = key;
      this.algorithms = key.asymmetricKeyType === 'ec' ? ['ES256'] : ['RS256'];
    } else if (config.secret) {
      this.key = createSecretKey(Buffer.from(config.secret, 'utf8'));
      this.algorithms = ['HS256'];
    } else {
      throw new Error('AUTH_MODE=jwt needs AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY or AUTH_JWT_SECRET');
    }
  }

  get enabled(): boolean {
    return this.config.mode === 'jwt';
  }

  /** The caller of a request with this Authorization header; throws UnauthenticatedError. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (this.config.mode === 'off') return UNRESTRICTED;
    const match = /^Bearer +([A-Za-z0-9_.~+/=-]+)$/i.exec(authorization?.trim() ?? '');
    if (!match) throw new UnauthenticatedError('Send a bearer token: Authorization: Bearer <JWT>.');
    const token = match[1];
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const options = {
        algorithms: this.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'sub'],
      };
      const key = this.key;
      const { payload } =
        typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key!, options);
      const max = this.config.maxLifetimeSeconds;
      const from = typeof payload.iat === 'number' ? payload.iat : Date.now() / 1000;
      if (max && typeof payload.exp === 'number' && payload.exp - from > max)
        throw new UnauthenticatedError(
          'The bearer token lives longer than this gateway accepts (AUTH_MAX_TOKEN_LIFETIME_S).',
        );
      const principal = principalFromClaims(payload);
      // `exp` is required, so there is always an end; past it, the token is checked again (and refused)
      const ttl = Math.min(REMEMBER_VERIFIED_MS, (principal.expiresAt ?? 0) - Date.now());
      if (ttl > 0) this.verified.set(token, principal, { ttl });
      return principal;
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      throw new UnauthenticatedError(reasonFor(error));
    }
  }
}

/** What a client may learn of why its token was refused: the kind of problem, never key material. */
function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The bearer token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = ['iss', 'aud', 'nbf', 'sub', 'exp'].includes(error.claim) ? error.claim : 'a claim';
    return `The bearer token was refused: ${claim} check failed.`;
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
    return 'The bearer token could not be checked: the key set is unavailable.';
  return 'The bearer token is invalid.';
}
