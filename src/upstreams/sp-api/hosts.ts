import type { AmazonRegionCode } from '../../domain/marketplaces';

/** SP-API hosts by region (docs/upstreams/sp-api.md). */
const PRODUCTION: Record<AmazonRegionCode, string> = {
  NA: 'https://sellingpartnerapi-na.amazon.com',
  EU: 'https://sellingpartnerapi-eu.amazon.com',
  FE: 'https://sellingpartnerapi-fe.amazon.com',
};
const SANDBOX: Record<AmazonRegionCode, string> = {
  NA: 'https://sandbox.sellingpartnerapi-na.amazon.com',
  EU: 'https://sandbox.sellingpartnerapi-eu.amazon.com',
  FE: 'https://sandbox.sellingpartnerapi-fe.amazon.com',
};

/** The host for a seller: `SPAPI_ENDPOINT` when set (a proxy or test double), else the regional one. */
export function hostFor(region: AmazonRegionCode, sandbox: boolean, override?: string): string {
  return override ?? (sandbox ? SANDBOX : PRODUCTION)[region];
}
