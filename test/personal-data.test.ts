import { redactInputValues, safeUpstreamMessage } from '../src/platform/redact';
import { BUYER_DATA } from './support/logs';
import { orderInput, mcfInput, startTestApp, type TestApp } from './support/harness';

describe('personal data stays inside its boundary', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const CREATE_FBA =
    'mutation($i: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $i) { userErrors { code } } }';
  const CREATE_MCF = 'mutation($i: CreateMcfOrderInput!) { createMcfOrder(input: $i) { userErrors { code } } }';

  it.each([
    [
      'an address with one unknown extra field',
      CREATE_FBA,
      { i: withExtra(orderInput('PII-1'), 'destinationAddress') },
    ],
    ['a phone sent as a number', CREATE_FBA, { i: phoneAsNumber(orderInput('PII-2')) }],
    ['a recipient with an unknown field', CREATE_MCF, { i: withExtra(mcfInput('pii-3'), 'recipient') }],
  ])(
    'refuses %s with the path and the kind of problem, never the values, in the answer or the logs',
    async (_name, query, variables) => {
      const logsBefore = app.logs.length;
      const res = await app.gql(query, variables);
      expect(res.status).toBe(400);
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/^Variable "\$i" got an invalid value at "i\.[a-zA-Z.]+"/);
      for (const text of [res.raw, ...app.logs.slice(logsBefore)]) {
        for (const value of [...BUYER_DATA, '2065550100', 'jane@example.com']) expect(text).not.toContain(value);
      }
      // logged as a client's mistake: info, no stack
      const line = app.logs.slice(logsBefore).find((l) => l.includes('BAD_USER_INPUT'));
      expect(JSON.parse(line!)).toMatchObject({ level: 30, code: 'BAD_USER_INPUT' });
      expect(line).not.toContain('"stack"');
    },
  );

  it('refuses an order missing a required field by naming the field, never the values', async () => {
    const { displayableOrderComment: _left, ...input } = orderInput('PII-4');
    const res = await app.gql(CREATE_FBA, { i: input });
    expect(res.status).toBe(400);
    expect(res.errors![0]).toMatchObject({
      message:
        'Variable "$i" got an invalid value at "i": Field "displayableOrderComment" of required type "String!" was not provided.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    for (const value of BUYER_DATA) expect(res.raw).not.toContain(value);
  });
});

describe('what is passed on of messages', () => {
  it('drops the value from graphql-js coercion and validation messages, keeping the path', () => {
    expect(
      redactInputValues(
        'Variable "$input" got invalid value { name: "Jane Doe", phone: "206-555-0100", extra: 1 } at "input.destinationAddress"; Field "extra" is not defined by type "FbaAddressInput".',
      ),
    ).toBe(
      'Variable "$input" got an invalid value at "input.destinationAddress": Field "extra" is not defined by type "FbaAddressInput".',
    );
    expect(
      redactInputValues(
        'Variable "$input" got invalid value 2065550100 at "input.recipient.phone"; String cannot represent a non string value: 2065550100',
      ),
    ).toBe(
      'Variable "$input" got an invalid value at "input.recipient.phone": String cannot represent the value given.',
    );
    // a problem with the variable's own object: the reason names the field, never a value
    expect(
      redactInputValues(
        'Variable "$input" got invalid value { recipient: { name: "Jane Doe" } }; Field "marketplaceId" of required type "String!" was not provided.',
      ),
    ).toBe(
      'Variable "$input" got an invalid value at "input": Field "marketplaceId" of required type "String!" was not provided.',
    );
    expect(
      redactInputValues(
        'Variable "$input" got invalid value { sellerId: "A1", nmae: "Jane Doe" }; Field "nmae" is not defined by type "CreateFbaOutboundOrderInput". Did you mean "name"?',
      ),
    ).toBe(
      'Variable "$input" got an invalid value at "input": Field "nmae" is not defined by type "CreateFbaOutboundOrderInput". Did you mean "name"?',
    );
    expect(
      redactInputValues(
        'Variable "$input" got invalid value "Jane Doe"; Expected type "AddressInput" to be an object.',
      ),
    ).toBe('Variable "$input" got an invalid value at "input": Expected type "AddressInput" to be an object.');
    // a value that imitates a reason is not taken for one
    expect(
      redactInputValues(
        'Variable "$input" got invalid value "x; Field \\"a\\" of required type \\"String!\\" was not provided."; Expected type "A" to be an object.',
      ),
    ).toBe('Variable "$input" got an invalid value at "input": Expected type "A" to be an object.');
    expect(redactInputValues('Expected value of type "String!", found 2065550100.')).toBe(
      'Expected value of type "String!".',
    );
  });

  it('cuts upstream messages short and strips credentials, query strings and e-mail addresses', () => {
    const text = safeUpstreamMessage(
      `Request to https://api.example/x?access_token=SECRET1&sign=SIG failed: Bearer eyJSECRET2 refresh_token=Atzr|SECRET3 for jane@example.com ${'x'.repeat(500)}`,
    );
    for (const leaked of ['SECRET1', 'SIG', 'SECRET2', 'SECRET3', 'jane@example.com'])
      expect(text).not.toContain(leaked);
    expect(text.length).toBeLessThanOrEqual(300);
  });
});

function withExtra<T extends object>(input: T, field: keyof T): T {
  return { ...input, [field]: { ...(input[field] as object), extra: 'surprise' } };
}

function phoneAsNumber<T extends { destinationAddress: object }>(input: T): T {
  return { ...input, destinationAddress: { ...input.destinationAddress, phone: 2065550100 } };
}
