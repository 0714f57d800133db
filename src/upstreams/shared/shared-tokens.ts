import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A token and when it stops working, as replicas hand it to each other. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** ms epoch when the access token expires */
  expiresAt: number;
  /** ms epoch after which the refresh token no longer works */
  refreshExpiresAt: number;
}

/**
 * Where the replicas keep the one token of an ERP appId or of an SP-API seller (the store). The owner seals the
 * pair before it leaves the process, so the store never holds a usable token in the clear.
 */
export interface SharedTokenStore {
  load(key: string): Promise<string | null>;
  save(key: string, sealed: string): Promise<void>;
  /** runs `fn` while no other replica renews this appId's token */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** AES-256-GCM under a key derived from the app secret: only holders of the secret can open it. */
function sealingKey(appSecret: string): Buffer {
  return createHash('sha256').update(`fulfillment-graph/erp-token/v1\u0000${appSecret}`).digest();
}

export function sealToken(pair: TokenPair, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(appSecret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(pair), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openToken(sealed: string, appSecret: string): TokenPair | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(appSecret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(
      Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'),
    ) as TokenPair;
  } catch {
    return null; // sealed under another secret (rotated): as if absent
  }
}
