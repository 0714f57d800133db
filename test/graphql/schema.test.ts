import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppSchema } from '../../src/graphql/build-schema';
import { printAppSchema } from '../../src/contract/print';
import { getMetadataStorage } from 'type-graphql';

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

describe('field resolvers', () => {
  it('take their root as the plain object the mappers built: no @Root() names a class type-graphql would copy into', async () => {
    await buildAppSchema(); // every resolver module loaded and its metadata built
    const roots = getMetadataStorage().params.filter((p) => p.kind === 'root');
    expect(roots.length).toBeGreaterThan(10);
    const copied = roots
      .map((p) => ({ at: `${p.target.name}.${p.methodName}`, type: p.kind === 'root' ? p.getType?.() : undefined }))
      .filter(({ type }) => typeof type === 'function' && type !== Object)
      .map(({ at }) => at);
    expect(copied).toEqual([]);
  });
});
