import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/verifier';
import {
  BadUserInputError,
  type CodedError,
  CostLimitExceededError,
  QueryTooLargeError,
  ThrottledError,
  TooManySubscriptionsError,
  UnauthenticatedError,
  type CostExtension,
} from '../errors';
import { toGraphQLError } from '../graphql/errors';
import { redactInputValues } from '../platform/redact';
import { callbackUrlAllowed } from './callback-urls';
import { sha256, type TrustedDocuments } from './trusted-documents';
import type { CostBudget } from './cost-buckets';
import { OperationPrices, type Known } from './cost';
import { checkDocument, type DocumentLimits } from './document-limits';

/**
 * The one gate every way in passes (docs/api.md): HTTP POST and
 * GET, a persisted-query hash once resolved to its document, a graphql-ws `subscribe`, and Apollo
 * Router's subscription callbacks. In this order, each step only for what passed the one before:
 *
 *   authenticate → resolve the document → document limits → validate → cost → the caller's bucket
 *
 * and only then is anything executed. With authentication on, nothing is parsed, looked up or
 * validated for an anonymous caller. A refusal says which HTTP status it deserves.
 */
export interface AdmissionOptions {
  schema: GraphQLSchema;
  verifier: TokenVerifier;
  document: DocumentLimits;
  maxOperationCost: number;
  costBuckets: CostBudget;
  /** `__schema` / `__type` allowed (development, or GRAPHQL_INTROSPECTION=true) */
  introspection: boolean;
  /** no "Did you mean …" suggestions in validation messages (production) */
  hideSuggestions: boolean;
  /** where Apollo Router's subscription callbacks may point (origin + path prefix) */
  callbackUrlPrefixes: readonly string[];
  /** subscriptions one caller may hold open at once (MAX_SUBSCRIPTIONS_PER_CALLER) */
  maxSubscriptionsPerCaller: number;
  /** tasks seen finished and kept in the registry: reads of them are priced at 0 */
  finishedTasks?: { has(sellerId: string, taskId: string): boolean };
  /** the documents a frontend was built with (TRUSTED_DOCUMENTS), runnable by id */
  trustedDocuments?: TrustedDocuments;
  /** only trusted documents run (TRUSTED_DOCUMENTS_ONLY): no free text, no new persisted queries */
  trustedOnly?: boolean;
}

/** A GraphQL request as any transport carries it (POST body, GET query string, graphql-ws payload). */
export interface GraphQLRequestFields {
  /** a trusted document's id (GraphQL over HTTP's persisted documents) */
  documentId?: unknown;
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

/** Who is calling, once authenticated: the principal, and whose cost bucket pays. */
export interface Caller {
  principal: Principal;
  /** `sub:<token subject>`, or `ip:<address>` when authentication is off */
  key: string;
}

export interface AdmittedOperation {
  caller: Caller;
  /** the document's text (a persisted-query hash resolved), as it is executed */
  query: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** the client's variables, as sent (execution coerces them again) */
  variables: Record<string, unknown>;
  operationName?: string;
  /** the requested cost, already taken from the caller's bucket */
  cost: number;
  /** a router callback subscription that passed the allow-list */
  callback?: Record<string, unknown>;
}

/** A refusal: the error for the client and the HTTP status (and headers) it is answered with. */
export class Refusal {
  /** what the client is answered, as GraphQL errors (the service's own keep theirs as `originalError`) */
  readonly errors: readonly GraphQLError[];

  constructor(
    readonly status: number,
    /** the errors as raised: the service's own keep their class, so callers can branch on it */
    readonly reasons: ReadonlyArray<CodedError | GraphQLError>,
    readonly headers: Record<string, string> = {},
  ) {
    this.errors = reasons.map(toGraphQLError);
  }

  get code(): string {
    const code = this.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : 'BAD_REQUEST';
  }
}

export type Transport = 'http-get' | 'http-post' | 'websocket';

const SHA256 = /^[0-9a-f]{64}$/;
const requestError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

interface CheckedDocument {
  document?: DocumentNode;
  /** SHA-256 of the text, the key Apollo's document store is asked with */
  hash?: string;
  refusal?: Refusal;
}

export class Admission {
  /** documents that passed the limits and validation, by text: each is parsed and validated once */
  private readonly checked = new LRUCache<string, CheckedDocument>({ max: 1_000 });
  /** persisted-query documents by caller and hash: a caller reads only what it registered itself */
  private readonly persisted = new LRUCache<string, string>({
    maxSize: 16 * 1_048_576,
    sizeCalculation: (text, key) => text.length + key.length,
  });
  /** the checked documents by the SHA-256 of their text, as Apollo's document store asks for them */
  private readonly byHash = new LRUCache<string, DocumentNode>({ max: 1_000 });
  /** subscriptions open per caller on this replica */
  private readonly openSubscriptions = new Map<string, number>();
  private readonly rules: typeof specifiedRules;
  /** the cost walk, remembered per operation and variable values */
  private readonly prices: OperationPrices;

