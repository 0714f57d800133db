import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What a subscription delivered, and how it ended. */
export interface Received<T> {
  values: T[];
  errors: unknown[];
  /** resolves when the server completes the subscription (or it fails) */
  ended: Promise<void>;
  /** resolves once `n` values have arrived */
  atLeast(n: number): Promise<void>;
}

/** A graphql-ws client over a real WebSocket to the app's /graphql, with the token in connection_init. */
export function wsClient(httpUrl: string, token?: string): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown>): Received<T> {
  const values: T[] = [];
  const errors: unknown[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const ended = new Promise<void>((resolve) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) errors.push(...result.errors);
          if (result.data) values.push(result.data);
          for (const w of waiters.filter((w) => values.length >= w.n)) w.resolve();
        },
        // graphql-ws hands over an array of GraphQL errors, or the CloseEvent that ended the socket
        error: (error) => {
          if (Array.isArray(error)) errors.push(...(error as unknown[]));
          else errors.push(error);
          resolve();
        },
        complete: resolve,
      },
    );
  });
  return {
    values,
    errors,
    ended,
    atLeast: (n) =>
      values.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve })),
  };
}
