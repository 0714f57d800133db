import { createHash } from 'node:crypto';
import { JsonInt, canonicalJson, parseJson } from '../../src/upstreams/lingxing/json';
import { sign, stringToSign } from '../../src/upstreams/lingxing/sign';

// The two known signature vectors (docs/upstreams/lingxing.md, "Signing").
const common = {
  appId: 'ak_ABCDEFGHIJKLM',
  accessToken: '00000000-0000-0000-0000-000000000000',
  timestamp: 1720429074,
};
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();

describe('Lingxing request signing', () => {
  it('signs query-style params exactly as the documented vector', () => {
    const input = { ...common, body: { offset: 0, length: 100 } };
    const s = stringToSign(input);
    expect(s).toBe(
      'access_token=00000000-0000-0000-0000-000000000000&app_key=ak_ABCDEFGHIJKLM&length=100&offset=0&timestamp=1720429074',
    );
    expect(md5(s)).toBe('1A40797534A81B7AEC8AA6ABF23169E4');
    expect(sign(input)).toBe('ZFmxlfUlOsrov4D9SuOg7rb3xC5f7Sy7KYSpDHZAx4igvhl9I/UsZJCV1IqGiL9l');
  });

  it('signs a body with an array of task ids exactly as the documented vector', () => {
    const input = { ...common, body: { seller_id: 'A1MQMW3JWPNCBX', task_id: [new JsonInt('1003083')] } };
    const s = stringToSign(input);
    expect(s).toContain('&seller_id=A1MQMW3JWPNCBX&task_id=[1003083]&timestamp=1720429074');
    expect(md5(s)).toBe('FC9BFB35EE5D52C59F8053793A470AEF');
    const signature = sign(input);
    expect(signature).toBe('dZtoUf1sBjIuK4liycupz9O+BAmydVZuEhXRpNe+7Jygvhl9I/UsZJCV1IqGiL9l');
    expect(encodeURIComponent(signature)).toBe(
      'dZtoUf1sBjIuK4liycupz9O%2BBAmydVZuEhXRpNe%2B7Jygvhl9I%2FUsZJCV1IqGiL9l',
    );
  });

  it('drops empty strings and null members from the string to sign', () => {
    const s = stringToSign({ ...common, body: { a: '', b: null, c: undefined, d: 'x' } });
    expect(s).toBe(
      'access_token=00000000-0000-0000-0000-000000000000&app_key=ak_ABCDEFGHIJKLM&d=x&timestamp=1720429074',
    );
  });

  it('renders nested objects as compact JSON with sorted keys and raw UTF-8', () => {
    const s = stringToSign({ ...common, body: { order_list: [{ z: 1, a: '立即配送', m: true }] } });
    expect(s).toContain('order_list=[{"a":"立即配送","m":true,"z":1}]');
  });

  it('refuses an appId that cannot key AES-128', () => {
    expect(() => sign({ ...common, appId: 'short', body: {} })).toThrow(/16 bytes/);
  });
});

describe('ERP JSON', () => {
  it('writes 19-digit ids unquoted without losing digits', () => {
    expect(canonicalJson({ task_id: [new JsonInt('103313699178382336')] })).toBe('{"task_id":[103313699178382336]}');
  });

  it('keeps integers above 2^53 as their digits when parsing', () => {
    const parsed = parseJson('{"id":103313699178382336,"small":42}') as { id: unknown; small: unknown };
    expect(parsed.id).toBe('103313699178382336');
    expect(parsed.small).toBe(42);
  });
});