  constructor(readonly options: AdmissionOptions) {
    this.rules = options.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
    const finished = options.finishedTasks;
    const known: Known = { finished: (sellerId, taskId) => finished?.has(sellerId, taskId) ?? false };
    this.prices = new OperationPrices(options.schema, known);
  }

  /**
   * Step 1: who is calling. `authorization` is the header (or the graphql-ws `connection_init`
   * payload's); `address` identifies the caller when authentication is off.
   */
  async authenticate(authorization: string | undefined, address: string | undefined): Promise<Caller | Refusal> {
    const { verifier } = this.options;
    try {
      const principal = await verifier.authenticate(authorization);
      return { principal, key: verifier.enabled ? `sub:${principal.sub}` : `ip:${address ?? 'unknown'}` };
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      return new Refusal(401, [error], { 'www-authenticate': 'Bearer' });
    }
  }

  /** Steps 2 to 6 for an authenticated caller; the cost is taken from its bucket when admitted. */
  async admit(
    caller: Caller,
    request: GraphQLRequestFields,
    transport: Transport,
  ): Promise<AdmittedOperation | Refusal> {
    // 2. the document: the text sent, or the one a persisted hash or trusted-document id names
    const resolved = this.resolveDocument(caller, request);
    if (resolved instanceof Refusal) return resolved;
    const { query, register } = resolved;

    // 3 and 4. size limits, then validation against the schema (cached per document text)
    const checked = this.check(query);
    if (checked.refusal) return checked.refusal;
    const document = checked.document!;
    if (!this.byHash.has(checked.hash!)) this.byHash.set(checked.hash!, document);

    // the operation to run, and whether this transport serves its kind
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation)
      return new Refusal(400, [
        requestError(
          operationName
            ? 'The document has no operation of that name.'
            : 'The document must name the operation to run (operationName).',
          'OPERATION_RESOLUTION_FAILURE',
        ),
      ]);
    if (transport === 'http-get' && operation.operation !== OperationTypeNode.QUERY)
      return new Refusal(405, [requestError('GET requests only run queries; send others with POST.', 'BAD_REQUEST')], {
        allow: 'POST',
      });
    if (transport === 'websocket' && operation.operation !== OperationTypeNode.SUBSCRIPTION)
      return new Refusal(400, [
        requestError(
          'Only subscriptions are served over the WebSocket; send queries and mutations over HTTP.',
          'BAD_REQUEST',
        ),
      ]);

    // a router's subscription callback, only to an allowed URL
    const callback = this.callbackOf(request, operation);
    if (callback instanceof Refusal) return callback;
    if (transport !== 'websocket' && operation.operation === OperationTypeNode.SUBSCRIPTION && !callback)
      return new Refusal(400, [
        requestError(
          'Subscriptions are served over graphql-ws on this path, or through a router callback.',
          'BAD_REQUEST',
        ),
      ]);

    // the variables, coerced as execution will coerce them (the cost is priced from these values)
    const variables = parseVariables(request.variables);
    if (variables instanceof Refusal) return variables;
    const coerced = getVariableValues(this.options.schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors)
      return new Refusal(
        400,
        coerced.errors.map((e) => requestError(redactInputValues(e.message), 'BAD_USER_INPUT')),
      );

    // 5. the cost in upstream calls, and the _entities bound after coercion
    let price;
    try {
      price = this.prices.price(document, operation, coerced.coerced);
    } catch (error) {
      if (error instanceof BadUserInputError) return new Refusal(400, [error]);
      throw error;
    }
    const { maxEntities } = this.options.document;
    if (price.entities > maxEntities)
      return new Refusal(400, [
        new QueryTooLargeError(
          `The operation asks for ${price.entities} _entities representations; at most ${maxEntities} are allowed.`,
          { name: 'MAX_ENTITIES', max: maxEntities, found: price.entities },
        ),
      ]);
    // 6. the caller's budget pays, or the operation is refused (THROTTLED, COST_LIMIT_EXCEEDED)
    const charged = await this.charge(caller.key, price.cost);
    if (charged) return charged;

