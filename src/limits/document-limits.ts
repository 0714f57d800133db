import {
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { QueryTooLargeError } from '../errors';

/** Size limits checked before validation (shared/API.md, "Cost and limits"). */
export interface DocumentLimits {
  /** tokens in the document, enforced while parsing (MAX_QUERY_TOKENS) */
  maxTokens: number;
  /** aliased fields in the document (MAX_ALIASES) */
  maxAliases: number;
  /** nesting of selection sets, fragments followed (MAX_DEPTH) */
  maxDepth: number;
  /** `_entities` representations in one operation (MAX_ENTITIES) */
  maxEntities: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxTokens: 5_000,
  maxAliases: 100,
  maxDepth: 12,
  maxEntities: 200,
};

/**
 * Refuses an over-large document before graphql-js validates it: its overlapping-fields rule is
 * quadratic in repeated selections, so a 140 kB document of copies can hold the event loop for
 * seconds. The token limit stops the parser itself; the other checks are one linear walk. Throws
 * QueryTooLargeError; returns the parsed document otherwise.
 */
export function checkDocument(
  query: string,
  variables: Record<string, unknown> | undefined,
  limits: DocumentLimits,
): DocumentNode {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    // graphql-js 16 words it "more that N tokens"
    if (/Document contains more (?:than|that) \d+ tokens/.test((error as Error).message))
      throw new QueryTooLargeError(`The document has more than ${limits.maxTokens} tokens.`, {
        name: 'MAX_QUERY_TOKENS',
        max: limits.maxTokens,
      });
    throw error; // a syntax error: Apollo reports it as GRAPHQL_PARSE_FAILED
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  let aliases = 0;
  let entities = 0;
  const countAliases = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.alias) aliases++;
        if (s.name.value === '_entities') {
          const arg = s.arguments?.find((a) => a.name.value === 'representations');
          if (arg) entities += listLength(arg.value, variables);
        }
      }
      if ('selectionSet' in s && s.selectionSet) countAliases(s.selectionSet);
    }
  };
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) countAliases(d.selectionSet);
  if (aliases > limits.maxAliases)
    throw new QueryTooLargeError(`The document has ${aliases} aliases; at most ${limits.maxAliases} are allowed.`, {
      name: 'MAX_ALIASES',
      max: limits.maxAliases,
      found: aliases,
    });
  if (entities > limits.maxEntities)
    throw new QueryTooLargeError(
      `The operation asks for ${entities} _entities representations; at most ${limits.maxEntities} are allowed.`,
      { name: 'MAX_ENTITIES', max: limits.maxEntities, found: entities },
    );

  // depth through fragments; a fragment already on the path (a cycle, invalid anyway) is not followed
  const depthOf = (set: SelectionSetNode, onPath: Set<string>): number => {
    let deepest = 0;
    for (const s of set.selections) {
      let d = 0;
      if (s.kind === Kind.FIELD) d = s.selectionSet ? 1 + depthOf(s.selectionSet, onPath) : 1;
      else if (s.kind === Kind.INLINE_FRAGMENT) d = depthOf(s.selectionSet, onPath);
      else {
        const f = fragments.get(s.name.value);
        if (f && !onPath.has(f.name.value)) {
          onPath.add(f.name.value);
          d = depthOf(f.selectionSet, onPath);
          onPath.delete(f.name.value);
        }
      }
      if (d > deepest) deepest = d;
      if (deepest > limits.maxDepth) return deepest;
    }
    return deepest;
  };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const depth = depthOf(d.selectionSet, new Set());
    if (depth > limits.maxDepth)
      throw new QueryTooLargeError(`The operation nests deeper than ${limits.maxDepth} levels.`, {
        name: 'MAX_DEPTH',
        max: limits.maxDepth,
      });
  }
  return document;
}

/** How many items a list argument holds: a literal list, or a variable's value. */
function listLength(value: ValueNode, variables: Record<string, unknown> | undefined): number {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const v = variables?.[value.name.value];
    return Array.isArray(v) ? v.length : v === undefined || v === null ? 0 : 1;
  }
  return 1;
}
