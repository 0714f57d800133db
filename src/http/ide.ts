import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
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
  /** the build's gzip of it (ide/build.mjs), when it made one */
  gzipped?: Buffer;
  type: string;
  etag: string;
}

interface Loaded {
  page: Asset;
  assets: Map<string, Asset>;
}

/**
 * GraphiQL as `ide/build.mjs` bundled it into dist/ide: the page on a browser's GET /graphql and
 * its scripts, stylesheet and workers under /graphql/ide/. Read from disk (without blocking) at the
 * first request: a gateway whose IDE nobody opens holds none of it. Served gzipped as the build
 * compressed it, revalidated by ETag.
 */
export class IdeAssets {
  private loading?: Promise<Loaded | null>;

  constructor(
    /** whether the page should prepare the headers editor for a bearer token */
    private readonly authRequired: boolean,
    private readonly directory = builtIdeDirectory(),
  ) {}

  /** Answers a browser's GET /graphql with the IDE's page. */
  async servePage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const loaded = await this.load();
    if (!loaded) return notBuilt(res);
    send(req, res, loaded.page, { 'content-security-policy': CONTENT_SECURITY_POLICY });
  }

  /** Answers GET /graphql/ide/<file>: one of the built files, nothing else (no paths, no listing). */
  async serveAsset(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const loaded = await this.load();
    if (!loaded) return notBuilt(res);
    const asset = loaded.assets.get(name);
    if (!asset) return refuse(res, 404, 'Not found', { code: 'NOT_FOUND' });
    send(req, res, asset);
  }

  private load(): Promise<Loaded | null> {
    this.loading ??= this.read().then((loaded) => {
      if (!loaded) this.loading = undefined; // not built yet: look again next time
      return loaded;
    });
    return this.loading;
  }

  private async read(): Promise<Loaded | null> {
    if (!existsSync(join(this.directory, 'index.html'))) return null;
    const names = await readdir(this.directory);
    const assets = new Map<string, Asset>();
    for (const name of names) {
      const type = TYPES[name.slice(name.lastIndexOf('.'))];
      if (!type) continue;
      const body = await readFile(join(this.directory, name));
      const gzipped = names.includes(`${name}.gz`) ? await readFile(join(this.directory, `${name}.gz`)) : undefined;
      assets.set(name, asset(body, type, gzipped));
    }
    const html = (await readFile(join(this.directory, 'index.html'), 'utf8')).replaceAll(
      '{{auth}}',
      this.authRequired ? 'jwt' : 'off',
    );
    // the page is small: compressed here, once
    const page = Buffer.from(html);
    return { page: asset(page, 'text/html; charset=utf-8', gzipSync(page)), assets };
  }
}

function notBuilt(res: ServerResponse): void {
  refuse(res, 503, 'The IDE is not built: run `npm run build` (it bundles GraphiQL into dist/ide).', {
    code: 'IDE_NOT_BUILT',
  });
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

function asset(body: Buffer, type: string, gzipped?: Buffer): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, gzipped, type, etag };
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
  const gzipped = asset.gzipped && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? asset.gzipped : undefined;
  const body = gzipped ?? asset.body;
  if (gzipped) headers['content-encoding'] = 'gzip';
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
