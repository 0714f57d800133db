/**
 * Opaque, URL-safe encodings of small JSON values, for cursors and global ids: opaque to
 * clients (they must not parse them), not secret.
 */
export function toOpaque(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The value `toOpaque` encoded, or undefined when the text is not one. */
export function fromOpaque(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
