import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppSchema } from '../../src/graphql/build-schema';
import { printAppSchema } from '../../src/contract/print';

describe('the committed contract', () => {
  it('schema.graphql is exactly what the code prints (run `npm run schema` after changing a GraphQL type)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(await printAppSchema(await buildAppSchema())).toBe(committed);
  });

  it('keeps the federation keys other teams reference', async () => {
    const sdl = await printAppSchema(await buildAppSchema());
    expect(sdl).toContain('type FulfillmentTask implements Node @key(fields: "sellerId taskId")');
    expect(sdl).toContain('type FbaOutboundOrder implements Node @key(fields: "sellerId sellerFulfillmentOrderId")');
    expect(sdl).toContain('type McfOrder implements Node @key(fields: "storeName orderId")');
    expect(sdl).toContain('extend schema @link(url: "https://specs.apollo.dev/federation/v2.9"');
  });
});
