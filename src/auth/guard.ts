import {
  defaultFieldResolver,
  Kind,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { checkEntryInput, refusedPayload } from '../admission/input-hygiene';
import type { Context } from '../graphql/context';
import { parseGlobalId } from '../graphql/node';
import { READ_SCOPE, WRITE_SCOPE, type Access } from './principal';

/**
 * Authorization at every entry, in one place: each root field of the executable schema (type-graphql's
 * and the federation fields `_entities` / `node` alike) is wrapped so that, before its resolver
 * runs (so before any upstream call or store read), the caller must hold the operation's scope
 * and be allowed every tenant the arguments name. Tenants are named the same way everywhere:
 * `sellerId` and `storeName`, as arguments or inside `input`; `_entities` representations and
 * global ids carry theirs. Per-seller loaders ask `Access` again (defence in depth for nested fields).
 */
/** The scope each root operation type needs: reads `fulfillment:read`, writes `fulfillment:write`. */
const ROOT_SCOPES: Readonly<Record<string, string>> = {
  Query: READ_SCOPE,
  Mutation: WRITE_SCOPE,
  Subscription: READ_SCOPE,
};

export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    const scope = type && ROOT_SCOPES[type.name];
    if (!scope) continue;
    for (const field of Object.values(type.getFields())) {
      if (PUBLIC_FIELDS.has(field.name)) continue;
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      const mutation = type.name === 'Mutation';
      field.resolve = (source, args: Record<string, unknown>, ctx: Context, info) => {
        authorizeEntry(ctx.access, scope, args);
        // input hygiene at the edge: a mutation reports it in its payload, others throw BAD_USER_INPUT
        const problems = checkEntryInput(args, mutation);
        if (problems.length) return refusedPayload(info.returnType, problems);
        return resolve(source, args, ctx, info);
      };
      if (field.subscribe) {
        const subscribe = field.subscribe;
        field.subscribe = (source, args: Record<string, unknown>, ctx: Context, info) => {
          authorizeEntry(ctx.access, scope, args);
          checkEntryInput(args, false);
          return subscribe(source, args, ctx, info);
        };
      }
    }
  }
  return schema;
}

/**
 * The same rules in the SDL, for Apollo Router to enforce at the edge: `@requiresScopes` with the
 * root type's scope on every root field, `@authenticated` on every entity (`@key`) type.
 */
export function withAuthDirectives(doc: DocumentNode): DocumentNode {
  const directive = (name: string, scope?: string): ConstDirectiveNode => ({
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: scope
      ? [
          {
            kind: Kind.ARGUMENT,
            name: { kind: Kind.NAME, value: 'scopes' },
            value: {
              kind: Kind.LIST,
              values: [{ kind: Kind.LIST, values: [{ kind: Kind.STRING, value: scope }] }],
            },
          },
        ]
      : [],
  });
  return visit(doc, {
    ObjectTypeDefinition(node) {
      const scope = ROOT_SCOPES[node.name.value];
      if (scope) {
        return {
          ...node,
          fields: node.fields?.map((f) =>
            PUBLIC_FIELDS.has(f.name.value)
              ? f
              : { ...f, directives: [...(f.directives ?? []), directive('requiresScopes', scope)] },
          ),
        };
      }
      if (node.directives?.some((d) => d.name.value === 'key'))
        return { ...node, directives: [...node.directives, directive('authenticated')] };
      return undefined;
    },
  });
}

/** The subgraph's own SDL: schema, not tenant data (what introspection would tell). */
const PUBLIC_FIELDS = new Set(['_service']);

/** Global-id types whose first key part is an ERP store; every other type's is a seller. */
const STORE_KEYED_TYPES = new Set(['McfOrder']);

/** Checks the scope and every tenant the arguments name; throws ForbiddenError. Exported for tests. */
export function authorizeEntry(access: Access, scope: string, args: Record<string, unknown>): void {
  access.requireScope(scope);
  for (const holder of [args, args.input]) checkTenants(access, holder);
  if (Array.isArray(args.representations)) for (const r of args.representations) checkTenants(access, r);
  if (typeof args.id === 'string') {
    const parsed = parseGlobalId(args.id);
    // an id this API did not issue is the resolver's BAD_USER_INPUT, not a tenant question
    if (parsed) {
      const [typename, tenant] = parsed;
      if (STORE_KEYED_TYPES.has(typename)) access.requireStore(tenant);
      else access.requireSeller(tenant);
    }
  }
}

function checkTenants(access: Access, holder: unknown): void {
  if (!holder || typeof holder !== 'object') return;
  const { sellerId, storeName } = holder as { sellerId?: unknown; storeName?: unknown };
  if (typeof sellerId === 'string') access.requireSeller(sellerId);
  if (typeof storeName === 'string') access.requireStore(storeName);
}
