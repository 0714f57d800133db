/** Credentials and seed data of the embedded ERP sandbox. Not secrets: they only open the sandbox. */
export const SANDBOX_ERP_APP = {
  appId: 'ak_sandboxDemo01', // 16 bytes, as AES-128 keying requires
  appSecret: 'sandbox+Secret/With=Specials',
};

/** The demo seller (the Amazon merchant id used in the seeds) and its marketplaces. */
export const DEMO_SELLER_ID = 'A1MQMW3JWPNCBX';

/**
 * The company's stores as the sandbox's `GET /erp/sc/data/seller/lists` answers them: the demo
 * seller's North American stores, a Japanese store of the FE seller, and one store in each state
 * an ERP store can be in besides normal (so that a frontend can show them and createMcfOrder's
 * refusal can be tried). `other-store` is a normal store of a seller of its own.
 */
export const SANDBOX_STORES = [
  store(101, '8speed-US', DEMO_SELLER_ID, 'NA', '美国', 'ATVPDKIKX0DER', 1),
  store(102, '8speed-CA', DEMO_SELLER_ID, 'NA', '加拿大', 'A2EUQ1WTGCTBG2', 1),
  store(103, '8speed-MX', DEMO_SELLER_ID, 'NA', '墨西哥', 'A1AM78C64UM0Y8', 0),
  store(104, '8speed-JP', 'A4IBC1X76HVPJ', 'FE', '日本', 'A1VC38T7YXB528', 1),
  store(105, '8speed-DE', 'A3EUSANDBOX01', 'EU', '德国', 'A1PA6795UKMFR9', 2),
  store(106, '8speed-UK', 'A3EUSANDBOX01', 'EU', '英国', 'A1F83G8C2ARO7P', 3),
  store(107, 'other-store', 'A2OTHERSELLER1', 'NA', '美国', 'ATVPDKIKX0DER', 1),
];

function store(
  sid: number,
  name: string,
  sellerId: string,
  region: string,
  country: string,
  marketplaceId: string,
  status: number,
) {
  // the fields the ERP documents, with the types it sends (sid, mid and status as numbers)
  return {
    sid,
    mid: sid % 100,
    name,
    seller_id: sellerId,
    account_name: `${name.split('-')[0]} account`,
    seller_account_id: 9000 + (sid % 100),
    region,
    country,
    marketplace_id: marketplaceId,
    has_ads_setting: 1,
    status,
  };
}
