import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppSchema } from '../src/schema';
import { printAppSchema } from '../src/schema/print';

describe('the committed contract', () => {
  it('schema.graphql is exactly what the code prints (run `npm run schema` after changing src/schema)', async () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(printAppSchema(await buildAppSchema())).toBe(committed);
  });

  it('keeps the federation key on FulfillmentTask', async () => {
    expect(printAppSchema(await buildAppSchema())).toContain('type FulfillmentTask @key(fields: "sellerId taskId")');
  });
});
