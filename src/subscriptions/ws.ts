import type { Server } from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  OperationTypeNode,
  validate,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { Access, type Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/verifier';
import { createContext, type Services } from '../context';
import { QueryTooLargeError, UnauthenticatedError } from '../errors';
import { checkDocument, type DocumentLimits } from '../limits/document-limits';
import type { Logger } from '../logger';
import { redactInputValues } from '../redact';

export interface WebSocketOptions {
  schema: GraphQLSchema;
  services: Services;
  verifier: TokenVerifier;
  documentLimits: DocumentLimits;
  logger: Logger;
  /** subscriptions one connection may hold at once */
  maxSubscriptionsPerConnection: number;
  /** what a client may see of an error (the HTTP path's rule) */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

/** What one connection holds, by its socket. */
interface ConnectionState {
  principal: Principal;
  caller: string;
  active: number;
  expiry?: NodeJS.Timeout;
}

/**
 * graphql-ws on /graphql (shared/API.md, "Push: subscriptions"). The bearer token travels in the
 * `connection_init` payload (`{ "Authorization": "Bearer …" }`) and is verified as on HTTP: a
 * missing or bad one closes the socket with 4401 before anything runs, and the socket closes
 * with 4401 when the token expires. Only subscriptions are taken here (queries and mutations go
 * over HTTP, where the cost limits apply); documents pass the same size gate first; each
 * connection holds a bounded number of subscriptions.
 */
export function attachWebSocket(httpServer: Server, options: WebSocketOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_048_576 });
  httpServer.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/graphql') return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const { logger } = options;
  const connections = new WeakMap<WebSocket, ConnectionState>();
  const server = useServer<Record<string, unknown> | undefined>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: 5_000,
      isProd: false, // messages pass through formatError below instead
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = params.Authorization ?? params.authorization;
        try {
          const principal = await options.verifier.authenticate(typeof header === 'string' ? header : undefined);
          const socket = ctx.extra.socket;
          const state: ConnectionState = {
            principal,
            caller: options.verifier.enabled
              ? `sub:${principal.sub}`
              : `ip:${ctx.extra.request.socket.remoteAddress ?? 'unknown'}`,
            active: 0,
          };
          if (principal.expiresAt) {
            state.expiry = setTimeout(
              () => socket.close(CloseCode.Unauthorized, 'The bearer token has expired.'),
              Math.max(0, principal.expiresAt - Date.now()),
            );
            state.expiry.unref();
          }
          connections.set(socket, state);
          return true;
        } catch (error) {
          if (!(error instanceof UnauthenticatedError)) throw error;
          logger.info({ code: error.code, reason: error.message }, 'WebSocket refused: not authenticated');
          ctx.extra.socket.close(CloseCode.Unauthorized, error.message.slice(0, 120));
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const state = connections.get(ctx.extra.socket);
        if (!state) return [new GraphQLError('Not authenticated.', { extensions: { code: 'UNAUTHENTICATED' } })];
        let document;
        try {
          document = checkDocument(payload.query, payload.variables ?? undefined, options.documentLimits);
        } catch (error) {
          if (error instanceof QueryTooLargeError) return [error];
          return [
            new GraphQLError(error instanceof GraphQLError ? error.message : 'The document does not parse.', {
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            }),
          ];
        }
        const errors = validate(options.schema, document);
        if (errors.length)
          return errors.map(
            (e) =>
              new GraphQLError(redactInputValues(e.message), {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
          );
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION)
          return [
            new GraphQLError(
              'Only subscriptions are served over the WebSocket; send queries and mutations over HTTP.',
              {
                extensions: { code: 'BAD_REQUEST' },
              },
            ),
          ];
        if (state.active >= options.maxSubscriptionsPerConnection)
          return [
            new GraphQLError(
              `A connection may hold at most ${options.maxSubscriptionsPerConnection} subscriptions at once.`,
              { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } },
            ),
          ];
        state.active++;
        return {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: createContext(options.services, new Access(state.principal), undefined, state.caller),
        } satisfies ExecutionArgs;
      },
      // the same rule as HTTP: our errors as they are, anything unexpected as an internal error
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length
          ? { ...result, errors: result.errors.map((e) => options.formatError(e.toJSON(), e.originalError ?? e)) }
          : undefined,
      onComplete: (ctx) => {
        const state = connections.get(ctx.extra.socket);
        if (state) state.active = Math.max(0, state.active - 1);
      },
      onClose: (ctx) => {
        clearTimeout(connections.get(ctx.extra.socket)?.expiry);
      },
    },
    wss,
  );
  return {
    async close() {
      // clients are told the server is going away (1001) and reconnect elsewhere
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await server.dispose();
    },
  };
}