    register?.();
    return {
      caller,
      query,
      document,
      operation,
      variables,
      operationName,
      cost: price.cost,
      callback,
    };
  }

  /** What a context needs of the gate for an admitted operation: its cost, later charges, subscription slots. */
  admitted(operation: AdmittedOperation) {
    const caller = operation.caller.key;
    return {
      cost: operation.cost,
      charge: async (points: number) => (await this.charge(caller, points))?.reasons[0] as CodedError | undefined,
      holdSubscription: () => this.holdSubscription(caller),
    };
  }

  /** Takes `cost` from the caller's bucket: undefined when paid, else the refusal (400 over the operation limit, 429 throttled). */
  async charge(caller: string, cost: number): Promise<Refusal | undefined> {
    const { maxOperationCost, costBuckets } = this.options;
    const extension = async (): Promise<CostExtension> => ({
      requestedQueryCost: cost,
      actualQueryCost: 0,
      throttleStatus: await this.throttleStatus(caller),
    });
    if (cost > maxOperationCost)
      return new Refusal(400, [new CostLimitExceededError(cost, maxOperationCost, await extension())]);
    const taken = await costBuckets.take(caller, cost);
    if (!taken.ok)
      return new Refusal(429, [new ThrottledError(taken.retryAfterMs, await extension())], {
        'retry-after': String(Math.max(1, Math.ceil(taken.retryAfterMs / 1000))),
      });
    return undefined;
  }

