import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { refuse } from './respond';

/** Where the page's assets are asked for: beside the endpoint, so that a proxy routing /graphql routes them too. */
export const IDE_ASSET_PREFIX = '/graphql/ide/';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  body: Buffer;
  gzipped: Buffer;
  type: string;
  etag: string;
}

/**
 * GraphiQL as `ide/build.mjs` bundled it into dist/ide: the page on a browser's GET /graphql and
 * its scripts, stylesheet and workers under /graphql/ide/. Read from disk at the first request
 * (a gateway whose IDE nobody opens holds none of it), compressed once, revalidated by ETag.
 */
export class IdeAssets {
  private assets?: Map<string, Asset>;
  private page?: Asset;

  constructor(
    /** whether the page should prepare the headers editor for a bearer token */
    private readonly authRequired: boolean,
    private readonly directory = builtIdeDirectory(),
  ) {}

  /** Answers a browser's GET /graphql with the IDE's page. */
  servePage(req: IncomingMessage, res: ServerResponse): void {
    if (!this.load()) return this.notBuilt(res);
    send(req, res, this.page!, { 'content-security-policy': CONTENT_SECURITY_POLICY });
  }

  /** Answers GET /graphql/ide/<file>: one of the built files, nothing else (no paths, no listing). */
  serveAsset(req: IncomingMessage, res: ServerResponse, name: string): void {
    if (!this.load()) return this.notBuilt(res);
    const asset = this.assets!.get(name);
    if (!asset) return refuse(res, 404, 'Not found', { code: 'NOT_FOUND' });
    send(req, res, asset);
  }

  private load(): boolean {
    if (this.assets) return true;
    const page = join(this.directory, 'index.html');
    if (!existsSync(page)) return false;
    const assets = new Map<string, Asset>();
    for (const name of readdirSync(this.directory)) {
      const type = TYPES[name.slice(name.lastIndexOf('.'))];
      if (type) assets.set(name, asset(readFileSync(join(this.directory, name)), type));
    }
    const html = readFileSync(page, 'utf8').replaceAll('{{auth}}', this.authRequired ? 'jwt' : 'off');
    this.page = asset(Buffer.from(html), 'text/html; charset=utf-8');
    this.assets = assets;
    return true;
  }

  private notBuilt(res: ServerResponse): void {
    refuse(res, 503, 'The IDE is not built: run `npm run build` (it bundles GraphiQL into dist/ide).', {
      code: 'IDE_NOT_BUILT',
    });
  }
}

/**
 * The page runs only its own scripts and workers and talks only to its own origin (HTTP and
 * WebSocket): nothing from a CDN, no fonts from elsewhere. Monaco needs inline styles and blob
 * workers; the Apollo Sandbox link is a plain navigation, which this does not restrict.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
].join('; ');

function asset(body: Buffer, type: string): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, gzipped: gzipSync(body), type, etag };
}

function send(req: IncomingMessage, res: ServerResponse, asset: Asset, extra: Record<string, string> = {}): void {
  const headers: Record<string, string> = {
    'content-type': asset.type,
    etag: asset.etag,
    // a new build changes the ETag: the browser asks each time, and gets 304 while nothing changed
    'cache-control': 'no-cache',
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    ...extra,
  };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = gzip ? asset.gzipped : asset.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** dist/ide under the project's root (the nearest directory up with a package.json), from src/ and dist/src/ alike. */
function builtIdeDirectory(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'ide');
}

/** Whether a GET of /graphql comes from a browser navigating to it (it asks for HTML), not from a GraphQL client. */
export function wantsPage(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}
