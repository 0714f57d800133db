import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';

export const SCHEMA_HEADER = '# Generated from the code by `npm run schema`. Do not edit: change src/schema and regenerate.\n\n';

/** The SDL with directives (so `@key` survives), as committed in schema.graphql. */
export function printAppSchema(schema: GraphQLSchema): string {
  return SCHEMA_HEADER + printSchemaWithDirectives(schema) + '\n';
}
