import { createSecretKey } from 'node:crypto';
import * as jose from 'jose';
import { TokenVerifier } from '../../src/auth/verifier';

// jose as it is, with its signature check counted
jest.mock('jose', () => {
  const actual = jest.requireActual<typeof jose>('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});
const checks = jose.jwtVerify as jest.MockedFunction<typeof jose.jwtVerify>;

const SECRET = 'a-secret-of-at-least-thirty-two-bytes-for-hs256';
const verifier = (maxLifetimeSeconds?: number) =>
  new TokenVerifier({ mode: 'jwt', reason: 'test', secret: SECRET, maxLifetimeSeconds });
const sign = (exp: number, secret = SECRET) =>
  new jose.SignJWT({ sellers: ['A1MQMW3JWPNCBX'], scope: 'fulfillment:read' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('frontend-user')
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(createSecretKey(Buffer.from(secret, 'utf8')));
const nowSeconds = () => Math.floor(Date.now() / 1000);

beforeEach(() => checks.mockClear());

describe('verified tokens', () => {
  it('checks a token once while it is valid, and on every request again once its exp has passed', async () => {
    const auth = verifier();
    const exp = nowSeconds() + 2;
    const header = `Bearer ${await sign(exp)}`;
    const first = await auth.authenticate(header);
    expect(await auth.authenticate(header)).toBe(first);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(first).toMatchObject({ sub: 'frontend-user', expiresAt: exp * 1000 });

    // past exp, within jose's 5 s of clock tolerance: accepted, but checked every time
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
    await auth.authenticate(header);
    await auth.authenticate(header);
    expect(checks).toHaveBeenCalledTimes(3);
  });

  it('never remembers a refused token: a forged signature or a token living too long is refused every time', async () => {
    const auth = verifier(3600);
    const forged = `Bearer ${await sign(nowSeconds() + 600, 'another-secret-of-at-least-thirty-two-bytes')}`;
    const tooLong = `Bearer ${await sign(nowSeconds() + 7200)}`;
    for (let i = 0; i < 2; i++) {
      await expect(auth.authenticate(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      await expect(auth.authenticate(tooLong)).rejects.toThrow(/AUTH_MAX_TOKEN_LIFETIME_S/);
    }
    expect(checks).toHaveBeenCalledTimes(4);
  });

  it('tells tokens apart: a second caller’s token is checked, and each gets its own principal', async () => {
    const auth = verifier();
    const a = `Bearer ${await sign(nowSeconds() + 600)}`;
    const b = `Bearer ${await sign(nowSeconds() + 601)}`;
    const [pa, pb] = [await auth.authenticate(a), await auth.authenticate(b)];
    expect(pa).not.toBe(pb);
    expect(pb.expiresAt).toBe(pa.expiresAt! + 1000);
    await auth.authenticate(a);
    await auth.authenticate(b);
    expect(checks).toHaveBeenCalledTimes(2);
  });
});
