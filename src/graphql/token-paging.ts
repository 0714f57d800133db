import { BadUserInputError } from '../errors';
import { fromOpaque, toOpaque } from './opaque';

/**
 * Relay connections over an upstream that pages with `nextToken` (SP-API). A cursor names the
 * upstream page an item came from and its index there; it is opaque to clients. Empty pages that
 * still carry a `nextToken` are paged through (docs/upstreams/sp-api.md).
 */
interface Cursor {
  /** the upstream token of the item's page; absent for the first page */
  t?: string;
  /** the item's index in that page */
  i: number;
}

const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/** upstream pages one connection request may read, empty ones included */
export const MAX_UPSTREAM_PAGES = 20;

function decodeCursor(after: string): Cursor {
  const c = fromOpaque(after) as Partial<Cursor> | undefined;
  if (c && typeof c.i === 'number' && (c.t === undefined || typeof c.t === 'string')) return c as Cursor;
  throw notOurCursor();
}

/** A cursor `after` that this API did not issue. */
export function notOurCursor(): BadUserInputError {
  return new BadUserInputError('after is not a cursor this API issued', ['after']);
}

export function pageSize(first: number | undefined | null): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, ['first']);
  return first;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export async function connectionOverTokens<T>(
  fetchPage: (token: string | undefined) => Promise<{ items: T[]; nextToken?: string }>,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<T>> {
  const first = pageSize(args.first);
  const start = args.after ? decodeCursor(args.after) : undefined;
  let token = start?.t;
  let skip = start ? start.i + 1 : 0;
  const edges: Array<{ cursor: string; node: T }> = [];
  let hasNextPage = false;
  let resume: string | null = null;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(token);
    const take = page.items.slice(skip, skip + first - edges.length);
    take.forEach((node, k) => edges.push({ cursor: toOpaque({ t: token, i: skip + k }), node }));
    const leftInPage = page.items.length > skip + take.length;
    skip = 0;
    if (edges.length === first) {
      hasNextPage = leftInPage || Boolean(page.nextToken);
      break;
    }
    if (!page.nextToken) break;
    if (pages >= MAX_UPSTREAM_PAGES) {
      // bounded work per request: say there is more, and resume at the next upstream page
      hasNextPage = true;
      resume = toOpaque({ t: page.nextToken, i: -1 });
      break;
    }
    token = page.nextToken;
  }
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: resume ?? edges.at(-1)?.cursor ?? null,
    },
  };
}
