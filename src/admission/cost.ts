import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isInterfaceType,
  isObjectType,
  Kind,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { MAX_TASK_IDS_PER_RESULT_CALL } from '../upstreams/lingxing/fulfillment';
import { BadUserInputError } from '../errors';
import { parseGlobalId } from '../graphql/node';
import { DEFAULT_PAGE_SIZE as DEFAULT_FIRST, MAX_UPSTREAM_PAGES, pageSize } from '../graphql/token-paging';

/**
 * The cost of an operation in upstream calls, known before it runs (docs/api.md, "Limits"): one point per ERP or SP-API call it may cause. Lists of ids cost their count over the
 * per-call maximum, connections their `first` over the upstream page size, store-only fields 0.
 * The same table prints `@cost` / `@listSize` into the SDL (federation v2.9), so Apollo Router's
 * demand control computes the same weights, with the static maximum where ours depends on the
 * arguments (its estimate is never below ours).
 */

/** Items per upstream page assumed for SP-API token-paged lists (Amazon does not document a size). */
export const ASSUMED_UPSTREAM_PAGE = 10;

type Args = Record<string, unknown>;
/** What the gate knows before the operation runs. */
export interface Known {
  /** this task is finished and kept in the registry: reading it asks the ERP nothing */
  finished(sellerId: string, taskId: string): boolean;
}
const NOTHING_KNOWN: Known = { finished: () => false };
interface FieldRule {
  /** calls this field causes, from its arguments */
  cost: (args: Args, known: Known) => number;
  /** the weight printed into the SDL: the static maximum of `cost` */
  sdlWeight: number;
  /** a connection: what is selected below it repeats `first` times */
  connection?: boolean;
  /** the connection lists FBA orders without their details (loaded per order when selected) */
  partialOrders?: boolean;
}

const fixed = (n: number): FieldRule => ({ cost: () => n, sdlWeight: n });
const first = (args: Args) => (typeof args.first === 'number' ? Math.max(0, args.first) : DEFAULT_FIRST);
const tokenPages = (args: Args) => Math.min(MAX_UPSTREAM_PAGES, Math.ceil(first(args) / ASSUMED_UPSTREAM_PAGE) + 1);
/** ERP calls for these task ids of one seller: the distinct ones not finished in the registry, ten a call. */
const idBatches = (sellerId: unknown, ids: unknown, known: Known) => {
  const distinct = new Set(Array.isArray(ids) ? (ids as string[]) : [ids as string]);
  let ask = 0;
  for (const id of distinct) if (!known.finished(String(sellerId), String(id))) ask++;
  return Math.ceil(ask / MAX_TASK_IDS_PER_RESULT_CALL);
};
/** A global id names a finished task (or one of its messages): read from the registry. */
const nodeCost = (args: Args, known: Known) => {
  const parsed = typeof args.id === 'string' ? parseGlobalId(args.id) : null;
  if (!parsed) return 0; // refused before any call
  const [typename, a, b] = parsed;
  if (typename === 'ShipmentConfirmation' || typename === 'McfOrder') return 0; // the store only
  if ((typename === 'FulfillmentTask' || typename === 'MessageResult') && known.finished(a, b)) return 0;
  return 1;
};

export const FIELD_COSTS: Readonly<Record<string, FieldRule>> = {
  'Query.fulfillmentTask': { cost: (a, k) => idBatches(a.sellerId, a.taskId, k), sdlWeight: 1 },
  'Query.fulfillmentTasks': { cost: (a, k) => idBatches(a.sellerId, a.taskIds, k), sdlWeight: 10 },
  // the registry's page, then its live state, ten ids per ERP call
  'Query.recentFulfillmentTasks': { cost: (a) => Math.ceil(first(a) / MAX_TASK_IDS_PER_RESULT_CALL), sdlWeight: 10 },
  'Query.fbaOutboundOrder': fixed(1),
  'Query.fbaOutboundOrders': {
    cost: tokenPages,
    sdlWeight: MAX_UPSTREAM_PAGES,
    connection: true,
    partialOrders: true,
  },
  'Query.fulfillmentPreview': fixed(1),
  'Query.deliveryOffers': fixed(1),
  'Query.packageTracking': fixed(1),
  'Query.returnReasonCodes': fixed(1),
  'Query.fulfillmentFeatures': fixed(1),
  'Query.featureInventory': { cost: tokenPages, sdlWeight: MAX_UPSTREAM_PAGES, connection: true },
  'Query.featureSku': fixed(1),
  'Query.node': { cost: nodeCost, sdlWeight: 1 },
  'Query.mcfOrders': { cost: () => 0, sdlWeight: 0, connection: true },
  // the ERP's store list, when the cached one is old (docs/api.md, "viewer")
  'Viewer.stores': fixed(1),
  // without a region, the store list names it; then the submission
  'Mutation.submitFulfillment': {
    cost: (a) => ((a.input as { region?: unknown } | undefined)?.region ? 1 : 2),
    sdlWeight: 2,
  },
  // the store list (is the store there, and normal?), then the order
  'Mutation.createMcfOrder': fixed(2),
  // the write, then the order read back
  'Mutation.createFbaOutboundOrder': fixed(2),
  'Mutation.updateFbaOutboundOrder': fixed(2),
  'Mutation.cancelFbaOutboundOrder': fixed(2),
  'Mutation.sandboxSetFbaOutboundOrderStatus': fixed(2),
  'Mutation.createFbaFulfillmentReturn': fixed(1),
  // the first state: a final task's results (none when the registry keeps them), or the order as it
  // is now; later reads are charged as they happen
  'Subscription.fulfillmentTaskUpdated': { cost: (a, k) => idBatches(a.sellerId, a.taskId, k), sdlWeight: 1 },
  'Subscription.fbaOutboundOrderUpdated': fixed(1),
};

