import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { request } from 'undici';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/harness';

const QUERY = JSON.stringify({
  query: '{ fbaOutboundOrder(sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }',
});

async function call(app: TestApp, token: string, origin?: string) {
  const res = await request(app.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(origin ? { origin } : {}),
    },
    body: QUERY,
  });
  const body = (await res.body.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> };
  return { status: res.statusCode, body, allowOrigin: res.headers['access-control-allow-origin'] };
}

const claims = { sellers: ['A1MQMW3JWPNCBX'], stores: [], scope: 'fulfillment:read' };
const sign = (key: KeyLike, alg: string, kid?: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setSubject('idp-user')
    .setExpirationTime('5m')
    .sign(key);

describe('tokens from a real identity provider', () => {
  it('verifies RS256 tokens against a remote JWKS, and refuses a key the set does not hold', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const stranger = await generateKeyPair('RS256');
    let fetches = 0;
    const jwks: Server = createServer((_req, res) => {
      fetches++;
      void exportJWK(publicKey).then((jwk) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [{ ...jwk, kid: 'k1', alg: 'RS256', use: 'sig' }] }));
      });
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const app = await startTestApp({
      env: {
        AUTH_MODE: 'jwt',
        AUTH_JWT_SECRET: '',
        AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`,
      },
    });
    try {
      expect((await call(app, await sign(privateKey, 'RS256', 'k1'))).status).toBe(200);
      expect((await call(app, await sign(privateKey, 'RS256', 'k1'))).status).toBe(200);
      expect(fetches).toBe(1); // the key set is cached
      const refused = await call(app, await sign(stranger.privateKey, 'RS256', 'k1'));
      expect(refused.status).toBe(401);
      // an HS256 token signed with the public key's bytes (algorithm confusion) is refused too
      const confused = await call(
        app,
        await new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
          .setSubject('x')
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(await exportSPKI(publicKey))),
      );
      expect(confused.status).toBe(401);
    } finally {
      await app.close();
      jwks.close();
    }
  });

  it('verifies ES256 tokens against a PEM public key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const app = await startTestApp({
      env: { AUTH_MODE: 'jwt', AUTH_JWT_SECRET: '', AUTH_JWT_PUBLIC_KEY: await exportSPKI(publicKey) },
    });
    try {
      const ok = await call(app, await sign(privateKey, 'ES256'));
      expect(ok).toMatchObject({ status: 200, body: { data: { fbaOutboundOrder: { status: 'RECEIVED' } } } });
    } finally {
      await app.close();
    }
  });
});

describe('npm run token', () => {
  it('prints a token the server accepts, with the sellers, stores and scope asked for', async () => {
    const app = await startTestApp({ env: { AUTH_MODE: 'jwt' } });
    try {
      const token = execFileSync(
        process.execPath,
        [
          join(__dirname, '..', '..', 'dist', 'src', 'auth', 'token-cli.js'),
          '--sellers',
          'A1MQMW3JWPNCBX',
          '--stores',
          '8speed-US',
          '--scope',
          'fulfillment:read',
        ],
        { env: { ...process.env, AUTH_JWT_SECRET: TEST_JWT_SECRET }, encoding: 'utf8' },
      ).trim();
      expect((await call(app, token)).status).toBe(200);
      const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
      expect(payload).toMatchObject({ sellers: ['A1MQMW3JWPNCBX'], stores: ['8speed-US'], scope: 'fulfillment:read' });
      const write = await request(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query:
            'mutation { cancelFbaOutboundOrder(input: { sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: "DEMO-HOLD-1" }) { userErrors { code } } }',
        }),
      });
      expect(
        ((await write.body.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
      ).toBe('FORBIDDEN');
    } finally {
      await app.close();
    }
  });
});

describe('CORS', () => {
  it('reflects only configured origins, never null', async () => {
    const app = await startTestApp({ env: { CORS_ORIGINS: 'https://app.example.com' } });
    try {
      const preflight = async (origin: string) => {
        const res = await request(app.url, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
        await res.body.dump();
        return res.headers['access-control-allow-origin'];
      };
      expect(await preflight('https://app.example.com')).toBe('https://app.example.com');
      expect(await preflight('https://evil.example.com')).toBeUndefined();
      expect(await preflight('null')).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('allows Apollo Sandbox and loopback frontends by default outside production, and never null', async () => {
    const app = await startTestApp();
    try {
      expect((await call(app, 'x', 'https://sandbox.embed.apollographql.com')).allowOrigin).toBe(
        'https://sandbox.embed.apollographql.com',
      );
      expect((await call(app, 'x', 'http://localhost:5173')).allowOrigin).toBe('http://localhost:5173');
      expect((await call(app, 'x', 'http://localhost.evil.com:5173')).allowOrigin).toBeUndefined();
      expect((await call(app, 'x', 'null')).allowOrigin).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
