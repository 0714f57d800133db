/** The SP-API sandbox's app credentials, sellers and catalogue. Not secrets: they only open the sandbox. */
export const SANDBOX_SPAPI_APP = {
  clientId: 'amzn1.application-oa2-client.sandbox0000000000000000',
  clientSecret: 'amzn1.oa2-cs.v1.sandbox-secret',
};

export const SANDBOX_SPAPI_SELLERS = [
  {
    sellerId: 'A1MQMW3JWPNCBX',
    region: 'NA' as const,
    refreshToken: 'Atzr|sandbox-refresh-A1MQMW3JWPNCBX',
    sandbox: true,
  },
  {
    sellerId: 'A4IBC1X76HVPJ',
    region: 'FE' as const,
    refreshToken: 'Atzr|sandbox-refresh-A4IBC1X76HVPJ',
    sandbox: true,
  },
  // a seller on Fulfillment Outbound 2026-07-04: the same GraphQL operations, the newer API behind them
  {
    sellerId: 'A2026NEWSELLER',
    region: 'NA' as const,
    refreshToken: 'Atzr|sandbox-refresh-A2026NEWSELLER',
    sandbox: true,
    fulfillmentOutboundVersion: '2026-07-04' as const,
  },
];

/** SKUs the sandbox knows, with stock. Others are refused as invalid. */
export const SANDBOX_SKUS: Readonly<Record<string, { fnSku: string; asin: string; stock: number; weightLb: string }>> =
  {
    'DEMO-SKU-1': { fnSku: 'X00DEMO001', asin: 'B0DEMO0001', stock: 500, weightLb: '0.80' },
    'DEMO-SKU-2': { fnSku: 'X00DEMO002', asin: 'B0DEMO0002', stock: 40, weightLb: '2.35' },
    'DEMO-SKU-3': { fnSku: 'X00DEMO003', asin: 'B0DEMO0003', stock: 12, weightLb: '5.10' },
    'DEMO-OOS': { fnSku: 'X00DEMO404', asin: 'B0DEMO0404', stock: 0, weightLb: '1.00' },
  };

export const SANDBOX_RETURN_REASONS = [
  {
    returnReasonCode: 'NOTCOMPATIBLE',
    description: 'Not compatible with the existing system',
    translatedDescription: 'Not compatible with the existing system',
  },
  {
    returnReasonCode: 'DEFECTIVE',
    description: 'Item is defective or does not work',
    translatedDescription: 'Item is defective or does not work',
  },
  {
    returnReasonCode: 'DAMAGEDBYCARRIER',
    description: 'Product and shipping box both damaged',
    translatedDescription: 'Product and shipping box both damaged',
  },
  { returnReasonCode: 'UNWANTEDITEM', description: 'No longer needed', translatedDescription: 'No longer needed' },
];

export const SANDBOX_FEATURES = [
  { featureName: 'BLANK_BOX', featureDescription: 'Ship in an unbranded box', sellerEligible: true },
  { featureName: 'BLOCK_AMZL', featureDescription: 'Do not deliver with Amazon Logistics', sellerEligible: true },
  {
    featureName: 'SIGNATURE_CONFIRMATION',
    featureDescription: 'Require a signature on delivery',
    sellerEligible: false,
  },
];
