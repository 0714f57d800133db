import { invalid, iso, notFound } from './answers';
import { shipmentIdOf, trackingNumberOf, type OrderBook } from './orders';
import type { Query, ReturnBody } from './types';

/**
 * What happens after an order ships: package tracking (with EVENT_212, a code newer than the
 * model, as production sends) and returns, accepted only for shipped lines.
 */
export class Shipping {
  constructor(
    private readonly book: OrderBook,
    private readonly now: () => number,
    /** how long after shipping a package is delivered, ms */
    private readonly deliveryMs: number,
  ) {}

  /** getPackageTrackingDetails */
  tracking(sellerId: string, query: Query) {
    const packageNumber = Number(query.packageNumber);
    if (!query.packageNumber || !Number.isInteger(packageNumber))
      throw invalid('The request must contain the parameter packageNumber.');
    const o = this.book.byPackage(packageNumber);
    if (!o || o.sellerId !== sellerId || !this.book.isShipped(o))
      throw notFound(`The requested package ${packageNumber} was not found.`);
    const shippedAt = this.book.status(o).since;
    const to = o.request.destinationAddress;
    const address = { city: to.city ?? '', state: to.stateOrRegion ?? '', country: to.countryCode };
    const origin = { city: 'Phoenix', state: 'AZ', country: 'US' };
    const delivered = this.now() >= shippedAt + this.deliveryMs;
    const event = (at: number, eventAddress: typeof origin | typeof address, code: string, text: string) => ({
      eventDate: iso(at),
      eventAddress,
      eventCode: code,
      eventDescription: text,
    });
    const events = [
      event(shippedAt, origin, 'EVENT_101', 'Carrier picked up the package.'),
      // EVENT_212 is not in the model's EventCode enum; production sends such codes (docs/upstreams/sp-api.md).
      event(shippedAt + 1000, origin, 'EVENT_212', 'Package arrived at a carrier facility.'),
      ...(delivered ? [event(shippedAt + 2000, address, 'EVENT_301', 'Delivered.')] : []),
    ];
    return {
      packageNumber,
      trackingNumber: trackingNumberOf(packageNumber),
      customerTrackingLink: `https://www.amazon.com/progress-tracker/package?pkg=${packageNumber}`,
      carrierCode: 'UPS',
      carrierPhoneNumber: '1-800-742-5877',
      carrierURL: 'https://www.ups.com',
      shipDate: iso(shippedAt),
      estimatedArrivalDate: iso(shippedAt + 3 * 86_400_000),
      shipToAddress: address,
      currentStatus: delivered ? 'DELIVERED' : 'IN_TRANSIT',
      currentStatusDescription: delivered ? 'Delivered' : 'In transit',
      ...(delivered ? { signedForBy: 'FRONT DESK', additionalLocationInfo: 'FRONT_DESK' } : {}),
      trackingEvents: events,
    };
  }

  /** createFulfillmentReturn: each line is accepted or refused with Amazon's reason. */
  createReturn(sellerId: string, id: string, body: ReturnBody) {
    // each line is returnable only if its order shipped and the line is the order's; the rest come back invalid
    const o = this.book.get(sellerId, id);
    if (!Array.isArray(body.items) || body.items.length === 0)
      throw invalid('The request must contain the parameter items.');
    const shipped = this.book.isShipped(o);
    const shipmentId = shipmentIdOf(o);
    const returnItems: Array<Record<string, unknown>> = [];
    const invalidReturnItems: Array<Record<string, unknown>> = [];
    for (const item of body.items) {
      const line = o.request.items.find((i) => i.sellerFulfillmentOrderItemId === item.sellerFulfillmentOrderItemId);
      const reject = (code: string, description: string) =>
        invalidReturnItems.push({
          sellerReturnItemId: item.sellerReturnItemId,
          sellerFulfillmentOrderItemId: item.sellerFulfillmentOrderItemId,
          invalidItemReason: { invalidItemReasonCode: code, description },
        });
      if (o.returnItems.some((r) => r.sellerReturnItemId === item.sellerReturnItemId))
        reject('DuplicateRequest', 'A return for this sellerReturnItemId already exists.');
      else if (!line || item.amazonShipmentId !== shipmentId)
        reject('InvalidValues', 'The item or shipment does not belong to this order.');
      else if (!shipped) reject('NoCompletedShipItems', 'The item has not shipped yet.');
      else if (
        o.returnItems.filter((r) => r.sellerFulfillmentOrderItemId === line.sellerFulfillmentOrderItemId).length >=
        line.quantity
      )
        reject('NoReturnableQuantity', 'All units of this item are already being returned.');
      else {
        returnItems.push({
          sellerReturnItemId: item.sellerReturnItemId,
          sellerFulfillmentOrderItemId: item.sellerFulfillmentOrderItemId,
          amazonShipmentId: shipmentId,
          sellerReturnReasonCode: item.returnReasonCode,
          ...(item.returnComment ? { returnComment: item.returnComment } : {}),
          status: 'New',
          statusChangedDate: iso(this.now()),
          returnAuthorizationId: `RA-${o.packageNumber}`,
          fulfillmentCenterId: 'PHX7',
        });
      }
    }
    o.returnItems.push(...returnItems);
    if (returnItems.length && !o.returnAuthorizations.length) {
      o.returnAuthorizations.push({
        returnAuthorizationId: `RA-${o.packageNumber}`,
        fulfillmentCenterId: 'PHX7',
        returnToAddress: {
          name: 'Amazon PHX7',
          addressLine1: '800 N 75th Ave',
          city: 'Phoenix',
          stateOrRegion: 'AZ',
          postalCode: '85043',
          countryCode: 'US',
        },
        amazonRmaId: `Dbq${o.packageNumber}RMA`,
        rmaPageURL: `https://www.amazon.com/rma/${o.packageNumber}`,
      });
    }
    return { returnItems, invalidReturnItems, returnAuthorizations: returnItems.length ? o.returnAuthorizations : [] };
  }
}
