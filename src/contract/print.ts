import { execute, parse, type GraphQLSchema } from 'graphql';

export const SCHEMA_HEADER =
  '# Generated from the code by `npm run schema`. Do not edit: change the types in src/modules or src/graphql and regenerate.\n\n';

/**
 * The subgraph SDL exactly as the supergraph fetches it (`_service { sdl }`): with `@link` and
 * `@key`, without the federation plumbing (`_entities`, `_service`). Committed as schema.graphql.
 */
export async function subgraphSdl(schema: GraphQLSchema): Promise<string> {
  const result = await execute({ schema, document: parse('{ _service { sdl } }') });
  const sdl = (result.data as { _service?: { sdl?: string } } | null)?._service?.sdl;
  if (!sdl) throw new Error(`the schema is not a subgraph: ${JSON.stringify(result.errors)}`);
  return sdl;
}

export async function printAppSchema(schema: GraphQLSchema): Promise<string> {
  return SCHEMA_HEADER + (await subgraphSdl(schema)).trim() + '\n';
}
