import { createSecretKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { READ_SCOPE, WRITE_SCOPE } from './principal';

export interface DevTokenClaims {
  sub?: string;
  /** Amazon merchant ids, or `['*']` */
  sellers?: string[];
  /** ERP store names, or `['*']` */
  stores?: string[];
  /** space-separated scopes */
  scope?: string;
  issuer?: string;
  audience?: string;
  /** lifetime in seconds (default 12 hours) */
  ttlSeconds?: number;
}

/** An HS256 token for development and tests, signed with AUTH_JWT_SECRET (`npm run token`). */
export function mintDevToken(secret: string, claims: DevTokenClaims = {}, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  let jwt = new SignJWT({
    sellers: claims.sellers ?? [],
    stores: claims.stores ?? [],
    scope: claims.scope ?? `${READ_SCOPE} ${WRITE_SCOPE}`,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub ?? 'developer')
    .setIssuedAt(iat)
    .setExpirationTime(iat + (claims.ttlSeconds ?? 12 * 3600));
  if (claims.issuer) jwt = jwt.setIssuer(claims.issuer);
  if (claims.audience) jwt = jwt.setAudience(claims.audience);
  return jwt.sign(createSecretKey(Buffer.from(secret, 'utf8')));
}
