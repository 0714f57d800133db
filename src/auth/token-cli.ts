import { parseArgs } from 'node:util';
import { mintDevToken } from './dev-token';

/**
 * `npm run token -- --sellers A1MQMW3JWPNCBX --stores 8speed-US --scope "fulfillment:read fulfillment:write"`
 * prints an HS256 bearer token signed with AUTH_JWT_SECRET (or AUTH_JWT_SECRET_FILE).
 */
const USAGE = `usage: npm run --silent token -- [options]

Prints an HS256 bearer token for this gateway, signed with AUTH_JWT_SECRET (or the file
AUTH_JWT_SECRET_FILE names): the same secret, at least 32 bytes, the server is started with.
AUTH_ISSUER and AUTH_AUDIENCE, when the server checks them, are put in the token too.

options:
  --sellers A1,A2|*        Amazon merchant ids the token may act for (* for every one)
  --stores S1,S2|*         ERP store names the token may act for (* for every one)
  --scope "a b"            scopes (default "fulfillment:read fulfillment:write")
  --sub NAME               the subject (default "developer")
  --ttl SECONDS            lifetime (default 43200, 12 hours)
  --help                   this text
`;

const OPTIONS = {
  sellers: { type: 'string', default: '' },
  stores: { type: 'string', default: '' },
  scope: { type: 'string', default: 'fulfillment:read fulfillment:write' },
  sub: { type: 'string', default: 'developer' },
  ttl: { type: 'string', default: '43200' },
  help: { type: 'boolean', default: false },
} as const;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(64); // EX_USAGE
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  // the secret the server verifies with, then the token's claims
  const { readFileSync } = await import('node:fs');
  const file = process.env.AUTH_JWT_SECRET_FILE;
  let secret: string | undefined;
  try {
    secret = file ? readFileSync(file, 'utf8').trim() : process.env.AUTH_JWT_SECRET;
  } catch (error) {
    process.stderr.write(
      `AUTH_JWT_SECRET_FILE names a file that cannot be read: ${(error as NodeJS.ErrnoException).code} ${file}\n`,
    );
    process.exit(78);
  }
  if (!secret || Buffer.byteLength(secret, 'utf8') < 32) {
    process.stderr.write(
      'Set AUTH_JWT_SECRET (at least 32 bytes), the same secret the server is started with; --help says more.\n',
    );
    process.exit(78);
  }
  const list = (v: string) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    process.stderr.write('--ttl must be a positive number of seconds\n');
    process.exit(64);
  }
  const token = await mintDevToken(secret, {
    sub: values.sub,
    sellers: list(values.sellers),
    stores: list(values.stores),
    scope: values.scope,
    issuer: process.env.AUTH_ISSUER || undefined,
    audience: process.env.AUTH_AUDIENCE || undefined,
    ttlSeconds,
  });
  process.stdout.write(`${token}\n`);
}

void main();
