import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isClientSafe } from '../errors';
import type { Context } from '../graphql/context';
import { BoundedLabels } from '../platform/bounded-labels';
import type { Logger } from '../platform/logger';
import type { Metrics } from '../platform/metrics';
import { operationScope } from '../platform/operation-scope';
import { redactInputValues } from '../platform/redact';

/** Apollo's own codes for a malformed request; their messages are safe to pass on. */
const REQUEST_ERROR_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

const isRequestError = (code: unknown): boolean => typeof code === 'string' && REQUEST_ERROR_CODES.has(code);

/**
 * What a client sees of an error: ours and Apollo's request errors as they are (never with a
 * stack trace), anything else as a bare INTERNAL_SERVER_ERROR. The original is logged server-side.
 */
export function formatClientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isClientSafe(unwrapResolverError(error))) return formatted;
  // graphql-js quotes the offending input value in these messages: keep the path, never the value
  if (isRequestError(formatted.extensions?.code))
    return { ...formatted, message: redactInputValues(formatted.message) };
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

export function observabilityPlugin(metrics: Metrics, logger: Logger): ApolloServerPlugin<Context> {
  const names = new BoundedLabels();
  // the access line's fields are the gateway's own numbers and bounded names, never input or
  // upstream data, so it skips the redaction walk every other line pays (the hottest log call)
  const accessLog = logger.child({}, { redact: [] });
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = (error.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
            // a client's mistake (parse, validation, bad variables) is news, not a fault: info, no stack, no values
            if (isRequestError(code)) {
              contextValue.logger.info({ operationName, code }, redactInputValues(error.message));
              continue;
            }
            const safe = isClientSafe(original);
            contextValue.logger[safe ? 'warn' : 'error'](
              { operationName, path: error.path, code, err: safe ? undefined : original },
              safe ? error.message : 'unexpected error while resolving',
            );
          }
        },
        async willSendResponse({ operation, operationName, errors, contextValue }) {
          const seconds = (performance.now() - started) / 1000;
          const outcome = errors?.length ? 'error' : 'ok';
          metrics.graphqlDuration.observe(
            { operation_name: names.label(operationName), operation_type: operation?.operation ?? 'unknown', outcome },
            seconds,
          );
          // the access log: one line per operation
          accessLog.info(
            {
              requestId: contextValue.requestId,
              caller: contextValue.caller,
              operationName: operationName?.slice(0, 100) ?? null,
              operationType: operation?.operation ?? null,
              ms: Math.round(seconds * 1000),
              cost: contextValue.cost ?? 0,
              upstreamCalls: operationScope.getStore()?.upstreamCalls ?? 0,
              upstreamRequestIds: operationScope.getStore()?.upstreamRequestIds,
              outcome,
              errorCodes: errors?.length
                ? [...new Set(errors.map((e) => (e.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR'))]
                : undefined,
            },
            'operation',
          );
        },
      };
    },
  };
}
