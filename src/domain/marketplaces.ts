/** Amazon marketplace ids by ERP region (the ERP's country list per region, docs/upstreams/sp-api.md; ids from Amazon's public docs). */
export type AmazonRegionCode = 'NA' | 'EU' | 'FE';

export const MARKETPLACES: Readonly<Record<string, { region: AmazonRegionCode; country: string }>> = {
  A2EUQ1WTGCTBG2: { region: 'NA', country: 'CA' },
  ATVPDKIKX0DER: { region: 'NA', country: 'US' },
  A1AM78C64UM0Y8: { region: 'NA', country: 'MX' },
  A2Q3Y263D00KWC: { region: 'NA', country: 'BR' },
  A1RKKUPIHCS9HS: { region: 'EU', country: 'ES' },
  A1F83G8C2ARO7P: { region: 'EU', country: 'UK' },
  A13V1IB3VIYZZH: { region: 'EU', country: 'FR' },
  AMEN7PMS3EDWL: { region: 'EU', country: 'BE' },
  A1805IZSGTT6HS: { region: 'EU', country: 'NL' },
  A1PA6795UKMFR9: { region: 'EU', country: 'DE' },
  APJ6JRA9NG5V4: { region: 'EU', country: 'IT' },
  A2NODRKZP88ZB9: { region: 'EU', country: 'SE' },
  AE08WJ6YKNBMC: { region: 'EU', country: 'ZA' },
  A1C3SOZRARQ6R3: { region: 'EU', country: 'PL' },
  ARBP9OOSHTCHU: { region: 'EU', country: 'EG' },
  A33AVAJ2PDY3EV: { region: 'EU', country: 'TR' },
  A17E79C6D8DWNP: { region: 'EU', country: 'SA' },
  A2VIGQ35RCS4UG: { region: 'EU', country: 'AE' },
  A21TJRUUN4KGV: { region: 'EU', country: 'IN' },
  A19VAU5U5O7RUS: { region: 'FE', country: 'SG' },
  A39IBJ37TRP1C6: { region: 'FE', country: 'AU' },
  A1VC38T7YXB528: { region: 'FE', country: 'JP' },
};
