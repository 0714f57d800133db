import type { Dispatcher } from 'undici';
import { readText } from '../../platform/read-text';

/** Largest upstream answer read (a few MB: the biggest real page is far smaller). */
export const MAX_UPSTREAM_BODY_BYTES = 4 * 1024 * 1024;

/** An upstream answered with more than we read: a fault of the upstream, the body discarded. */
export class ResponseTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`upstream answer over ${limit} bytes`);
  }
}

/**
 * Reads an undici body as text, at most `limit` bytes: past that, the rest is discarded (the
 * connection closed) instead of held in memory, and ResponseTooLargeError is thrown.
 */
export async function readCapped(
  res: Pick<Dispatcher.ResponseData, 'body' | 'headers'>,
  limit = MAX_UPSTREAM_BODY_BYTES,
): Promise<string> {
  const declared = Number(res.headers['content-length']);
  if (declared > limit) {
    res.body.destroy();
    throw new ResponseTooLargeError(limit);
  }
  try {
    return await readText(res.body, limit, () => new ResponseTooLargeError(limit));
  } catch (error) {
    // past the limit the rest is discarded, not held in memory: the connection is closed
    if (error instanceof ResponseTooLargeError) res.body.destroy();
    throw error;
  }
}
