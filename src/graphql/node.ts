import { Field, ID, InterfaceType } from 'type-graphql';
import { fromOpaque, toOpaque } from './opaque';

/**
 * Relay's Node: every entity and object with an identity has an opaque, stable global `id`, so
 * Apollo Client and Relay normalise their caches without configuration, and `Query.node` finds
 * any of them again. The id is base64url of `[typename, ...key parts]`: stable across requests,
 * opaque to clients.
 */
@InterfaceType({
  description: 'An object with a stable, opaque global id.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque and stable: do not parse it.' })
  id!: string;
}

export function globalId(typename: string, ...parts: string[]): string {
  return toOpaque([typename, ...parts]);
}

/** `[typename, ...parts]`, or null when the id is not one this API issued. */
export function parseGlobalId(id: string): [string, ...string[]] | null {
  const value = fromOpaque(id);
  return Array.isArray(value) && value.length >= 2 && value.every((p) => typeof p === 'string')
    ? (value as [string, ...string[]])
    : null;
}
