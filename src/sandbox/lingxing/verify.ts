import { createCipheriv, createHash } from 'node:crypto';

/**
 * The sandbox's own reading of Lingxing's signing rules (docs/upstreams/lingxing.md), written apart from the
 * gateway's signer so that a bug in one is caught by the other. Nested values are rendered as
 * compact JSON in the order they were sent; big integers keep their source digits.
 */
export function expectedSign(
  appId: string,
  query: URLSearchParams,
  body: Record<string, unknown>,
  /** the members' raw text as sent: sign over the bytes instead of the parsed-and-rendered values */
  raw?: Map<string, string>,
): string {
  const params = new Map<string, string>();
  for (const [k, v] of Object.entries(body)) {
    if (v === null || v === undefined || v === '') continue;
    params.set(k, raw?.get(k) ?? (typeof v === 'string' ? v : renderCompact(v)));
  }
  for (const k of ['access_token', 'app_key', 'timestamp']) {
    const v = query.get(k);
    if (v) params.set(k, v);
  }
  const text = [...params.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${k}=${params.get(k)}`)
    .join('&');
  const digest = createHash('md5').update(Buffer.from(text, 'utf8')).digest('hex').toUpperCase();
  const aes = createCipheriv('aes-128-ecb', Buffer.from(appId, 'utf8'), null);
  return Buffer.concat([aes.update(digest, 'utf8'), aes.final()]).toString('base64');
}

/** A marker for integers the sandbox parsed beyond 2^53. */
export class BigDigits {
  constructor(readonly digits: string) {}
}

export function renderCompact(v: unknown): string {
  if (v instanceof BigDigits) return v.digits;
  if (Array.isArray(v)) return '[' + v.map(renderCompact).join(',') + ']';
  if (v && typeof v === 'object') {
    return (
      '{' +
      Object.entries(v)
        .map(([k, x]) => JSON.stringify(k) + ':' + renderCompact(x))
        .join(',') +
      '}'
    );
  }
  return JSON.stringify(v);
}

/** Parses a request body, keeping unsafe integers as BigDigits. */
export function parseBody(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown, ctx?: { source?: string }): unknown =>
    typeof v === 'number' && !Number.isSafeInteger(v) && ctx?.source && /^-?\d+$/.test(ctx.source)
      ? new BigDigits(ctx.source)
      : v,
  );
}

/**
 * The top-level members of a JSON object as the raw text that was sent (strings unquoted), for a
 * check of the signature over the bytes themselves; null when the text is not a JSON object.
 */
export function rawMembers(text: string): Map<string, string> | null {
  // a small scanner over the body's text: skip white space, strings and nested values, and keep
  // each top-level member's value exactly as the client wrote it
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const skipString = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = () => {
    if (text[i] === '"') return skipString();
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        skipString();
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) return;
        depth--;
        if (depth === 0) {
          i++;
          return;
        }
      } else if (depth === 0 && c === ',') return;
      i++;
    }
  };
  const members = new Map<string, string>();
  ws();
  if (text[i] !== '{') return null;
  i++;
  for (;;) {
    ws();
    if (text[i] === '}') return members;
    if (text[i] !== '"') return null;
    const keyStart = i;
    skipString();
    const key = JSON.parse(text.slice(keyStart, i)) as string;
    ws();
    if (text[i] !== ':') return null;
    i++;
    ws();
    const start = i;
    skipValue();
    const raw = text.slice(start, i).trim();
    members.set(key, raw.startsWith('"') ? (JSON.parse(raw) as string) : raw);
    ws();
    if (text[i] === ',') i++;
    else if (text[i] === '}') return members;
    else return null;
  }
}
