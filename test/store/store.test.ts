import { openStore, type Repository } from '../../src/store';
import { MIGRATIONS, migrate } from '../../src/store/migrations';
import { Idempotency, IdempotencyKeyReusedError, OutcomeUnknownError } from '../../src/store/idempotency';
import { UpstreamThrottledError, UpstreamTimeoutError } from '../../src/errors';
import { FakeClock } from '../support/fake-clock';
import { STORE_KINDS, testStoreEnv, type TestStoreEnv } from '../support/stores';

const task = (taskId: string, createdAt: string, status = 'PENDING') => ({
  sellerId: 'A1MQMW3JWPNCBX',
  taskId,
  region: 'NA',
  marketplaceId: 'ATVPDKIKX0DER',
  status,
  failureReason: null,
  feedStatusCode: null,
  shipments: [
    {
      messageId: '103313699178382336',
      amazonOrderId: '113-1234567-1234567',
      trackingNumber: 'T1',
      carrierCode: 'UPS',
      carrierName: 'UPS',
      shippingService: null,
      items: [{ orderItemId: '1', quantity: 1 }],
    },
  ],
  createdAt,
  updatedAt: createdAt,
  finishedAt: null,
  nextPollAt: createdAt,
  pollAttempts: 0,
});

/** an idempotency scope: the mutation and the tenant it acts for (stored as `${operation} ${tenant}`) */
const S = { operation: 's', tenant: 'T' };
const S2 = { operation: 's2', tenant: 'T' };

