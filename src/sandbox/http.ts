import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What both upstream doubles share: a loopback HTTP server, started and closed on demand. */
export abstract class SandboxServer {
  private server?: Server;

  protected constructor(private readonly listenOn: { port?: number; host?: string }) {}

  /** Handles one request; a rejection becomes `internalError`. */
  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  /** Answers a request whose handling threw, as the real upstream answers an internal failure. */
  protected abstract internalError(res: ServerResponse): void;

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('sandbox not started');
    return `http://${address.address}:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => this.internalError(res));
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.listenOn.port ?? 0, this.listenOn.host ?? '127.0.0.1', resolve);
    });
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }
}

/** How many recorded requests a double keeps: the newest, so a long-running sandbox stays bounded. */
export const RECORD_LIMIT = 20_000;

/** Appends to a record list, dropping the oldest entries past RECORD_LIMIT. */
export function keepRecord<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECORD_LIMIT) list.splice(0, list.length - RECORD_LIMIT);
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

export async function readBody(req: IncomingMessage, limit = 1 << 20): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
