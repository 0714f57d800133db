import { ForbiddenError } from '../errors';

export const READ_SCOPE = 'fulfillment:read';
export const WRITE_SCOPE = 'fulfillment:write';

/** A set of tenants a caller may act for; `'*'` is all of them (the claim `["*"]`). */
export type Tenants = ReadonlySet<string> | '*';

/** Who is calling, from a verified token (docs/api.md). */
export interface Principal {
  /** the token's `sub`; `anonymous` when authentication is off */
  sub: string;
  /** Amazon merchant ids it may act for */
  sellers: Tenants;
  /** ERP store names it may act for (MCF orders) */
  stores: Tenants;
  scopes: ReadonlySet<string>;
  /** when the token stops being valid (ms since the epoch): a WebSocket is closed then */
  expiresAt?: number;
}

/** The caller when `AUTH_MODE=off`: every seller, every store, both scopes. */
export const UNRESTRICTED: Principal = {
  sub: 'anonymous',
  sellers: '*',
  stores: '*',
  scopes: new Set([READ_SCOPE, WRITE_SCOPE]),
};

const includes = (tenants: Tenants, id: string) => tenants === '*' || tenants.has(id);

/**
 * The one authorization decision: may this principal touch this seller, this store, with this
 * scope. Every entry (root fields, `_entities`, `node`) and every per-seller loader asks it
 * before any upstream call or store read. A refusal reads the same whether or not the object exists.
 */
export class Access {
  constructor(readonly principal: Principal) {}

  requireScope(scope: string): void {
    if (!this.principal.scopes.has(scope)) throw new ForbiddenError(`This operation needs the scope ${scope}.`);
  }

  mayActForStore(storeName: string): boolean {
    return includes(this.principal.stores, storeName);
  }

  mayActForSeller(sellerId: string): boolean {
    return includes(this.principal.sellers, sellerId);
  }

  requireSeller(sellerId: string): void {
    if (!this.mayActForSeller(sellerId)) throw new ForbiddenError('The caller may not act for this seller.');
  }

  requireStore(storeName: string): void {
    if (!this.mayActForStore(storeName)) throw new ForbiddenError('The caller may not act for this store.');
  }

  /** The stores a listing may show: all, or the caller's own. */
  get stores(): Tenants {
    return this.principal.stores;
  }
}

/** A principal from verified claims; anything malformed grants nothing. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const tenants = (v: unknown): Tenants => {
    const ids = list(v);
    return ids.includes('*') ? '*' : new Set(ids);
  };
  const scope = claims.scope;
  const scopes = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : list(scope);
  return {
    sub: typeof claims.sub === 'string' ? claims.sub : '',
    sellers: tenants(claims.sellers),
    stores: tenants(claims.stores),
    scopes: new Set(scopes),
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
  };
}