  /**
   * Holds one of the caller's subscription slots (MAX_SUBSCRIPTIONS_PER_CALLER, across all its
   * sockets and router callbacks on this replica) until the returned function is called.
   */
  holdSubscription(caller: string): () => void {
    const open = this.openSubscriptions.get(caller) ?? 0;
    const max = this.options.maxSubscriptionsPerCaller;
    if (open >= max) throw new TooManySubscriptionsError(`A caller may hold at most ${max} subscriptions at once.`);
    this.openSubscriptions.set(caller, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.openSubscriptions.get(caller) ?? 1) - 1;
      if (left > 0) this.openSubscriptions.set(caller, left);
      else this.openSubscriptions.delete(caller);
    };
  }

  /** Gives back what an operation reserved and did not use. */
  /** Gives back what an operation did not use; resolves with the caller's throttle status after it. */
  async settle(caller: string, unused: number): Promise<CostExtension['throttleStatus']> {
    const { costBuckets } = this.options;
    return this.status(await costBuckets.refund(caller, Math.max(0, unused)));
  }

  async throttleStatus(caller: string): Promise<CostExtension['throttleStatus']> {
    return this.status(await this.options.costBuckets.available(caller));
  }

  private status(available: number): CostExtension['throttleStatus'] {
    const { costBuckets } = this.options;
    return {
      maximumAvailable: costBuckets.options.size,
      currentlyAvailable: Math.floor(available),
      restoreRate: costBuckets.options.restorePerSecond,
    };
  }

  /**
   * A document this gate checked, by the SHA-256 of its text (what Apollo keys its document store
   * by): Apollo executes it without parsing or validating it again.
   */
  checkedDocument(hash: string): DocumentNode | undefined {
    return this.byHash.get(hash);
  }

  /**
   * Step 2: the document's text, then checked exactly like text sent in full.
   * - Trusted documents (TRUSTED_DOCUMENTS): a `documentId` or a persisted-query hash names one of
   *   the manifest's documents; with TRUSTED_DOCUMENTS_ONLY nothing else runs.
   * - Automatic persisted queries are kept per caller: a hash names only a document this caller
   *   sent in full before (and that was admitted), so no caller can run, or learn of, another's
   *   documents.
   */
  private resolveDocument(
    caller: Caller,
    request: GraphQLRequestFields & { documentId?: unknown },
  ): { query: string; register?: () => void } | Refusal {
    const extensions = (request.extensions ?? {}) as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } };
    const persisted = extensions.persistedQuery;
    const { trustedDocuments, trustedOnly } = this.options;
    const notTrusted = () =>
      new Refusal(400, [
        requestError(
          'Only the documents this API trusts can run here (TRUSTED_DOCUMENTS).',
          'PERSISTED_QUERY_NOT_IN_LIST',
        ),
      ]);
    // a trusted document, named by its id or by a hash sent without text
    const id =
      typeof request.documentId === 'string'
        ? request.documentId
        : typeof persisted?.sha256Hash === 'string' && request.query === undefined
          ? persisted.sha256Hash
          : undefined;
    const trusted = id === undefined ? undefined : trustedDocuments?.get(id);
    if (trusted !== undefined) return { query: trusted };
    // with TRUSTED_DOCUMENTS_ONLY, anything else is refused (full text is taken only if it is in the manifest)
    if (trustedOnly) {
      if (typeof request.query === 'string' && trustedDocuments?.has(request.query)) return { query: request.query };
      return notTrusted();
    }
    if (typeof request.documentId === 'string')
      return new Refusal(400, [requestError('No trusted document has this documentId.', 'PERSISTED_QUERY_NOT_FOUND')]);
    // an automatic persisted query: this caller's own, registered once its full text was admitted
    if (persisted) {
      const hash = persisted.sha256Hash;
      if (persisted.version !== 1 || typeof hash !== 'string' || !SHA256.test(hash))
        return new Refusal(400, [
          requestError('Unsupported persisted query: version 1 with a sha256Hash is expected.', 'BAD_REQUEST'),
        ]);
      const key = `${caller.key}\u0000${hash}`;
      if (typeof request.query === 'string') {
        if (sha256(request.query) !== hash)
          return new Refusal(400, [requestError('The sha256Hash does not match the query.', 'BAD_REQUEST')]);
        const query = request.query;
        return { query, register: () => void this.persisted.set(key, query) };
      }
      const query = this.persisted.get(key);
      if (query === undefined)
        // 200, as Apollo Client's persisted-query link expects: it then sends the full text
        return new Refusal(200, [requestError('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND')], {
          'cache-control': 'private, no-cache, must-revalidate',
        });
      return { query };
    }
    // plain text
    if (typeof request.query !== 'string' || request.query.trim() === '')
      return new Refusal(400, [
        requestError(
          'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
          'BAD_REQUEST',
        ),
      ]);
    return { query: request.query };
  }

  /** Steps 3 and 4: the document limits, then graphql-js validation; remembered per text. */
  private check(query: string): CheckedDocument {
    const known = this.checked.get(query);
    if (known) return known;
    let result: CheckedDocument;
    try {
      const document = checkDocument(query, this.options.document);
      const errors = validate(this.options.schema, document, this.rules);
      if (errors.length)
        result = {
          refusal: new Refusal(
            400,
            errors.map((e) => {
              let message = redactInputValues(e.message);
              if (this.options.hideSuggestions) message = message.replace(/ ?Did you mean(.+?)\?$/, '');
              return requestError(message, 'GRAPHQL_VALIDATION_FAILED');
            }),
          ),
        };
      else result = { document, hash: sha256(query) };
    } catch (error) {
      if (error instanceof QueryTooLargeError) result = { refusal: new Refusal(400, [error]) };
      else if (error instanceof GraphQLError)
        result = {
          refusal: new Refusal(400, [requestError(redactInputValues(error.message), 'GRAPHQL_PARSE_FAILED')]),
        };
      else throw error;
    }
    this.checked.set(query, result);
    return result;
  }

  /**
   * Apollo Router's callback protocol makes this server post to the URL the request names: kept
   * only for a subscription, and only when the URL is inside the allow-list.
   */
  private callbackOf(
    request: GraphQLRequestFields,
    operation: OperationDefinitionNode,
  ): Record<string, unknown> | Refusal | undefined {
    const subscription = (request.extensions as { subscription?: unknown } | undefined)?.subscription;
    if (subscription === undefined || subscription === null) return undefined;
    const s = subscription as { callbackUrl?: unknown; callback_url?: unknown };
    const target = s.callbackUrl ?? s.callback_url;
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION)
      return new Refusal(400, [
        requestError('A subscription callback is only taken with a subscription operation.', 'BAD_REQUEST'),
      ]);
    if (typeof target !== 'string' || !callbackUrlAllowed(target, this.options.callbackUrlPrefixes))
      return new Refusal(400, [
        requestError('This subscription callback URL is not allowed (SUBSCRIPTION_CALLBACK_URLS).', 'BAD_REQUEST'),
      ]);
    return subscription as Record<string, unknown>;
  }
}

/** Variables as sent: an object, a JSON string of one (GET), or nothing. */
function parseVariables(raw: unknown): Record<string, unknown> | Refusal {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return new Refusal(400, [requestError('`variables` is not valid JSON.', 'BAD_REQUEST')]);
    }
  }
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    return new Refusal(400, [requestError('`variables` must be an object.', 'BAD_REQUEST')]);
  return value as Record<string, unknown>;
}
