import { ConfigError } from '../config';
import type { Logger } from '../platform/logger';

/** A service start-up needs could not be reached in time; names the variable and host:port, never credentials. */
export class UnreachableError extends Error {}

/** Codes of a connection that did not open (or a server not yet taking connections): worth trying again. */
const NOT_YET = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P03',
]);

/** `host:port` of a connection URL, for messages: never its user name or password. */
export function hostPort(url: string, defaultPort: number): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || defaultPort}`;
  } catch {
    return '(a URL that does not parse)';
  }
}

/**
 * Opens a connection start-up needs (the store, Redis), trying again while it cannot be reached,
 * for at most `timeoutMs` (STARTUP_CONNECT_TIMEOUT_MS): a database starting beside the gateway, as
 * in a compose file, is waited for. Then, or at once for any other failure (a wrong password, a
 * missing database), the error names the variable and host:port.
 */
export async function openWithin<T>(
  what: { variable: string; url: string; defaultPort: number; timeoutMs: number; logger: Logger },
  open: () => Promise<T>,
): Promise<T> {
  const where = hostPort(what.url, what.defaultPort);
  const deadline = Date.now() + what.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      const code = (error as { code?: string }).code;
      const reason = code ?? (error as Error).message;
      if (!code || !NOT_YET.has(code))
        throw new ConfigError(`${what.variable}: ${where} refused the connection: ${(error as Error).message}`);
      if (Date.now() >= deadline)
        throw new UnreachableError(
          `${what.variable}: ${where} could not be reached within ${what.timeoutMs} ms (STARTUP_CONNECT_TIMEOUT_MS): ${reason}`,
        );
      if (attempt === 0)
        what.logger.warn(
          { variable: what.variable, where, reason, retryForMs: what.timeoutMs },
          `${what.variable} not reachable yet: trying again`,
        );
      await new Promise((r) => setTimeout(r, Math.min(2_000, 200 * 2 ** attempt, Math.max(0, deadline - Date.now()))));
    }
  }
}