/** Fields of an FBA order listed without details: selecting any of them loads the whole order once. */
const ORDER_DETAIL_FIELDS = new Set([
  'items',
  'shipments',
  'returnItems',
  'returnAuthorizations',
  'paymentInformation',
]);

/** What pricing found: the cost, and the `_entities` representations the operation names. */
export interface OperationPrice {
  cost: number;
  entities: number;
}

/**
 * The cost of the operation that will run, before it runs, from the values execution will see:
 * arguments coerced exactly as graphql-js coerces them (`variables` are the operation's coerced
 * variable values; one object given for a list is a list of one), fields that `@skip` or
 * `@include` leave out cost nothing, a field whose arguments do not coerce never runs (0). A
 * page size outside what the field accepts is refused here (BAD_USER_INPUT), before any call.
 */
export function priceOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  known: Known = NOTHING_KNOWN,
): OperationPrice {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, entities: 0 };
  let entities = 0;

  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean => {
    if (!node.directives?.length) return true;
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  };

  const walk = (
    set: SelectionSetNode,
    typeName: string,
    times: number,
    partialOrder: boolean,
    seen: ReadonlySet<string>,
    path: readonly string[],
  ): number => {
    let total = 0;
    let detailsCounted = false;
    for (const s of set.selections) {
      // 1. what execution leaves out costs nothing; fragments are walked in place (each once per path)
      if (!included(s)) continue;
      if (s.kind === Kind.INLINE_FRAGMENT) {
        total += walk(s.selectionSet, s.typeCondition?.name.value ?? typeName, times, partialOrder, seen, path);
        continue;
      }
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value);
        if (f && !seen.has(f.name.value))
          total += walk(
            f.selectionSet,
            f.typeCondition.name.value,
            times,
            partialOrder,
            new Set([...seen, f.name.value]),
            path,
          );
        continue;
      }
      // 2. the field and its arguments, coerced as execution coerces them
      const name = s.name.value;
      const type = schema.getType(typeName);
      const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
      if (!def) continue; // __typename and introspection: no upstream call
      const here = [...path, s.alias?.value ?? name];
      let args: Args;
      try {
        args = getArgumentValues(def, s, variables);
      } catch {
        continue; // execution refuses this field before its resolver runs
      }
      if (def.args.some((a) => a.name === 'first') && args.first != null) {
        try {
          pageSize(args.first as number);
        } catch (error) {
          const e = error as BadUserInputError;
          throw new BadUserInputError(e.message, ['first'], e.code, here);
        }
      }
      // 3. the field's own cost: `_entities` by the distinct keys it names, others by their rule
      let own = 0;
      let childTimes = times;
      let childPartial = false;
      if (typeName === root.name && name === '_entities') {
        const representations = Array.isArray(args.representations) ? (args.representations as unknown[]) : [];
        entities += representations.length * times;
        own = entitiesCost(representations, known);
      } else {
        const rule = FIELD_COSTS[`${typeName}.${name}`];
        if (rule) {
          own = Math.max(0, rule.cost(args, known));
          if (rule.connection) childTimes = times * first(args);
          childPartial = Boolean(rule.partialOrders);
        }
        if (partialOrder && typeName === 'FbaOutboundOrder' && ORDER_DETAIL_FIELDS.has(name) && !detailsCounted) {
          own += 1; // one getFulfillmentOrder per listed order, whichever detail fields are selected
          detailsCounted = true;
        }
      }
      // 4. times how often the field runs (once per item of an enclosing connection), then its children
      total += own * times;
      if (s.selectionSet) {
        // the listed-order flag travels through `edges { node }` down to the orders, not below them
        const keepPartial = childPartial || (partialOrder && typeName !== 'FbaOutboundOrder');
        total += walk(s.selectionSet, getNamedType(def.type).name, childTimes, keepPartial, seen, here);
      }
    }
    return total;
  };
  const cost = walk(operation.selectionSet, root.name, 1, false, new Set(), []);
  return { cost, entities };
}

