import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { Agent, request } from 'undici';
import { startApp, type RunningApp } from '../src/app';
import { loadConfig } from '../src/config';
import { LINGXING_ENDPOINTS } from '../src/datasources/lingxing/endpoints';
import { JsonInt, canonicalJson } from '../src/datasources/lingxing/json';
import { sign } from '../src/datasources/lingxing/sign';
import { createLogger } from '../src/logger';
import type { LingxingSandboxOptions } from '../src/sandbox/lingxing/server';
import { DEMO_SELLER_ID, SANDBOX_ERP_APP } from '../src/sandbox/lingxing/fixtures';

/**
 * `npm run bench`: the gateway against its embedded ERP sandbox, all on loopback. Prints one
 * markdown table. Figures are medians of repeated runs; the machine is shared, so compare ratios.
 */
const RESULTS = LINGXING_ENDPOINTS.getFulfillmentResult.path;
const SUBMIT = LINGXING_ENDPOINTS.submitFulfillment.path;
const rows: Array<[string, string, string]> = [];
const agent = new Agent({ connections: 64 });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function withApp<T>(sandbox: LingxingSandboxOptions, fn: (app: RunningApp) => Promise<T>): Promise<T> {
  const app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), { logger: createLogger({ level: 'silent' }), lingxingSandbox: { seed: true, ...sandbox } });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

async function gql(url: string, query: string, variables?: unknown): Promise<{ errors?: unknown[]; data?: unknown }> {
  const res = await request(url, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.body.json()) as { errors?: unknown[]; data?: unknown };
}

const TASKS_QUERY = 'query($ids: [ID!]!) { fulfillmentTasks(sellerId: "A1MQMW3JWPNCBX", taskIds: $ids) { taskId status } }';
const submitMutation = `mutation($input: SubmitFulfillmentInput!) { submitFulfillment(input: $input) { task { taskId } userErrors { code } } }`;
const submitInput = (i: number) => ({
  region: 'NA', sellerId: DEMO_SELLER_ID, marketplaceId: 'ATVPDKIKX0DER',
  shipments: [{ messageId: String(i + 1), amazonOrderId: '113-1234567-1234567', trackingNumber: `1Z${i}`, carrierCode: 'UPS', carrierName: 'UPS', items: [{ orderItemId: '1', quantity: 1 }] }],
});

async function upstreamCallsPerIds(): Promise<void> {
  await withApp({ latencyMs: 0 }, async (app) => {
    for (const n of [1, 10, 25, 80]) {
      const distinct = Array.from({ length: n }, (_, i) => String(1003000 + i));
      const ids = [...distinct, ...distinct.slice(0, Math.ceil(n / 5))]; // 20% repeated
      app.sandboxes.lingxing!.resetStats();
      const res = await gql(app.url, TASKS_QUERY, { ids });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      const calls = app.sandboxes.lingxing!.businessRequests(RESULTS).length;
      rows.push([`upstream calls for ${ids.length} task ids (${n} distinct)`, String(calls), `bound ⌈${n}/10⌉ = ${Math.ceil(n / 10)}; one call per id would be ${ids.length}`]);
    }
  });
}

async function addedLatency(): Promise<void> {
  await withApp({ latencyMs: 0 }, async (app) => {
    const erp = app.sandboxes.lingxing!;
    const token = await app.lingxing.tokens.get();
    const direct = async () => {
      const body = { seller_id: DEMO_SELLER_ID, task_id: [new JsonInt('1003085')] };
      const timestamp = Math.floor(Date.now() / 1000);
      const q = new URLSearchParams({ access_token: token, app_key: SANDBOX_ERP_APP.appId, timestamp: String(timestamp), sign: sign({ appId: SANDBOX_ERP_APP.appId, accessToken: token, timestamp, body }) });
      const res = await request(`${erp.url}${RESULTS}?${q}`, { method: 'POST', dispatcher: agent, body: canonicalJson(body), headers: { 'content-type': 'application/json' } });
      await res.body.json();
    };
    const viaGateway = async () => {
      const res = await gql(app.url, '{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "1003085") { taskId status results { messageId resultCode } } }');
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    };
    const time = async (fn: () => Promise<void>, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await fn();
        out.push(performance.now() - t);
      }
      return out;
    };
    await time(direct, 100);
    await time(viaGateway, 100); // warm-up
    const d: number[] = [];
    const g: number[] = [];
    for (let round = 0; round < 5; round++) {
      d.push(...(await time(direct, 200)));
      g.push(...(await time(viaGateway, 200)));
    }
    rows.push(['direct signed getFulfillmentResult call, p50 / p99', `${ms(percentile(d, 50))} / ${ms(percentile(d, 99))}`, `${d.length} sequential calls, sandbox latency 0`]);
    rows.push(['fulfillmentTask through the gateway, p50 / p99', `${ms(percentile(g, 50))} / ${ms(percentile(g, 99))}`, `added: ${ms(percentile(g, 50) - percentile(d, 50))} at p50, ${ms(percentile(g, 99) - percentile(d, 99))} at p99`]);
  });
}

async function throughput(): Promise<void> {
  await withApp({ latencyMs: 0 }, async (app) => {
    const ids = Array.from({ length: 10 }, (_, i) => String(1003080 + i));
    const runFor = async (seconds: number, concurrency: number) => {
      let done = 0;
      const until = performance.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < until) {
            const res = await gql(app.url, TASKS_QUERY, { ids });
            if (res.errors) throw new Error(JSON.stringify(res.errors));
            done++;
          }
        }),
      );
      return done / seconds;
    };
    await runFor(1, 16); // warm-up
    const rates: number[] = [];
    for (let i = 0; i < 3; i++) rates.push(await runFor(3, 16));
    rows.push(['fulfillmentTasks throughput (10 ids per operation)', `${median(rates).toFixed(0)} operations/s`, `median of 3 × 3 s, 16 concurrent clients, one upstream call per operation`]);
  });
}

async function capacityBound(): Promise<void> {
  const times: number[] = [];
  let peak = 0;
  let throttled = 0;
  for (let round = 0; round < 5; round++) {
    await withApp({ latencyMs: { [SUBMIT]: 50, [RESULTS]: 0 } }, async (app) => {
      await app.lingxing.tokens.get();
      const t = performance.now();
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => gql(app.url, submitMutation, { input: submitInput(i) })));
      times.push(performance.now() - t);
      if (results.some((r) => r.errors)) throw new Error('a submission failed');
      const erp = app.sandboxes.lingxing!;
      peak = Math.max(peak, ...[...erp.maxInFlight.entries()].filter(([k]) => k.endsWith(SUBMIT)).map(([, v]) => v));
      throttled += erp.businessRequests(SUBMIT).filter((r) => r.code === '3001008').length;
    });
  }
  const m = median(times);
  rows.push(['200 submissions, capacity 10, 50 ms upstream latency', `${(m / 1000).toFixed(2)} s`, `bound 200/10 × 50 ms = 1.00 s; ratio ${(m / 1000).toFixed(2)}×; peak in flight ${peak}; 3001008 answers ${throttled}; median of 5`]);
}

async function main(): Promise<void> {
  await upstreamCallsPerIds();
  await addedLatency();
  await throughput();
  await capacityBound();
  const cpu = cpus();
  process.stdout.write(`\nMachine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n\n`);
  process.stdout.write('| measure | result | notes |\n|---|---|---|\n');
  for (const [a, b, c] of rows) process.stdout.write(`| ${a} | ${b} | ${c} |\n`);
  await agent.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
