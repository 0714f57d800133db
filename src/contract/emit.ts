import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppSchema } from '../graphql/build-schema';
import { printAppSchema } from './print';

/** `npm run schema`: writes schema.graphql at the project root. */
void buildAppSchema().then(async (schema) => {
  const target = join(__dirname, '..', '..', '..', 'schema.graphql');
  writeFileSync(target, await printAppSchema(schema));
  process.stdout.write(`wrote ${target}\n`);
});
