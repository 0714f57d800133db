import { MARKETPLACES, type AmazonRegionCode } from '../../domain/marketplaces';
import { BadUserInputError } from '../../errors';

/** One seller's SP-API authorization (SPAPI_SELLERS, docs/operations.md). */
export interface SellerAuthorization {
  sellerId: string;
  region: AmazonRegionCode;
  /** the LWA refresh token the seller granted the app: a secret */
  refreshToken: string;
  /** true for an authorization against Amazon's sandbox endpoints (enables sandbox-only operations) */
  sandbox: boolean;
  /** which Fulfillment Outbound version serves this seller's orders (docs/api.md) */
  fulfillmentOutboundVersion?: FulfillmentOutboundVersion;
  /** 2026-07-04's optional `x-amzn-fulfillment-service-id` header, when the seller has one */
  fulfillmentServiceId?: string;
  /** the marketplaces this authorization is used for (SPAPI_SELLERS' `marketplaceIds`; default: every marketplace of its region) */
  marketplaceIds?: string[];
}

/** A configured seller as `viewer` lists it: its marketplaces always known. */
export type ConfiguredSeller = SellerAuthorization & { marketplaceIds: readonly string[] };

/** Every marketplace of a region, in the order the marketplace table lists them. */
function regionMarketplaces(region: AmazonRegionCode): string[] {
  return Object.entries(MARKETPLACES)
    .filter(([, m]) => m.region === region)
    .map(([id]) => id);
}

export const FULFILLMENT_OUTBOUND_VERSIONS = ['2020-07-01', '2026-07-04'] as const;
export type FulfillmentOutboundVersion = (typeof FULFILLMENT_OUTBOUND_VERSIONS)[number];

/** Thrown when no SP-API authorization is configured for a sellerId (code UNKNOWN_SELLER). */
export class UnknownSellerError extends BadUserInputError {
  constructor(message: string, field: string[]) {
    super(message, field, 'UNKNOWN_SELLER');
  }
}

/** sellerId → authorization. Unknown sellers are refused before any upstream call. */
export class SellerRegistry {
  private readonly bySellerId: ReadonlyMap<string, SellerAuthorization>;

  constructor(sellers: SellerAuthorization[]) {
    this.bySellerId = new Map(sellers.map((s) => [s.sellerId, s]));
  }

  get(sellerId: string, field: string[] = ['sellerId']): SellerAuthorization {
    const seller = this.bySellerId.get(sellerId);
    if (!seller)
      throw new UnknownSellerError(
        `sellerId ${sellerId} has no SP-API authorization configured in this gateway`,
        field,
      );
    return seller;
  }

  /** Refuses a seller this gateway holds no authorization for (UNKNOWN_SELLER), before anything is sent. */
  requireKnown(sellerId: string, field: string[] = ['sellerId']): void {
    this.get(sellerId, field);
  }

  /** The Fulfillment Outbound version this seller's orders go through (unknown sellers are refused). */
  version(sellerId: string, field?: string[]): FulfillmentOutboundVersion {
    return this.get(sellerId, field).fulfillmentOutboundVersion ?? '2020-07-01';
  }

  has(sellerId: string): boolean {
    return this.bySellerId.has(sellerId);
  }

  /** Every configured seller, in configuration order. */
  all(): ConfiguredSeller[] {
    return [...this.bySellerId.values()].map((s) => ({
      ...s,
      marketplaceIds: s.marketplaceIds ?? regionMarketplaces(s.region),
    }));
  }

  get size(): number {
    return this.bySellerId.size;
  }
}

/** Parses SPAPI_SELLERS (or the config file's content): a JSON array of {sellerId, region, refreshToken, sandbox?}. */
export function parseSellers(json: string): SellerAuthorization[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('SPAPI_SELLERS must be a JSON array of {sellerId, region, refreshToken}');
  }
  if (!Array.isArray(raw)) throw new Error('SPAPI_SELLERS must be a JSON array of {sellerId, region, refreshToken}');
  return raw.map((entry: Record<string, unknown>, i) => {
    const where = `SPAPI_SELLERS[${i}]`;
    if (typeof entry?.sellerId !== 'string' || !/^[A-Z0-9]{6,20}$/.test(entry.sellerId))
      throw new Error(`${where}.sellerId must be an Amazon merchant id`);
    // the region in any letter case (`na`, `Eu`): operators copy it from many places
    const region = typeof entry.region === 'string' ? entry.region.trim().toUpperCase() : '';
    if (region !== 'NA' && region !== 'EU' && region !== 'FE') throw new Error(`${where}.region must be NA, EU or FE`);
    if (typeof entry.refreshToken !== 'string' || entry.refreshToken.length === 0)
      throw new Error(`${where}.refreshToken is required`);
    const version = entry.fulfillmentOutboundVersion ?? '2020-07-01';
    if (!FULFILLMENT_OUTBOUND_VERSIONS.includes(version as FulfillmentOutboundVersion))
      throw new Error(`${where}.fulfillmentOutboundVersion must be one of ${FULFILLMENT_OUTBOUND_VERSIONS.join(', ')}`);
    const serviceId = entry.fulfillmentServiceId;
    if (serviceId !== undefined && (typeof serviceId !== 'string' || !serviceId))
      throw new Error(`${where}.fulfillmentServiceId must be a non-empty string`);
    const marketplaceIds = entry.marketplaceIds;
    if (
      marketplaceIds !== undefined &&
      (!Array.isArray(marketplaceIds) ||
        !marketplaceIds.every((id) => typeof id === 'string' && MARKETPLACES[id]?.region === region))
    )
      throw new Error(`${where}.marketplaceIds must list marketplace ids of the ${region} region`);
    return {
      ...(marketplaceIds ? { marketplaceIds: marketplaceIds as string[] } : {}),
      sellerId: entry.sellerId,
      region: region,
      refreshToken: entry.refreshToken,
      sandbox: entry.sandbox === true,
      fulfillmentOutboundVersion: version as FulfillmentOutboundVersion,
      ...(serviceId ? { fulfillmentServiceId: serviceId } : {}),
    };
  });
}