describe.each(STORE_KINDS)('the %s store', (kind) => {
  let env: TestStoreEnv;
  let repo: Repository;
  beforeEach(async () => {
    env = await testStoreEnv(kind);
    repo = await openStore({ databaseUrl: env.env.DATABASE_URL, dataDir: env.env.DATA_DIR });
  });
  afterEach(async () => {
    await repo.db.close();
    await env.cleanup();
  });

  it('applies each migration once, also when opened again', async () => {
    expect(await migrate(repo.db)).toEqual([]);
    const rows = await repo.db.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('keeps tasks with their shipments and 18-digit message ids, and lists them newest first by keyset', async () => {
    for (let i = 0; i < 5; i++)
      await repo.insertTask(task(String(1003100 + i), `2026-11-22T10:00:0${i}.000Z`, i % 2 ? 'DONE' : 'PENDING'));
    const byId = await repo.tasksByIds('A1MQMW3JWPNCBX', ['1003101', '1003104', '404']);
    expect([...byId.keys()].sort()).toEqual(['1003101', '1003104']);
    expect(byId.get('1003101')!.shipments[0].messageId).toBe('103313699178382336');
    const first = await repo.recentTasks('A1MQMW3JWPNCBX', { limit: 2 });
    expect(first.map((t) => t.taskId)).toEqual(['1003104', '1003103']);
    const next = await repo.recentTasks('A1MQMW3JWPNCBX', {
      limit: 2,
      after: { createdAt: first[1].createdAt, id: first[1].taskId },
    });
    expect(next.map((t) => t.taskId)).toEqual(['1003102', '1003101']);
    expect((await repo.recentTasks('A1MQMW3JWPNCBX', { limit: 10, status: 'DONE' })).map((t) => t.taskId)).toEqual([
      '1003103',
      '1003101',
    ]);
  });

  it('hands out due tasks and stops once a task is finished', async () => {
    await repo.insertTask(task('1', '2026-11-22T10:00:00.000Z'));
    await repo.insertTask(task('2', '2026-11-22T10:00:00.000Z'));
    await repo.updateTaskState('A1MQMW3JWPNCBX', '2', {
      status: 'DONE',
      failureReason: null,
      feedStatusCode: 'Complete',
      finishedAt: '2026-11-22T10:01:00.000Z',
      nextPollAt: null,
      pollAttempts: 1,
      updatedAt: '2026-11-22T10:01:00.000Z',
    });
    expect((await repo.dueTasks('2026-11-22T11:00:00.000Z', 10)).map((t) => t.taskId)).toEqual(['1']);
  });

  it('claims an idempotency key once, replays its result, and refuses it for another input', async () => {
    const idem = new Idempotency(repo, new FakeClock());
    let calls = 0;
    const work = async () => ({ n: ++calls });
    expect(await idem.run(S, 'k1', { a: 1 }, 'report', work)).toEqual({ value: { n: 1 }, replayed: false });
    expect(await idem.run(S, 'k1', { a: 1, idempotencyKey: 'k1' }, 'report', work)).toEqual({
      value: { n: 1 },
      replayed: true,
    });
    await expect(idem.run(S, 'k1', { a: 2 }, 'report', work)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(calls).toBe(1);
  });

  it('runs concurrent twins with one key once', async () => {
    const idem = new Idempotency(repo, new FakeClock());
    let calls = 0;
    const work = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 30));
      return { ok: true };
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => idem.run(S, 'twin', { a: 1 }, 'report', work)));
    expect(calls).toBe(1);
    expect(results.filter((r) => r.replayed)).toHaveLength(4);
  });

  it('waits out the lease of a claim left by a crash, then reconciles or reports it', async () => {
    const clock = new FakeClock();
    const idem = new Idempotency(repo, clock, { leaseMs: 1000, waitMs: 0 });
    await repo.claimKey(
      's T',
      'crashed',
      Idempotency.hash({ a: 1 }),
      new Date(clock.now()).toISOString(),
      new Date(clock.now() + 1000).toISOString(),
    );
    await expect(idem.run(S, 'crashed', { a: 1 }, 'report', async () => ({}))).rejects.toThrow(
      /still being carried out/,
    );
    clock.advance(2000);
    await expect(idem.run(S, 'crashed', { a: 1 }, 'report', async () => ({}))).rejects.toBeInstanceOf(
      OutcomeUnknownError,
    );
  });

  it('releases a key when the upstream provably did nothing, and keeps it pending when the outcome is unknown', async () => {
    const clock = new FakeClock();
    const idem = new Idempotency(repo, clock, { leaseMs: 1000, waitMs: 0 });
    const details = { upstream: 'lingxing', operation: 'submitFulfillment' };
    await expect(
      idem.run(S, 'k2', { a: 1 }, 'report', async () => {
        throw new UpstreamThrottledError('busy', details);
      }),
    ).rejects.toBeInstanceOf(UpstreamThrottledError);
    expect(await repo.getKey('s T', 'k2')).toBeNull();
    await expect(
      idem.run(S, 'k3', { a: 1 }, 'report', async () => {
        throw new UpstreamTimeoutError('late', details);
      }),
    ).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect((await repo.getKey('s T', 'k3'))!.state).toBe('pending');
    await expect(idem.run(S, 'k3', { a: 1 }, 'report', async () => ({ resent: true }))).rejects.toBeInstanceOf(
      OutcomeUnknownError,
    );
    let reconciled = false;
    await expect(
      idem.run(S2, 'k4', { a: 1 }, 'rerun', async () => {
        throw new UpstreamTimeoutError('late', details);
      }),
    ).rejects.toThrow();
    expect(
      await idem.run(
        S2,
        'k4',
        { a: 1 },
        'rerun',
        async ({ reconciling }) => ((reconciled = reconciling), { ok: true }),
      ),
    ).toEqual({ value: { ok: true }, replayed: false });
    expect(reconciled).toBe(true);
  });

  it('purges personal data past the retention period and keeps the rest', async () => {
    const base = {
      storeCountryCode: 'US',
      details: { items: [{ msku: 'M1', quantity: 1 }] },
      erpRequestId: null,
      personalPurgedAt: null,
    };
    await repo.insertMcfOrder({
      ...base,
      storeName: 'S1',
      orderId: 'old',
      personal: { recipient: { name: 'Jack' } },
      createdAt: '2026-10-01T00:00:00.000Z',
    });
    await repo.insertMcfOrder({
      ...base,
      storeName: 'S1',
      orderId: 'new',
      personal: { recipient: { name: 'Jill' } },
      createdAt: '2026-11-21T00:00:00.000Z',
    });
    await repo.claimKey('s', 'old-key', 'h', '2026-10-01T00:00:00.000Z', '2026-10-01T00:02:00.000Z');
    await repo.completeKey('s', 'old-key', { order: { recipient: 'Jack' } }, '2026-10-01T00:00:01.000Z');
    const purged = await repo.purgePersonalData('2026-10-23T00:00:00.000Z', '2026-11-22T00:00:00.000Z');
    expect(purged).toEqual({ mcfOrders: 1, idempotencyKeys: 1 });
    const orders = await repo.mcfOrdersByIds([
      { storeName: 'S1', orderId: 'old' },
      { storeName: 'S1', orderId: 'new' },
    ]);
    expect(orders.get('S1\u0000old')).toMatchObject({
      personal: null,
      personalPurgedAt: '2026-11-22T00:00:00.000Z',
      details: base.details,
    });
    expect(orders.get('S1\u0000new')!.personal).toEqual({ recipient: { name: 'Jill' } });
    expect(await repo.getKey('s', 'old-key')).toBeNull();
  });
});
