import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { FulfillmentTaskResolver } from '../resolvers/fulfillment-task.resolver';

/** The executable schema. Validation is explicit in resolvers, so mutations can return userErrors. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [FulfillmentTaskResolver],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    emitSchemaFile: false,
  });
}
