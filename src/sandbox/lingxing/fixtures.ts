/** Credentials and seed data of the embedded ERP sandbox. Not secrets: they only open the sandbox. */
export const SANDBOX_ERP_APP = {
  appId: 'ak_sandboxDemo01', // 16 bytes, as AES-128 keying requires
  appSecret: 'sandbox+Secret/With=Specials',
};

/** The demo seller (the Amazon merchant id used in the seeds) and its marketplaces. */
export const DEMO_SELLER_ID = 'A1MQMW3JWPNCBX';
