import type { Clock } from '../../src/platform/clock';
import { FULL_BUCKET_GRACE_MS, TokenBucket } from '../../src/pacing/token-bucket';

/**
 * Pacing never slower than the plan, and never a 429. The bucket is driven through a
 * discrete-event simulation on a virtual clock (so the property holds on a loaded machine: no
 * wall-clock time is measured), against a model of Amazon's usage-plan bucket: `rate` tokens per
 * second up to `burst`, full at the start, a request that finds less than one token is a 429.
 * Requests reach Amazon `up` ms after they leave and are answered `down` ms after that, when the
 * client reports the answer (`Grant.settled`), as the SP-API client does.
 */
class SimClock implements Clock {
  private t = 0;
  private seq = 0;
  private readonly timers: Array<{ at: number; seq: number; resolve: () => void }> = [];

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve }));
  }

  /** Runs the simulation until `done` settles: microtasks first, then the next timer. */
  async run(done: Promise<unknown>): Promise<void> {
    let finished = false;
    void done.finally(() => (finished = true));
    for (;;) {
      await new Promise((r) => setImmediate(r));
      if (finished) return;
      if (!this.timers.length) throw new Error('the simulation is stuck');
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.t = next.at;
      next.resolve();
    }
  }
}

/** Amazon's bucket: continuous refill at `rate` up to `burst`, full at the start. */
class AmazonBucket {
  private tokens: number;
  private at = 0;
  throttled = 0;
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  arrive(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
    if (this.tokens >= 1 - 1e-9) this.tokens -= 1;
    else this.throttled++;
  }
}

interface Run {
  rate: number;
  burst: number;
  /** requests in all */
  n: number;
  /** at most this many in flight (a closed loop of clients); n for one burst of everything at once */
  clients: number;
  up: number;
  down: number;
}

async function simulate(run: Run): Promise<{ throttled: number; elapsed: number }> {
  const clock = new SimClock();
  const bucket = new TokenBucket(run.rate, run.burst, clock, 0.05);
  const amazon = new AmazonBucket(run.rate, run.burst);
  let next = 0;
  let last = 0;
  const client = async () => {
    while (next < run.n) {
      next++;
      const grant = await bucket.take();
      await clock.sleep(run.up);
      amazon.arrive(clock.now());
      await clock.sleep(run.down);
      last = clock.now();
      grant.settled();
    }
  };
  await clock.run(Promise.all(Array.from({ length: run.clients }, client)));
  return { throttled: amazon.throttled, elapsed: last };
}

/**
 * The least time `n` requests can take: the plan's bound (the burst at once, then one per token
 * after Amazon's refill starts, when the first request arrives), or the clients' own round trips.
 */
function bound(run: Run): number {
  const plan = (Math.max(0, run.n - run.burst) / run.rate) * 1000;
  const loop = Math.ceil(run.n / run.clients) * (run.up + run.down);
  return Math.max(plan, loop);
}

// plans from 0.5/s to 1,000,000/s (Amazon's real plans: 0.5/30, 2/30, 5/30, 30/30); a bucket wakes
// at most once a millisecond (Node's timers), so a plan's burst holds at least 2 ms of tokens
const PLANS: Array<[rate: number, burst: number]> = [
  [0.5, 30],
  [2, 30],
  [5, 30],
  [30, 30],
  [100, 200],
  [1_000, 1_000],
  [100_000, 2_000],
  [1_000_000, 10_000],
];
const LATENCIES: Array<[up: number, down: number]> = [
  [0, 0],
  [1, 1],
  [20, 80],
  [100, 400],
  [250, 250],
];

describe('pacing against a model of Amazon’s bucket (virtual time)', () => {
  const cases: Run[] = [];
  for (const [rate, burst] of PLANS)
    for (const [up, down] of LATENCIES) {
      // requests enough for the refill to matter, bounded so the simulation stays quick
      const n = Math.min(burst + Math.max(20, Math.ceil(rate * 3)), burst + 400);
      cases.push({ rate, burst, n, clients: n, up, down }); // one burst of everything
      cases.push({ rate, burst, n: Math.min(n + burst, 2_000), clients: 16, up, down }); // 16 clients in a closed loop
    }
  // the model's burst with a fast rate adopted from x-amzn-RateLimit-Limit, as the gateway meets a
  // double that does not limit: the bucket is full again at every take (the issue-20 collapse)
  for (const [up, down] of LATENCIES) cases.push({ rate: 200_000, burst: 30, n: 2_000, clients: 16, up, down });

  it.each(
    cases.map(
      (c) =>
        [
          `${c.rate}/s burst ${c.burst}, ${c.clients === c.n ? 'all at once' : `${c.clients} clients`}, ${c.n} requests, ${c.up}+${c.down} ms`,
          c,
        ] as const,
    ),
  )('%s: no 429, and within 1.1× of the bound', async (_name, run) => {
    const { throttled, elapsed } = await simulate(run);
    expect(throttled).toBe(0);
    // allowance, paid once whatever the run's length: the refill counted from the burst's first
    // answer (the client cannot see its arrival, so it assumes the latest: one round trip), the
    // burst's grace, the last request's round trip, and a timer's millisecond
    const allowance = 2 * (run.up + run.down) + Math.min(FULL_BUCKET_GRACE_MS, 1000 / run.rate) + 2;
    expect(elapsed).toBeLessThanOrEqual(1.1 * bound(run) + allowance);
  });
});
