import { invalid, iso } from './answers';
import { SANDBOX_FEATURES, SANDBOX_RETURN_REASONS, SANDBOX_SKUS } from './fixtures';
import { skuOrThrow } from './orders';
import type { DeliveryOffersBody, ItemBody, PreviewBody, Query } from './types';

/** What the double answers from its catalogue alone: previews, delivery offers, return reasons, features. */

const DAY = 86_400_000;

const CURRENCY_BY_COUNTRY: Record<string, string> = {
  US: 'USD',
  CA: 'CAD',
  MX: 'MXN',
  BR: 'BRL',
  GB: 'GBP',
  UK: 'GBP',
  DE: 'EUR',
  FR: 'EUR',
  IT: 'EUR',
  ES: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  IE: 'EUR',
  JP: 'JPY',
  AU: 'AUD',
  SG: 'SGD',
  IN: 'INR',
  SE: 'SEK',
  PL: 'PLN',
  TR: 'TRY',
  AE: 'AED',
  SA: 'SAR',
  EG: 'EGP',
  ZA: 'ZAR',
};

/** getFulfillmentPreview: one preview per shipping speed; short stock makes items unfulfillable. */
/** Whether the sandbox's catalogue has this SKU. */
export const knownSku = (sku: string) => sku in SANDBOX_SKUS;

export function preview(body: PreviewBody, now: number) {
  // Amazon's own refusals for a missing country or no items
  const address = body.address;
  if (!address?.countryCode) throw invalid('The request must contain the parameter Address.CountryCode.');
  if (!Array.isArray(body.items) || body.items.length === 0)
    throw invalid('The request must contain the parameter Items.');
  const items: ItemBody[] = body.items;
  const speeds = body.shippingSpeedCategories?.length
    ? body.shippingSpeedCategories
    : ['Standard', 'Expedited', 'Priority'];
  // one preview per speed: what is in stock ships, the rest is unfulfillable, fees by count and speed
  const currency = CURRENCY_BY_COUNTRY[address.countryCode] ?? 'USD';
  const weightOf = (i: ItemBody) => Number(SANDBOX_SKUS[i.sellerSku].weightLb) * i.quantity;
  return speeds.map((speed, s) => {
    const unfulfillable = items.filter((i) => (SANDBOX_SKUS[i.sellerSku]?.stock ?? 0) < i.quantity);
    const fulfillable = items.filter((i) => !unfulfillable.includes(i));
    const weight = fulfillable.reduce((sum, i) => sum + weightOf(i), 0);
    const days = [5, 3, 1, 2][s % 4];
    return {
      shippingSpeedCategory: speed,
      ...(speed === 'ScheduledDelivery'
        ? {
            scheduledDeliveryInfo: {
              deliveryTimeZone: 'Asia/Tokyo',
              deliveryWindows: [{ startDate: iso(now + DAY), endDate: iso(now + 90_000_000) }],
            },
          }
        : {}),
      // the answer as Amazon shapes it: weights and money as decimal strings
      isFulfillable: unfulfillable.length === 0,
      isCODCapable: address.countryCode === 'JP',
      estimatedShippingWeight: { unit: 'POUNDS', value: weight.toFixed(2) },
      estimatedFees: [
        {
          name: 'FBAPerUnitFulfillmentFee',
          amount: { currencyCode: currency, value: (3.22 * fulfillable.length).toFixed(2) },
        },
        { name: 'FBATransportationFee', amount: { currencyCode: currency, value: (0.5 * (s + 1)).toFixed(2) } },
      ],
      fulfillmentPreviewShipments: fulfillable.length
        ? [
            {
              earliestShipDate: iso(now + DAY),
              latestShipDate: iso(now + 2 * DAY),
              earliestArrivalDate: iso(now + days * DAY),
              latestArrivalDate: iso(now + (days + 2) * DAY),
              shippingNotes: [],
              fulfillmentPreviewItems: fulfillable.map((i) => ({
                sellerSku: i.sellerSku,
                quantity: i.quantity,
                sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
                estimatedShippingWeight: { unit: 'POUNDS', value: weightOf(i).toFixed(2) },
                shippingWeightCalculationMethod: 'Package',
              })),
            },
          ]
        : [],
      unfulfillablePreviewItems: unfulfillable.map((i) => ({
        sellerSku: i.sellerSku,
        quantity: i.quantity,
        sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
        itemUnfulfillableReasons: [SANDBOX_SKUS[i.sellerSku] ? 'InventoryUnavailable' : 'InvalidSKU'],
      })),
      orderUnfulfillableReasons: [],
      marketplaceId: body.marketplaceId ?? 'ATVPDKIKX0DER',
      ...(body.featureConstraints ? { featureConstraints: body.featureConstraints } : {}),
    };
  });
}

