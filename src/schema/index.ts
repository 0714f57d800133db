import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { FulfillmentTaskResolver, MessageResultResolver } from '../resolvers/fulfillment-task.resolver';
import { FbaOutboundOrderResolver } from '../resolvers/fba-outbound-order.resolver';
import { McfOrderResolver } from '../resolvers/mcf-order.resolver';
import { DeliveryOfferResolver, FbaReturnResolver, FulfillmentFeatureResolver, FulfillmentPreviewResolver, PackageTrackingResolver } from '../resolvers/fba-tools.resolver';

/** The executable schema. Validation is explicit in resolvers, so mutations can return userErrors. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [FulfillmentTaskResolver, MessageResultResolver, FbaOutboundOrderResolver, FulfillmentPreviewResolver, DeliveryOfferResolver, PackageTrackingResolver, FbaReturnResolver, FulfillmentFeatureResolver, McfOrderResolver],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    emitSchemaFile: false,
  });
}
