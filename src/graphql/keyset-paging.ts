import { fromOpaque, toOpaque } from './opaque';
import type { ListPosition } from '../store/repository';
import { notOurCursor, pageSize, type Connection } from './token-paging';

function decodeKeysetCursor(after: string): ListPosition {
  const value = fromOpaque(after);
  if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string')
    return { createdAt: value[0], id: value[1] };
  throw notOurCursor();
}

/**
 * A Relay connection over one of the store's newest-first lists: asks for one row more than the
 * page to know whether more follow; cursors are opaque keyset positions.
 */
export async function keysetConnection<R, N>(
  args: { first?: number | null; after?: string | null },
  fetch: (limit: number, after: ListPosition | undefined) => Promise<R[]>,
  position: (row: R) => ListPosition,
  toNodes: (rows: R[]) => N[] | Promise<N[]>,
): Promise<Connection<N>> {
  const size = pageSize(args.first);
  const rows = await fetch(size + 1, args.after ? decodeKeysetCursor(args.after) : undefined);
  const page = rows.slice(0, size);
  const nodes = await toNodes(page);
  const edges = page.map((row, i) => {
    const p = position(row);
    return { cursor: toOpaque([p.createdAt, p.id]), node: nodes[i] };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