/** deliveryOffers: two offers for a SKU in stock, none for one out of stock. */
export function deliveryOffers(body: DeliveryOffersBody, now: number) {
  const sku = body.product?.productIdentifier?.merchantSku;
  if (!sku) throw invalid('The request must contain the parameter product.productIdentifier.merchantSku.');
  const known = skuOrThrow(sku);
  if (!body.terms?.origin?.countryCode || !body.terms?.destination)
    throw invalid('The request must contain the parameters terms.origin and terms.destination.');
  if (known.stock === 0) return [];
  const offer = (earliestDays: number, latestDays: number, text: string) => ({
    expiresAt: iso(now + 3_600_000),
    dateRange: { earliest: iso(now + earliestDays * DAY), latest: iso(now + latestDays * DAY) },
    policy: { message: { text, locale: 'en_US' } },
  });
  return [offer(2, 4, 'Get it in 2 to 4 days'), offer(1, 1, 'Get it tomorrow')];
}

/** listReturnReasonCodes; `orderExists` refuses an unknown sellerFulfillmentOrderId as Amazon does. */
export function reasonCodes(query: Query, orderExists: (id: string) => void) {
  if (!query.sellerSku) throw invalid('The request must contain the parameter sellerSku.');
  skuOrThrow(query.sellerSku);
  if (query.sellerFulfillmentOrderId) orderExists(query.sellerFulfillmentOrderId);
  return { reasonCodeDetails: SANDBOX_RETURN_REASONS };
}

export function features(query: Query) {
  if (!query.marketplaceId) throw invalid('The request must contain the parameter marketplaceId.');
  return { features: SANDBOX_FEATURES };
}

/** getFeatureInventory, two SKUs a page. */
export function featureInventory(featureName: string, query: Query) {
  if (!query.marketplaceId) throw invalid('The request must contain the parameter marketplaceId.');
  if (!SANDBOX_FEATURES.some((f) => f.featureName === featureName))
    throw invalid(`Feature ${featureName} does not exist.`);
  const skus = Object.entries(SANDBOX_SKUS).filter(([, s]) => s.stock > 0);
  const offset = query.nextToken ? Number(Buffer.from(query.nextToken, 'base64url').toString()) : 0;
  const page = skus.slice(offset, offset + 2);
  const next = offset + 2 < skus.length ? Buffer.from(String(offset + 2)).toString('base64url') : undefined;
  return {
    marketplaceId: query.marketplaceId,
    featureName,
    ...(next ? { nextToken: next } : {}),
    featureSkus: page.map(([sku, s]) => ({
      sellerSku: sku,
      fnSku: s.fnSku,
      asin: s.asin,
      skuCount: s.stock,
      overlappingSkus: [],
    })),
  };
}

export function featureSku(featureName: string, sellerSku: string, query: Query) {
  if (!query.marketplaceId) throw invalid('The request must contain the parameter marketplaceId.');
  const known = SANDBOX_SKUS[sellerSku];
  const feature = SANDBOX_FEATURES.find((f) => f.featureName === featureName);
  if (!feature) throw invalid(`Feature ${featureName} does not exist.`);
  const eligible = Boolean(known && known.stock > 0 && feature.sellerEligible);
  return {
    marketplaceId: query.marketplaceId,
    featureName,
    isEligible: eligible,
    ...(eligible ? {} : { ineligibleReasons: [known ? 'SKU_NOT_ELIGIBLE' : 'INVALID_SKU'] }),
    sellerSku,
    ...(known ? { fnSku: known.fnSku, asin: known.asin, skuCount: known.stock } : {}),
  };
}
