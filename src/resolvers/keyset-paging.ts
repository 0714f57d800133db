import { BadUserInputError } from '../errors';
import type { ListPosition } from '../store/repository';

/** Opaque cursors over the store's newest-first lists. */
export function encodeKeysetCursor(p: ListPosition): string {
  return Buffer.from(JSON.stringify([p.createdAt, p.id])).toString('base64url');
}

export function decodeKeysetCursor(after: string): ListPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(after, 'base64url').toString()) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    /* fall through */
  }
  throw new BadUserInputError('after is not a cursor this API issued', ['after']);
}
