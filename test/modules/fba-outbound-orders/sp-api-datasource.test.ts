import { SpApiClient } from '../../../src/upstreams/sp-api/client';
import { LwaTokens } from '../../../src/upstreams/sp-api/lwa';
import { SellerRegistry } from '../../../src/upstreams/sp-api/sellers';
import { FulfillmentOutboundV20200701 } from '../../../src/upstreams/sp-api/v2020-07-01/fulfillment-outbound';
import { SANDBOX_SPAPI_APP, SANDBOX_SPAPI_SELLERS } from '../../../src/sandbox/sp-api/fixtures';
import { SpApiSandbox } from '../../../src/sandbox/sp-api/server';
import { capturedLogger } from '../../support/logs';
import { SpApiModel } from '../../support/sp-api-model';
import { systemClock } from '../../../src/platform/clock';

const SELLER = SANDBOX_SPAPI_SELLERS[0].sellerId;

describe('SP-API datasource against the double (smoke)', () => {
  let sandbox: SpApiSandbox;
  let api: FulfillmentOutboundV20200701;
  const model = new SpApiModel();
  beforeAll(async () => {
    sandbox = await new SpApiSandbox({ receivedMs: 50, planningMs: 50, processingMs: 50 }).start();
    const { logger } = capturedLogger();
    const lwa = new LwaTokens({ url: sandbox.lwaUrl, ...SANDBOX_SPAPI_APP, clock: systemClock, logger });
    api = new FulfillmentOutboundV20200701(
      new SpApiClient({ lwa, logger, endpoint: sandbox.url }),
      new SellerRegistry(SANDBOX_SPAPI_SELLERS),
    );
  });
  afterAll(() => sandbox.close());

  it('runs every operation and every exchange conforms to the model', async () => {
    expect(await api.getOrder(SELLER, 'DEMO-COMPLETE-1')).toMatchObject({
      fulfillmentOrder: { fulfillmentOrderStatus: 'Complete' },
    });
    expect(await api.getOrder(SELLER, 'FBATestOrder-10')).toBeNull();
    const page = await api.listOrders(SELLER, {});
    expect(page.fulfillmentOrders?.length).toBe(5);
    const address = {
      name: 'A B',
      addressLine1: '1 Main St',
      city: 'Seattle',
      stateOrRegion: 'WA',
      postalCode: '98109',
      countryCode: 'US',
    };
    const previews = await api.preview(SELLER, {
      address,
      items: [{ sellerSku: 'DEMO-SKU-1', quantity: 1, sellerFulfillmentOrderItemId: 'i1' }],
    });
    expect(previews).toHaveLength(3);
    await api.deliveryOffers(SELLER, {
      product: { productIdentifier: { merchantSku: 'DEMO-SKU-1' }, amount: { unitOfMeasure: 'Eaches', value: '1' } },
      terms: {
        origin: { countryCode: 'US' },
        destination: { deliveryAddress: { postalCode: '98109', countryCode: 'US' } },
      },
    });
    const created = await api.createOrder(SELLER, {
      sellerFulfillmentOrderId: 'SMOKE-1',
      displayableOrderId: 'SMOKE-1',
      displayableOrderDate: '2026-11-20T10:00:00Z',
      displayableOrderComment: 'Thanks',
      shippingSpeedCategory: 'Standard',
      destinationAddress: address,
      fulfillmentAction: 'Hold',
      items: [{ sellerSku: 'DEMO-SKU-1', sellerFulfillmentOrderItemId: 'i1', quantity: 1 }],
    });
    expect(created.outcome).toBe('created');
    await api.updateOrder(SELLER, 'SMOKE-1', { displayableOrderComment: 'Updated' });
    await api.cancelOrder(SELLER, 'SMOKE-1');
    await api.setSandboxStatus(SELLER, 'DEMO-PLANNING-1', 'Complete');
    const shipped = await api.getOrder(SELLER, 'DEMO-COMPLETE-1');
    const pkg = shipped!.fulfillmentShipments![0].fulfillmentShipmentPackage![0].packageNumber;
    expect((await api.packageTracking(SELLER, pkg))?.trackingEvents?.map((e) => e.eventCode)).toContain('EVENT_212');
    expect(await api.returnReasonCodes(SELLER, { sellerSku: 'DEMO-SKU-1', language: 'en_US' })).toHaveLength(4);
    const ret = await api.createReturn(SELLER, 'DEMO-COMPLETE-1', [
      {
        sellerReturnItemId: 'r1',
        sellerFulfillmentOrderItemId: 'item-1',
        amazonShipmentId: shipped!.fulfillmentShipments![0].amazonShipmentId,
        returnReasonCode: 'DEFECTIVE',
      },
    ]);
    expect(ret.returnItems).toHaveLength(1);
    expect(await api.features(SELLER, 'ATVPDKIKX0DER')).toHaveLength(3);
    expect(
      (await api.featureInventory(SELLER, { marketplaceId: 'ATVPDKIKX0DER', featureName: 'BLANK_BOX' })).nextToken,
    ).toBeDefined();
    expect(
      (
        await api.featureSku(SELLER, {
          marketplaceId: 'ATVPDKIKX0DER',
          featureName: 'BLANK_BOX',
          sellerSku: 'DEMO-OOS',
        })
      ).isEligible,
    ).toBe(false);

    const problems = sandbox.calls().flatMap((e) => model.problems(e));
    expect(problems.filter((p) => !p.includes('eventCode'))).toEqual([]);
    expect(new Set(sandbox.calls().map((e) => e.operation))).toEqual(new Set(model.operationIds));
  });
});
