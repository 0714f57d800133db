import { MARKETPLACES } from '../../domain/marketplaces';
import { FulfillmentAction, FulfillmentPolicy } from './fba-outbound-order.enums';
import type { CreateFbaOutboundOrderInput, FbaAddressInput } from './fba-outbound-order.inputs';
import type { DeliveryOffersInput, FulfillmentPreviewInput } from './fulfillment-preview.inputs';
import type * as M from '../../upstreams/sp-api/v2026-07-04/model';

/**
 * The one GraphQL contract → 2026-07-04 (docs/api.md, "Fulfillment Outbound versions"). Fields 2026
 * does not have (displayable order id, date and comment, notification emails, COD, gift messages)
 * are not sent; the mapping table in docs/api.md lists them.
 */
const TIERS: Record<string, string> = {
  STANDARD: 'STANDARD',
  EXPEDITED: 'EXPEDITED',
  PRIORITY: 'PRIORITY',
  SCHEDULED_DELIVERY: 'SCHEDULED',
};
/** the GraphQL member (SHIP, FILL_OR_KILL, …) is 2026's word already */
const member = (value: string | undefined, values: Record<string, string>) =>
  value && values[value] ? value : undefined;

function deliveryAddress(a: FbaAddressInput): M.Address {
  return Object.fromEntries(
    Object.entries({
      name: a.name,
      addressLine1: a.addressLine1,
      addressLine2: a.addressLine2,
      addressLine3: a.addressLine3,
      city: a.city,
      districtOrCounty: a.districtOrCounty,
      stateOrRegion: a.stateOrRegion,
      postalCode: a.postalCode,
      countryCode: a.countryCode,
      phone: a.phone,
    }).filter(([, v]) => v !== undefined && v !== null),
  ) as unknown as M.Address;
}

/** 2026's `perUnitDeclaredValue` (`amount`, not `value`), when one was given whole. */
function declaredValue(m: { currencyCode?: string; value?: string } | undefined) {
  return m?.currencyCode && m.value ? { perUnitDeclaredValue: { currencyCode: m.currencyCode, amount: m.value } } : {};
}

export function toCreateOrderRequest(i: CreateFbaOutboundOrderInput): M.CreateOrderRequest {
  const origin = i.shipFromCountryCode ?? (i.marketplaceId ? MARKETPLACES[i.marketplaceId]?.country : undefined);
  const tier = TIERS[i.shippingSpeedCategory];
  const action = member(i.fulfillmentAction, FulfillmentAction.values);
  const policy = member(i.fulfillmentPolicy, FulfillmentPolicy.values);
  return {
    orderId: i.sellerFulfillmentOrderId,
    ...(i.channel ? { channel: i.channel } : {}),
    fulfillmentConfiguration: {
      ...(tier ? { serviceLevel: { serviceTiers: [tier] } } : {}),
      ...(action ? { action } : {}),
      ...(policy ? { policy } : {}),
    },
    ...(origin ? { origin: { countryCode: origin } } : {}),
    destination: {
      deliveryAddress: deliveryAddress(i.destinationAddress),
      ...(i.deliveryPreferences?.deliveryInstructions
        ? { deliveryNotes: i.deliveryPreferences.deliveryInstructions }
        : {}),
    },
    lineItems: i.items.map((item) => ({
      lineItemId: item.sellerFulfillmentOrderItemId,
      product: {
        productIdentifier: { amazonSku: item.sellerSku },
        ...declaredValue(item.perUnitDeclaredValue),
      },
      amount: { unit: 'EACHES', value: String(item.quantity) },
    })),
  };
}

/** Whether an order Amazon holds is the one this request would create (a safe retry), by 2026's fields. */
export function sameOrder2026(existing: M.FulfillmentOrder, request: M.CreateOrderRequest): boolean {
  const lines = (
    items: Array<{
      lineItemId?: string;
      product?: { productIdentifier?: { amazonSku?: string } };
      amount?: { value?: string };
    }>,
  ) =>
    JSON.stringify(
      items
        .map((l) => [l.lineItemId, l.product?.productIdentifier?.amazonSku, Number(l.amount?.value)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  const a = existing.destination?.deliveryAddress;
  const b = request.destination.deliveryAddress;
  return (
    existing.orderId === request.orderId &&
    lines(existing.lineItems ?? []) === lines(request.lineItems) &&
    !!a &&
    a.postalCode === b.postalCode &&
    a.countryCode === b.countryCode &&
    a.addressLine1 === b.addressLine1 &&
    a.name === b.name
  );
}

export function toOrderPreviewRequest(i: FulfillmentPreviewInput): M.GetOrderPreviewRequest {
  const tiers = (i.shippingSpeedCategories ?? []).map((c) => TIERS[c]).filter(Boolean);
  const origin = i.marketplaceId ? MARKETPLACES[i.marketplaceId]?.country : undefined;
  return {
    ...(tiers.length ? { fulfillmentConfiguration: { serviceLevel: { serviceTiers: tiers } } } : {}),
    ...(origin ? { origin: { countryCode: origin } } : {}),
    destination: { deliveryAddress: deliveryAddress(i.address) },
    lineItems: i.items.map((item) => ({
      product: {
        productIdentifier: { amazonSku: item.sellerSku },
        ...declaredValue(item.perUnitDeclaredValue),
      },
      amount: { unit: 'EACHES', value: String(item.quantity) },
    })),
  };
}

export function toOffersRequest(i: DeliveryOffersInput): M.GetOffersRequest {
  const address = i.destinationAddress
    ? Object.fromEntries(Object.entries(i.destinationAddress).filter(([, v]) => v !== undefined && v !== null))
    : undefined;
  return {
    origin: { countryCode: i.originCountryCode },
    ...(address || i.destinationIpAddress
      ? {
          destination: {
            ...(address ? { deliveryAddress: address } : {}),
            ...(i.destinationIpAddress ? { ipAddress: i.destinationIpAddress } : {}),
          },
        }
      : {}),
    items: [{ productIdentifier: { amazonSku: i.sellerSku } }],
  };
}
