import { MARKETPLACES, type AmazonRegionCode } from '../../domain/marketplaces';
import { STORE_COUNTRY_NAMES } from '../../domain/store-countries';
import type { LingxingClient } from './client';

/** A store's state at the ERP (`status`: 0 sync stopped, 1 normal, 2 authorization broken, 3 suspended for arrears). */
export type ErpStoreState = 'NORMAL' | 'SYNC_STOPPED' | 'AUTHORIZATION_BROKEN' | 'SUSPENDED' | 'UNKNOWN';

const STATES: Readonly<Record<string, ErpStoreState>> = {
  '0': 'SYNC_STOPPED',
  '1': 'NORMAL',
  '2': 'AUTHORIZATION_BROKEN',
  '3': 'SUSPENDED',
};

/** One Amazon store the company has authorized in the ERP (docs/upstreams/lingxing.md, "The company's stores"). */
export interface ErpStoreRecord {
  /** the ERP's own store id (`sid`), kept as a string */
  storeId: string;
  /** the store name createOrder takes, e.g. `8speed-US` */
  name: string;
  /** the Amazon merchant id submitFulfillment takes */
  sellerId: string;
  region: AmazonRegionCode | null;
  /** ISO 3166-1 alpha-2, from the ERP's Chinese country name (or, failing that, the marketplace) */
  countryCode: string | null;
  /** the country as the ERP names it, e.g. `美国` */
  countryName: string | null;
  marketplaceId: string | null;
  state: ErpStoreState;
  /** the ERP's status value as sent */
  stateRaw: string | null;
}

const CODE_BY_COUNTRY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(STORE_COUNTRY_NAMES).map(([code, name]) => [name, code]),
);

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/** The company's stores at the ERP: `GET /erp/sc/data/seller/lists`, one call, no paging. */
export class LingxingStores {
  constructor(private readonly client: LingxingClient) {}

  async list(): Promise<ErpStoreRecord[]> {
    const envelope = await this.client.call<unknown[]>('sellerLists', {});
    const stores: ErpStoreRecord[] = [];
    for (const raw of Array.isArray(envelope.data) ? envelope.data : []) {
      const store = parseStore(raw as Record<string, unknown>);
      if (store) stores.push(store);
    }
    return stores;
  }
}

/** One entry of the list; an entry without a name or a seller id cannot be acted for and is left out. */
export function parseStore(entry: Record<string, unknown>): ErpStoreRecord | null {
  const name = text(entry.name);
  const sellerId = text(entry.seller_id);
  if (!name || !sellerId) return null;
  const regionText = text(entry.region)?.toUpperCase();
  const region = regionText === 'NA' || regionText === 'EU' || regionText === 'FE' ? regionText : null;
  const marketplaceId = text(entry.marketplace_id);
  const countryName = text(entry.country);
  // the marketplace table says UK where ISO says GB
  const marketCountry = marketplaceId ? MARKETPLACES[marketplaceId]?.country : undefined;
  const countryCode =
    (countryName && CODE_BY_COUNTRY_NAME.get(countryName)) ?? (marketCountry === 'UK' ? 'GB' : (marketCountry ?? null));
  const stateRaw = text(entry.status);
  return {
    storeId: text(entry.sid) ?? '',
    name,
    sellerId,
    region: region ?? (marketplaceId ? (MARKETPLACES[marketplaceId]?.region ?? null) : null),
    countryCode,
    countryName,
    marketplaceId,
    state: (stateRaw && STATES[stateRaw]) || 'UNKNOWN',
    stateRaw,
  };
}
