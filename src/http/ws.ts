import type { Server } from 'node:http';
import { type GraphQLError, type ExecutionArgs, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { type Admission, Refusal, type Caller, type GraphQLRequestFields } from '../admission/admission';
import { Access } from '../auth/principal';
import { createContext, type Services } from '../graphql/context';
import { ClientClosedError, TooManySubscriptionsError, UnauthenticatedError } from '../errors';
import { toGraphQLError } from '../graphql/errors';
import type { Logger } from '../platform/logger';

export interface WebSocketOptions {
  schema: GraphQLSchema;
  services: Services;
  /** the one gate every way in passes */
  admission: Admission;
  logger: Logger;
  /** subscriptions one connection may hold at once */
  maxSubscriptionsPerConnection: number;
  /** what a client may see of an error (the HTTP path's rule) */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

/** What one connection holds, by its socket. */
interface ConnectionState {
  caller: Caller;
  active: number;
  /** fires when the socket closes: subscriptions still reading their first state drop that read */
  closed: AbortController;
  expiry?: { cancel(): void };
}

/**
 * graphql-ws on /graphql (docs/api.md). The bearer token travels in the
 * `connection_init` payload (`{ "Authorization": "Bearer …" }`) and is verified as on HTTP: a
 * missing or bad one closes the socket with 4401 before anything runs, and the socket closes
 * with 4401 when the token expires. Each `subscribe` passes the same gate as an HTTP request
 * (limits, validation, cost, the caller's bucket); only subscriptions are taken here; each
 * connection holds a bounded number of subscriptions, and each caller a bounded number in all.
 */
export function attachWebSocket(httpServer: Server, options: WebSocketOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_048_576 });
  httpServer.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/graphql') return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const connections = new WeakMap<WebSocket, ConnectionState>();
  const server = useServer<Record<string, unknown> | undefined>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: 5_000,
      isProd: false, // messages pass through formatError below instead
      onConnect: (ctx) => connect(options, connections, ctx.connectionParams, ctx.extra),
      onSubscribe: (ctx, _id, payload) => subscribe(options, connections.get(ctx.extra.socket), payload),
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
        const state = connections.get(ctx.extra.socket);
        state?.expiry?.cancel();
        state?.closed.abort(new ClientClosedError());
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

/** Node's timers hold at most 2^31 − 1 ms (24.8 days); a later time fires at once. Longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Runs `fn` at `time` (ms since the epoch), however far away; `cancel` stops it. */
export function at(time: number, fn: () => void, now: () => number = Date.now): { cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const wait = time - now();
    if (wait <= 0) return fn();
    timer = setTimeout(wait > MAX_TIMER_MS ? arm : fn, Math.min(wait, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return { cancel: () => clearTimeout(timer) };
}

type Extra = { socket: WebSocket; request: { socket: { remoteAddress?: string } } };

/** `connection_init`: the bearer token in its payload, verified as on HTTP; a socket that fails closes with 4401. */
async function connect(
  { admission, logger }: WebSocketOptions,
  connections: WeakMap<WebSocket, ConnectionState>,
  params: Record<string, unknown> | undefined,
  { socket, request }: Extra,
): Promise<boolean> {
  const header = params?.Authorization ?? params?.authorization;
  const caller = await admission.authenticate(
    typeof header === 'string' ? header : undefined,
    request.socket.remoteAddress,
  );
  if (caller instanceof Refusal) {
    logger.info({ code: caller.code }, 'WebSocket refused: not authenticated');
    socket.close(CloseCode.Unauthorized, (caller.errors[0]?.message ?? '').slice(0, 120));
    return false;
  }
  const state: ConnectionState = { caller, active: 0, closed: new AbortController() };
  // the socket closes with 4401 when the token expires (a timer that survives 24.8 days and more)
  if (caller.principal.expiresAt)
    state.expiry = at(caller.principal.expiresAt, () =>
      socket.close(CloseCode.Unauthorized, 'The bearer token has expired.'),
    );
  connections.set(socket, state);
  return true;
}

/** `subscribe`: within the connection's cap, through the same gate as HTTP; what graphql-ws then executes. */
async function subscribe(
  options: WebSocketOptions,
  state: ConnectionState | undefined,
  payload: GraphQLRequestFields,
): Promise<readonly GraphQLError[] | ExecutionArgs> {
  if (!state) return [toGraphQLError(new UnauthenticatedError('Not authenticated.'))];
  if (state.active >= options.maxSubscriptionsPerConnection)
    return [
      toGraphQLError(
        new TooManySubscriptionsError(
          `A connection may hold at most ${options.maxSubscriptionsPerConnection} subscriptions at once.`,
        ),
      ),
    ];
  state.active++; // before the gate's await: concurrent subscribes count against the cap at once
  const admitted = await options.admission.admit(state.caller, payload, 'websocket');
  if (admitted instanceof Refusal) {
    state.active--;
    options.logger.info({ code: admitted.code }, 'subscription refused');
    return [...admitted.errors];
  }
  return {
    schema: options.schema,
    document: admitted.document,
    operationName: admitted.operationName,
    variableValues: admitted.variables,
    contextValue: createContext(
      options.services,
      new Access(state.caller.principal),
      undefined,
      state.caller.key,
      undefined,
      { ...options.admission.admitted(admitted), signal: state.closed.signal },
    ),
  };
}
