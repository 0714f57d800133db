import { GraphQLError } from 'graphql';
import type { CodedError } from '../errors';

/**
 * The GraphQL error for one of the service's own errors, for the places that answer outside
 * execution (the admission gate's refusals, the WebSocket server's `onSubscribe`). Inside
 * execution graphql-js does the same itself: it keeps a thrown error as `originalError` and copies
 * its `extensions`.
 */
export function toGraphQLError(error: CodedError | GraphQLError): GraphQLError {
  if (error instanceof GraphQLError) return error;
  return new GraphQLError(error.message, { path: error.path, extensions: error.extensions, originalError: error });
}
