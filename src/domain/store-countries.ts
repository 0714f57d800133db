/**
 * Amazon store countries and the Chinese names the ERP's createOrder expects in `country`
 * (docs/upstreams/lingxing.md: `美国`). Codes are ISO 3166-1 alpha-2 (UK is GB).
 */
export const STORE_COUNTRY_NAMES: Readonly<Record<string, string>> = {
  US: '美国',
  CA: '加拿大',
  MX: '墨西哥',
  BR: '巴西',
  GB: '英国',
  DE: '德国',
  FR: '法国',
  IT: '意大利',
  ES: '西班牙',
  NL: '荷兰',
  SE: '瑞典',
  PL: '波兰',
  BE: '比利时',
  IE: '爱尔兰',
  TR: '土耳其',
  AE: '阿联酋',
  SA: '沙特阿拉伯',
  EG: '埃及',
  IN: '印度',
  ZA: '南非',
  JP: '日本',
  AU: '澳大利亚',
  SG: '新加坡',
};
