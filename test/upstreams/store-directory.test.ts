import { operationScope } from '../../src/platform/operation-scope';
import { StoreDirectory } from '../../src/upstreams/lingxing/store-directory';
import { parseStore, type ErpStoreRecord } from '../../src/upstreams/lingxing/stores';
import { FakeClock } from '../support/fake-clock';
import { capturedLogger } from '../support/logs';

const store = (name: string): ErpStoreRecord =>
  parseStore({
    sid: 1,
    name,
    seller_id: 'A1MQMW3JWPNCBX',
    region: 'NA',
    country: '美国',
    marketplace_id: 'ATVPDKIKX0DER',
    status: 1,
  })!;

/** An ERP store list that answers what it is told, when it is told, and counts the calls. */
function erp(lists: Array<ErpStoreRecord[] | Error>) {
  const calls: Array<{ resolve: () => void }> = [];
  return {
    calls,
    list: () =>
      new Promise<ErpStoreRecord[]>((resolve, reject) => {
        const answer = lists[Math.min(calls.length, lists.length - 1)];
        calls.push({ resolve: () => (answer instanceof Error ? reject(answer) : resolve(answer)) });
      }),
  };
}

const settle = async (source: ReturnType<typeof erp>) => {
  await new Promise((r) => setImmediate(r));
  for (const c of source.calls) c.resolve();
};

describe('the ERP store directory', () => {
  const clock = new FakeClock();
  const { logger } = capturedLogger();

  it('asks again for a name it does not hold, at most once a minute (a store added a moment ago)', async () => {
    const source = erp([[store('8speed-US')], [store('8speed-US'), store('8speed-NEW')]]);
    const directory = new StoreDirectory({ stores: source, clock, logger, refreshMs: 300_000 });
    const first = directory.byName('8speed-US');
    await settle(source);
    expect((await first)?.name).toBe('8speed-US');
    // the list is fresh: an unknown name is unknown, with no second call
    expect(await directory.byName('8speed-NEW')).toBeNull();
    expect(source.calls).toHaveLength(1);
    clock.advance(61_000);
    const again = directory.byName('8speed-NEW');
    await settle(source);
    expect((await again)?.name).toBe('8speed-NEW');
    expect(source.calls).toHaveLength(2);
  });

  it('fails a read when the first fetch fails (there is no list to fall back on)', async () => {
    const source = erp([new Error('ERP down')]);
    const directory = new StoreDirectory({ stores: source, clock, logger, refreshMs: 300_000 });
    const read = directory.list();
    await settle(source);
    await expect(read).rejects.toThrow('ERP down');
  });

  it('lets a reader whose operation ends stop waiting, while the fetch goes on for the others', async () => {
    const source = erp([[store('8speed-US')]]);
    const directory = new StoreDirectory({ stores: source, clock, logger, refreshMs: 300_000 });
    const controller = new AbortController();
    const leaving = operationScope.run({ signal: controller.signal, upstreamCalls: 0 }, () => directory.list());
    const staying = operationScope.run({ signal: new AbortController().signal, upstreamCalls: 0 }, () =>
      directory.list(),
    );
    controller.abort(new Error('client gone'));
    await expect(leaving).rejects.toThrow('client gone');
    await settle(source);
    expect((await staying).map((s) => s.name)).toEqual(['8speed-US']);
    expect(source.calls).toHaveLength(1);
  });

  it('charges the one ERP call to the operation that started it', async () => {
    const source = erp([[store('8speed-US')]]);
    const directory = new StoreDirectory({ stores: source, clock, logger, refreshMs: 300_000 });
    const starter = { signal: new AbortController().signal, upstreamCalls: 0 };
    const sharer = { signal: new AbortController().signal, upstreamCalls: 0 };
    const reads = [
      operationScope.run(starter, () => directory.list()),
      operationScope.run(sharer, () => directory.list()),
    ];
    await settle(source);
    await Promise.all(reads);
    expect([starter.upstreamCalls, sharer.upstreamCalls]).toEqual([1, 0]);
  });
});

describe("the ERP's store entries", () => {
  it('keeps an unknown status as UNKNOWN with its raw value, ids beyond 2^53 as digits, and a country the name table lacks from the marketplace', () => {
    expect(
      parseStore({
        sid: '9007199254740993',
        name: '8speed-UK',
        seller_id: 'A3EUSANDBOX01',
        region: 'eu',
        country: '大不列颠',
        marketplace_id: 'A1F83G8C2ARO7P',
        status: 7,
      }),
    ).toEqual({
      storeId: '9007199254740993',
      name: '8speed-UK',
      sellerId: 'A3EUSANDBOX01',
      region: 'EU',
      countryCode: 'GB',
      countryName: '大不列颠',
      marketplaceId: 'A1F83G8C2ARO7P',
      state: 'UNKNOWN',
      stateRaw: '7',
    });
  });

  it('leaves out an entry with no name or no seller id (nothing could be done for it)', () => {
    expect(parseStore({ sid: 1, seller_id: 'A1MQMW3JWPNCBX', status: 1 })).toBeNull();
    expect(parseStore({ sid: 1, name: 'x', status: 1 })).toBeNull();
  });
});
