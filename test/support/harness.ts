import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { request } from 'undici';
import { startApp, type AppOverrides, type RunningApp } from '../../src/app/start';
import { mintDevToken, type DevTokenClaims } from '../../src/auth/dev-token';
import { loadConfig } from '../../src/config';
import type { LingxingSandboxOptions } from '../../src/sandbox/lingxing/server';
import type { SpApiSandboxOptions } from '../../src/sandbox/sp-api/server';
import { capturedLogger } from './logs';
import { testStoreEnv, type StoreKind } from './stores';
import type {
  CreateFbaOutboundOrderInput,
  CreateMcfOrderInput,
  SubmitFulfillmentInput,
} from '../__generated__/operations';

export interface TestApp extends RunningApp {
  logs: string[];
  /** the store's environment, to start a second app on the same store (a restart) */
  storeEnv: Record<string, string>;
  /**
   * Runs a typed document (from test/__generated__) or a plain query string, with a bearer token
   * for every seller, store and scope unless `as` names the caller's claims (or `null`: no token).
   */
  gql<T = Record<string, unknown>, V = Record<string, unknown>>(
    query: string | TypedDocumentNode<T, V>,
    variables?: V,
    as?: DevTokenClaims | null,
  ): Promise<GqlResponse<T>>;
}

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  raw: string;
}

/** The real server on 127.0.0.1 with the embedded ERP sandbox, both over real HTTP. */
export async function startTestApp(
  options: {
    sandbox?: LingxingSandboxOptions;
    spApiSandbox?: SpApiSandboxOptions;
    env?: Record<string, string>;
    overrides?: AppOverrides;
    store?: StoreKind;
    storeEnv?: Record<string, string>;
  } = {},
): Promise<TestApp> {
  const { logger, lines } = capturedLogger('debug');
  // a store of its own (or the one given, to play a restart), and no background refresher unless asked
  const store = options.storeEnv ? undefined : await testStoreEnv(options.store ?? 'sqlite');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    // authentication is on whenever a test points the app at a live upstream; off on the sandboxes
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    TASK_REFRESH_INTERVAL_MS: '0',
    ...(options.storeEnv ?? store!.env),
    ...options.env,
  });
  const app = await startApp(config, {
    logger,
    lingxingSandbox: { latencyMs: 0, pendingMs: 100, processingMs: 200, ...options.sandbox },
    spApiSandbox: { receivedMs: 100, planningMs: 100, processingMs: 100, ...options.spApiSandbox },
    ...options.overrides,
  });
  return {
    ...app,
    async close() {
      await app.close();
      await store?.cleanup();
    },
    logs: lines,
    storeEnv: options.storeEnv ?? store!.env,
    async gql<T, V>(query: string | TypedDocumentNode<T, V>, variables?: V, as?: DevTokenClaims | null) {
      const token = as === null ? undefined : await testToken(as ?? ALL_ACCESS);
      const res = await request(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
      });
      const raw = await res.body.text();
      return { status: res.statusCode, raw, ...(JSON.parse(raw) as { data?: T; errors?: GqlResponse<T>['errors'] }) };
    },
  };
}

/** The HS256 secret test apps verify tokens with. */
export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-bytes!';
export const ALL_ACCESS: DevTokenClaims = { sub: 'test-admin', sellers: ['*'], stores: ['*'] };

/** A bearer token signed with TEST_JWT_SECRET. */
export function testToken(claims: DevTokenClaims = ALL_ACCESS): Promise<string> {
  return mintDevToken(TEST_JWT_SECRET, claims);
}

export const DEMO_SELLER = 'A1MQMW3JWPNCBX';
export const US_MARKETPLACE = 'ATVPDKIKX0DER';

export function shipmentInput(overrides: Record<string, unknown> = {}) {
  return {
    amazonOrderId: '113-1234567-1234567',
    trackingNumber: '1Z999AA10123456784',
    carrierCode: 'UPS',
    carrierName: 'UPS',
    shippingService: 'Ground',
    items: [{ orderItemId: '33051859012345', quantity: 1 }],
    ...overrides,
  };
}

/** A valid input; tests override parts of it, sometimes with deliberately wrong values. */
export function submitInput(overrides: Record<string, unknown> = {}): SubmitFulfillmentInput {
  return {
    region: 'NA',
    sellerId: DEMO_SELLER,
    marketplaceId: US_MARKETPLACE,
    shipments: [shipmentInput()],
    ...overrides,
  };
}

export { SubmitFulfillmentDocument as SUBMIT_MUTATION } from '../__generated__/operations';

/** A valid FBA order for the demo seller; tests override parts of it. */
export function orderInput(
  id: string,
  overrides: Partial<CreateFbaOutboundOrderInput> = {},
): CreateFbaOutboundOrderInput {
  return {
    sellerId: DEMO_SELLER,
    marketplaceId: US_MARKETPLACE,
    sellerFulfillmentOrderId: id,
    displayableOrderId: id,
    displayableOrderDate: '2026-11-20T10:00:00+09:00',
    displayableOrderComment: 'Thank you for your order!',
    shippingSpeedCategory: 'STANDARD',
    destinationAddress: {
      name: 'Jane Doe',
      addressLine1: '123 Any Street',
      city: 'Seattle',
      stateOrRegion: 'WA',
      postalCode: '98109',
      countryCode: 'US',
    },
    items: [
      {
        sellerSku: 'DEMO-SKU-1',
        sellerFulfillmentOrderItemId: 'line-1',
        quantity: 2,
        perUnitDeclaredValue: { currencyCode: 'USD', value: '19.99' },
      },
    ],
    ...overrides,
  };
}

/** A valid MCF order through the ERP (the ERP's documented example, in this API's English). */
export function mcfInput(orderId: string, overrides: Partial<CreateMcfOrderInput> = {}): CreateMcfOrderInput {
  return {
    storeName: '8speed-US',
    storeCountryCode: 'US',
    orderId,
    blankBox: false,
    blockAmzl: true,
    deliveryOperation: 'HOLD',
    deliveryService: 'STANDARD',
    recipient: { name: 'Jack Buyer', email: 'jack.buyer@example.com', phone: '123456' },
    address: {
      countryCode: 'US',
      stateOrRegion: 'AL-Alabama',
      city: 'Autaugaville',
      addressLine1: '1 Autauga Rd',
      postalCode: '36003',
    },
    packingSlip: { orderId: '1802', orderDate: '2022-12-09', remark: 'Thank you for your order' },
    remark: '备注',
    items: [{ msku: 'msku123', quantity: 1, declaredValue: '1.23', declaredCurrency: 'USD' }],
    ...overrides,
  };
}
