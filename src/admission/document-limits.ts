import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { QueryTooLargeError } from '../errors';

/** Size limits checked before validation (docs/api.md). */
export interface DocumentLimits {
  /** tokens in the document, enforced while parsing (MAX_QUERY_TOKENS) */
  maxTokens: number;
  /** aliased fields in the document (MAX_ALIASES) */
  maxAliases: number;
  /** nesting of selection sets, fragments followed; `ofType` does not count (MAX_DEPTH) */
  maxDepth: number;
  /** `_entities` representations in one operation, after coercion (MAX_ENTITIES) */
  maxEntities: number;
  /** how often one response name may appear in one selection set, fragments included (MAX_REPEATED_FIELDS) */
  maxRepeatedFields: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxTokens: 5_000,
  maxAliases: 100,
  maxDepth: 12,
  maxEntities: 200,
  maxRepeatedFields: 20,
};

/**
 * Refuses an over-large document before graphql-js validates it. Validation's overlapping-fields
 * rule compares every pair of fields that share a response name in one selection set (aliased or
 * not), so 400 copies of one field hold the event loop for over a second: the repeat limit keeps
 * that comparison small, the token limit stops the parser itself, and the other checks are one
 * linear walk. Throws QueryTooLargeError (or graphql-js's syntax error); returns the document.
 *
 * Depth does not count `ofType`: that chain is how introspection spells a wrapped type (nine
 * levels in graphql-js's `getIntrospectionQuery()`, which every IDE sends), and each step is
 * one object, never a list, so it cannot multiply the answer.
 */
export function checkDocument(query: string, limits: DocumentLimits): DocumentNode {
  // 1. tokens: the parser itself stops past the limit
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
    throw error; // a syntax error: reported as GRAPHQL_PARSE_FAILED
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  // 2. aliases, in operations and fragments alike
  let aliases = 0;
  const countAliases = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD && s.alias) aliases++;
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

  // 3. the same response name repeated on one path (fragments expanded): what makes validation quadratic
  checkRepeats(document, fragments, limits.maxRepeatedFields);

  // 4. depth

  // depth through fragments; a fragment already on the path (a cycle, invalid anyway) is not followed
  const depthOf = (set: SelectionSetNode, onPath: Set<string>): number => {
    let deepest = 0;
    for (const s of set.selections) {
      let d = 0;
      if (s.kind === Kind.FIELD) {
        const own = s.name.value === 'ofType' ? 0 : 1;
        d = s.selectionSet ? own + depthOf(s.selectionSet, onPath) : own;
      } else if (s.kind === Kind.INLINE_FRAGMENT) d = depthOf(s.selectionSet, onPath);
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

/** Fields visited with fragments expanded, at most: past this a document is refused whatever its shape. */
export const MAX_EXPANDED_FIELDS = 20_000;

/**
 * How many fields land on each response path (`task.results.shipment`), fragments expanded, as
 * the overlapping-fields rule merges them: it compares every pair of fields that share a response
 * name in one selection set, and then every pair in their merged sub-selections. Twenty copies of
 * a field whose fragments each bring ten `results` put 200 fields on one path (a 150 ms
 * validation); that is what this bounds. The walk stops at the first path over the limit, and
 * after MAX_EXPANDED_FIELDS fields in all (fragments can multiply); a cycle (invalid) is cut.
 */
function checkRepeats(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>, max: number): void {
  const counts = new Map<string, number>();
  let visited = 0;
  const walk = (set: SelectionSetNode, path: string, onPath: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (++visited > MAX_EXPANDED_FIELDS)
          throw new QueryTooLargeError(
            `The document expands to more than ${MAX_EXPANDED_FIELDS} fields once its fragments are followed.`,
            { name: 'MAX_EXPANDED_FIELDS', max: MAX_EXPANDED_FIELDS },
          );
        const name = s.alias?.value ?? s.name.value;
        const key = `${path}.${name}`;
        const n = (counts.get(key) ?? 0) + 1;
        if (n > max)
          throw new QueryTooLargeError(
            `The field "${name.slice(0, 50)}" appears ${n} times in one selection (fragments included); at most ${max} are allowed.`,
            { name: 'MAX_REPEATED_FIELDS', max, found: n },
          );
        counts.set(key, n);
        if (s.selectionSet) walk(s.selectionSet, key, onPath);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, path, onPath);
      else {
        const f = fragments.get(s.name.value);
        if (!f || onPath.has(f.name.value)) continue;
        onPath.add(f.name.value);
        walk(f.selectionSet, path, onPath);
        onPath.delete(f.name.value);
      }
    }
  };
  // operations from the root; each fragment also on its own (validation checks unused ones too)
  document.definitions.forEach((d, i) => {
    if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, `${i}`, new Set());
    else if (d.kind === Kind.FRAGMENT_DEFINITION) walk(d.selectionSet, `${i}`, new Set([d.name.value]));
  });
}
