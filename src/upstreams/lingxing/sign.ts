import { createCipheriv, createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { canonicalJson, compareAscii, type JsonValue } from './json';

/**
 * Lingxing request signing (docs/upstreams/lingxing.md):
 * top-level body keys plus access_token, app_key and timestamp; empty strings and null/undefined
 * dropped; keys ASCII-sorted; `k=v` joined by `&` without URL-encoding, nested values as compact
 * JSON; MD5 hex upper-case; AES-128-ECB/PKCS7 keyed by the appId's bytes; base64.
 */
export interface SignInput {
  appId: string;
  accessToken: string;
  /** unix seconds */
  timestamp: number;
  body: Record<string, JsonValue>;
}

export function stringToSign({ appId, accessToken, timestamp, body }: SignInput): string {
  const params: Record<string, JsonValue> = {
    ...body,
    access_token: accessToken,
    app_key: appId,
    timestamp: String(timestamp),
  };
  return Object.keys(params)
    .filter((k) => params[k] !== undefined && params[k] !== null && params[k] !== '')
    .sort(compareAscii)
    .map((k) => {
      const v = params[k];
      return `${k}=${typeof v === 'string' ? v : canonicalJson(v)}`;
    })
    .join('&');
}

export function signKeyFor(appId: string): Buffer {
  const key = Buffer.from(appId, 'utf8');
  if (key.length !== 16) {
    throw new Error(`LINGXING_APP_ID must be 16 bytes to key AES-128 signing (got ${key.length})`);
  }
  return key;
}

// one AES key object per appId: building it from bytes on every call showed in the profile
const keyObjects = new Map<string, KeyObject>();

export function sign(input: SignInput): string {
  const md5 = createHash('md5').update(stringToSign(input), 'utf8').digest('hex').toUpperCase();
  let key = keyObjects.get(input.appId);
  if (!key) keyObjects.set(input.appId, (key = createSecretKey(signKeyFor(input.appId))));
  const cipher = createCipheriv('aes-128-ecb', key, null);
  return Buffer.concat([cipher.update(md5, 'utf8'), cipher.final()]).toString('base64');
}