/** Variables past this size (as JSON) are priced afresh each time rather than kept as a key. */
const MAX_REMEMBERED_VARIABLES_JSON = 2_048;
/** Prices kept per operation: one per distinct set of variables, forgotten all at once past this. */
const MAX_PRICES_PER_OPERATION = 32;

/**
 * `priceOperation`, remembered: an operation (a node of a document the gate already caches) is
 * walked once per set of variable values, and later requests with the same values reuse the
 * price. A price that asked the registry whether a task is finished is never kept, because
 * that answer changes as tasks finish. Held weakly, so a document forgotten by the gate's cache
 * takes its prices with it.
 */
export class OperationPrices {
  private readonly byOperation = new WeakMap<OperationDefinitionNode, Map<string, OperationPrice>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly known: Known = NOTHING_KNOWN,
  ) {}

  price(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
  ): OperationPrice {
    const key = JSON.stringify(variables);
    if (key.length > MAX_REMEMBERED_VARIABLES_JSON)
      return priceOperation(this.schema, document, operation, variables, this.known);
    let prices = this.byOperation.get(operation);
    const remembered = prices?.get(key);
    if (remembered) return { ...remembered };
    let askedRegistry = false;
    const watched: Known = {
      finished: (sellerId, taskId) => {
        askedRegistry = true;
        return this.known.finished(sellerId, taskId);
      },
    };
    const price = priceOperation(this.schema, document, operation, variables, watched);
    if (!askedRegistry) {
      if (!prices) this.byOperation.set(operation, (prices = new Map<string, OperationPrice>()));
      if (prices.size >= MAX_PRICES_PER_OPERATION) prices.clear();
      prices.set(key, price);
    }
    return { ...price };
  }
}

function entitiesCost(representations: unknown[], known: Known): number {
  const tasks = new Set<string>();
  const orders = new Set<string>();
  for (const r of representations as Array<Record<string, unknown> | null>) {
    if (r?.__typename === 'FulfillmentTask' && !known.finished(String(r.sellerId), String(r.taskId)))
      tasks.add(`${String(r.sellerId)} ${String(r.taskId)}`);
    if (r?.__typename === 'FbaOutboundOrder') orders.add(`${String(r.sellerId)} ${String(r.sellerFulfillmentOrderId)}`);
  }
  return Math.ceil(tasks.size / MAX_TASK_IDS_PER_RESULT_CALL) + orders.size;
}

/**
 * The table as SDL for Apollo Router's demand control: `@cost(weight:)` on the fields that call
 * upstream, `@listSize` on connections, and `@cost(weight: 0)` on every other object type (the
 * router's default of 1 per object would count store reads and mapping as calls).
 */
export function withCostDirectives(doc: DocumentNode): DocumentNode {
  const directive = (name: string, args: Array<[string, ValueNode]>): ConstDirectiveNode =>
    ({
      kind: Kind.DIRECTIVE,
      name: { kind: Kind.NAME, value: name },
      arguments: args.map(([n, v]) => ({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: n }, value: v })),
    }) as ConstDirectiveNode;
  const int = (n: number): ValueNode => ({ kind: Kind.INT, value: String(n) });
  const strings = (...s: string[]): ValueNode => ({
    kind: Kind.LIST,
    values: s.map((value) => ({ kind: Kind.STRING, value })),
  });
  const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);
  return visit(doc, {
    ObjectTypeDefinition(node) {
      const typeName = node.name.value;
      const fields = node.fields?.map((f) => {
        const rule = FIELD_COSTS[`${typeName}.${f.name.value}`];
        const extra: ConstDirectiveNode[] = [];
        if (rule && rule.sdlWeight > 0) extra.push(directive('cost', [['weight', int(rule.sdlWeight)]]));
        if (rule?.connection)
          extra.push(
            directive('listSize', [
              ['slicingArguments', strings('first')],
              ['sizedFields', strings('edges')],
              ['requireOneSlicingArgument', { kind: Kind.BOOLEAN, value: false }],
              ['assumedSize', int(DEFAULT_FIRST)],
            ]),
          );
        if (typeName === 'FbaOutboundOrder' && ORDER_DETAIL_FIELDS.has(f.name.value))
          extra.push(directive('cost', [['weight', int(1)]]));
        return extra.length ? { ...f, directives: [...(f.directives ?? []), ...extra] } : f;
      });
      const typeDirectives = ROOTS.has(typeName)
        ? node.directives
        : [...(node.directives ?? []), directive('cost', [['weight', int(0)]])];
      return { ...node, fields, directives: typeDirectives };
    },
  });
}
