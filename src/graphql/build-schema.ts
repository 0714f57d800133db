import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, createResolversMap } from 'type-graphql';
import {
  DeliveryOfferResolver,
  FbaReturnResolver,
  FulfillmentFeatureResolver,
  FulfillmentPreviewResolver,
  PackageTrackingResolver,
} from '../modules/fba-outbound-orders/fba-tools.resolver';
import {
  FbaOutboundOrderResolver,
  FbaShipmentResolver,
} from '../modules/fba-outbound-orders/fba-outbound-order.resolver';
import {
  FulfillmentTaskResolver,
  MessageResultResolver,
  ShipmentConfirmationResolver,
} from '../modules/fulfillment-tasks/fulfillment-task.resolver';
import { McfOrderResolver } from '../modules/mcf-orders/mcf-order.resolver';
import { ViewerResolver } from '../modules/viewer/viewer.resolver';
import { NodeResolver } from './node.resolver';
import { FulfillmentTaskSubscription } from '../modules/fulfillment-tasks/fulfillment-task.subscription';
import { FbaOutboundOrderSubscription } from '../modules/fba-outbound-orders/fba-outbound-order.subscription';
import { REFERENCE_RESOLVERS } from './references';
import { guardRootFields, withAuthDirectives } from '../auth/guard';
import { withCostDirectives } from '../admission/cost';

/** Federation 2: the directives this subgraph uses. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@authenticated", "@requiresScopes", "@cost", "@listSize"])';

/**
 * type-graphql insists on a pubSub once any subscription exists, even when (as here) every
 * subscription brings its own `subscribe` function over the gateway's event bus. No topic-based
 * subscription exists, so reaching this is a programming error.
 */
const NO_TOPIC_SUBSCRIPTIONS = {
  publish(): void {
    throw new Error('topic subscriptions are not used: publish through the EventBus (src/events)');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('topic subscriptions are not used: subscribe through the EventBus (src/events)');
  },
};

/** The type-graphql schema alone (validation is explicit in resolvers, so mutations can return userErrors). */
export function buildTypeGraphqlSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      FulfillmentTaskResolver,
      MessageResultResolver,
      ShipmentConfirmationResolver,
      FbaOutboundOrderResolver,
      FbaShipmentResolver,
      FulfillmentPreviewResolver,
      DeliveryOfferResolver,
      PackageTrackingResolver,
      FbaReturnResolver,
      FulfillmentFeatureResolver,
      McfOrderResolver,
      ViewerResolver,
      NodeResolver,
      FulfillmentTaskSubscription,
      FbaOutboundOrderSubscription,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    pubSub: NO_TOPIC_SUBSCRIPTIONS,
    validate: false,
    emitSchemaFile: false,
  });
}

/**
 * The executable subgraph schema: type-graphql's schema printed with its directives (so `@key`
 * survives), given back to @apollo/subgraph with type-graphql's resolvers and the reference
 * resolvers. @apollo/subgraph 2.15 takes only the array form.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildTypeGraphqlSchema();
  const printed = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const typeDefs = withCostDirectives(withAuthDirectives(printed));
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [type, reference] of Object.entries(REFERENCE_RESOLVERS))
    resolvers[type] = { ...resolvers[type], ...reference };
  return guardRootFields(buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]));
}
