import { parseArgs } from 'node:util';
import { mintDevToken } from './dev-token';

/**
 * `npm run token -- --sellers A1MQMW3JWPNCBX --stores 8speed-US --scope "fulfillment:read fulfillment:write"`
 * prints an HS256 bearer token signed with AUTH_JWT_SECRET (or AUTH_JWT_SECRET_FILE).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sellers: { type: 'string', default: '' },
      stores: { type: 'string', default: '' },
      scope: { type: 'string', default: 'fulfillment:read fulfillment:write' },
      sub: { type: 'string', default: 'developer' },
      ttl: { type: 'string', default: '43200' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'usage: npm run token -- [--sellers A,B|*] [--stores S1,S2|*] [--scope "fulfillment:read fulfillment:write"] [--sub NAME] [--ttl SECONDS]\n',
    );
    return;
  }
  const { readFileSync } = await import('node:fs');
  const file = process.env.AUTH_JWT_SECRET_FILE;
  const secret = file ? readFileSync(file, 'utf8').trim() : process.env.AUTH_JWT_SECRET;
  if (!secret || Buffer.byteLength(secret, 'utf8') < 32) {
    process.stderr.write('Set AUTH_JWT_SECRET (at least 32 bytes), the same secret the server is started with.\n');
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
