import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { request } from 'undici';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { subscribe, wsClient, type Received } from '../support/ws-client';

/**
 * The README's first hour and docs/walkthrough.md, as a newcomer runs them: the server started as
 * `npm start` starts it (no token, the embedded sandboxes), every GraphQL block in the order the
 * page gives, as written (only the task id the page asks to copy is filled in), and what the page
 * says each one shows.
 */
jest.setTimeout(120_000);

const root = join(__dirname, '..', '..');

interface Operation {
  name: string;
  kind: OperationDefinitionNode['operation'];
  /** the block's whole text: the IDE sends it with the operation's name */
  document: string;
}

/** Every operation of every ```graphql block of a page, in page order. */
function operationsOf(page: string): Operation[] {
  const text = readFileSync(join(root, page), 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap(([, block]) =>
    parse(block).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? [{ name: d.name!.value, kind: d.operation, document: block }] : [],
    ),
  );
}

type Data = Record<string, any>;

let server: ServerProcess;
let client: ReturnType<typeof wsClient>;

beforeAll(async () => {
  server = await startServerProcess({ DATA_DIR: mkdtempSync(join(tmpdir(), 'fg-quick-start-')) });
  client = wsClient(server.url);
});

afterAll(async () => {
  await client?.dispose();
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
});

async function run(op: Operation, fill: (text: string) => string = (t) => t): Promise<Data> {
  const res = await request(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: fill(op.document), operationName: op.name }),
  });
  const body = (await res.body.json()) as { data?: Data; errors?: unknown[] };
  expect({ operation: op.name, errors: body.errors }).toEqual({ operation: op.name, errors: undefined });
  return body.data!;
}

/** Every `userErrors` list in an answer. */
const userErrorsIn = (data: Data): unknown[] =>
  Object.values(data).flatMap((v) =>
    v && typeof v === 'object' && 'userErrors' in v ? (v.userErrors as unknown[]) : [],
  );

const statuses = (r: Received<Data>, field: string) => r.values.map((v) => v[field].status as string);

describe("the README's quick start, step by step", () => {
  const ops = new Map(operationsOf('README.md').map((op) => [op.name, op]));
  let taskId: string;
  let followTask: Received<Data>;

  it('is ready with the log lines the README shows', () => {
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Data);
    expect(lines.find((l) => l.msg === 'fulfillment graph listening')).toMatchObject({
      url: server.url,
      ide: server.url,
    });
    return expect(
      new Promise((resolve) => {
        const look = () => (server.output().includes('"msg":"ready"') ? resolve(true) : setTimeout(look, 100));
        look();
      }),
    ).resolves.toBe(true);
  });

  it('has the operations the page walks through, in order', () => {
    expect([...ops.keys()]).toEqual([
      'Me',
      'DemoTasks',
      'Confirm',
      'FollowTask',
      'CreateOnHold',
      'FollowOrder',
      'Release',
    ]);
  });

  it('1. Me: the caller and the demo sellers and stores', async () => {
    const { viewer } = await run(ops.get('Me')!);
    expect(viewer.subject).toBe('anonymous');
    expect(viewer.sellers.map((s: Data) => s.sellerId)).toContain('A1MQMW3JWPNCBX');
    expect(viewer.stores).toContainEqual(expect.objectContaining({ name: '8speed-US', status: 'NORMAL' }));
  });

  it('2. DemoTasks: the three tasks the ERP holds', async () => {
    const { fulfillmentTasks } = await run(ops.get('DemoTasks')!);
    expect(fulfillmentTasks.map((t: Data) => t.taskId)).toEqual(['1003083', '1003085', '1003090']);
  });

  it('3. Confirm: a task, with the region taken from the ERP store', async () => {
    const data = await run(ops.get('Confirm')!);
    expect(userErrorsIn(data)).toEqual([]);
    expect(data.submitFulfillment.task.status).toBe('PENDING');
    taskId = data.submitFulfillment.task.taskId;
  });

  it('4. FollowTask, subscribed straight away: PENDING, IN_PROCESS, then DONE with its summary, and the stream ends', async () => {
    const op = ops.get('FollowTask')!;
    expect(op.document).toContain('"<the taskId>"');
    followTask = subscribe<Data>(client, op.document.replace('<the taskId>', taskId), {});
    await followTask.ended;
    expect(followTask.errors).toEqual([]);
    expect(statuses(followTask, 'fulfillmentTaskUpdated')).toEqual(['PENDING', 'IN_PROCESS', 'DONE']);
    expect(followTask.values.at(-1)!.fulfillmentTaskUpdated.summary).toEqual({
      processed: 1,
      successful: 1,
      withError: 0,
    });
  });

  it('5. CreateOnHold, FollowOrder, Release: RECEIVED, then PLANNING, PROCESSING and COMPLETE, and the stream ends; releasing again is NOT_UPDATABLE', async () => {
    const created = await run(ops.get('CreateOnHold')!);
    expect(userErrorsIn(created)).toEqual([]);
    expect(created.createFbaOutboundOrder.order.status).toBe('RECEIVED');
    const follow = subscribe<Data>(client, print(parse(ops.get('FollowOrder')!.document)), {});
    await follow.atLeast(1);
    expect(statuses(follow, 'fbaOutboundOrderUpdated')).toEqual(['RECEIVED']);
    expect(userErrorsIn(await run(ops.get('Release')!))).toEqual([]);
    await follow.ended;
    expect(follow.errors).toEqual([]);
    expect(statuses(follow, 'fbaOutboundOrderUpdated')).toEqual(['RECEIVED', 'PLANNING', 'PROCESSING', 'COMPLETE']);
    const again = await run(ops.get('Release')!);
    expect(userErrorsIn(again)).toEqual([expect.objectContaining({ code: 'NOT_UPDATABLE' })]);
  });
});

describe('docs/walkthrough.md, after the README', () => {
  const ops = operationsOf('docs/walkthrough.md');

  it('runs every operation as written, each with no error and no userError', async () => {
    const answers = new Map<string, Data>();
    for (const op of ops) {
      const data = await run(op);
      expect({ operation: op.name, userErrors: userErrorsIn(data) }).toEqual({ operation: op.name, userErrors: [] });
      answers.set(op.name, data);
    }
    expect(answers.get('Preview')!.fulfillmentPreview.length).toBeGreaterThan(0);
    expect(answers.get('ChangeIt')!.updateFbaOutboundOrder.order).toMatchObject({
      displayableOrderComment: 'Two became three',
      items: [{ sellerSku: 'DEMO-SKU-1', quantity: 3 }],
    });
    expect(answers.get('CancelIt')!.cancelFbaOutboundOrder.order.status).toBe('CANCELLED');
    // the shipment id and package number the page uses are the ones the delivered order shows
    const [shipment] = answers.get('Delivered')!.fbaOutboundOrder.shipments;
    expect(shipment).toMatchObject({ amazonShipmentId: 'D1002kXPQr', packages: [{ packageNumber: 1002 }] });
    expect(answers.get('Track')!.packageTracking.currentStatus).toBe('DELIVERED');
    expect(answers.get('Reasons')!.returnReasonCodes).toContainEqual(
      expect.objectContaining({ returnReasonCode: 'DEFECTIVE' }),
    );
    expect(answers.get('ReturnOne')!.createFbaFulfillmentReturn.returnItems).toEqual([
      expect.objectContaining({ sellerReturnItemId: 'return-1', status: 'NEW' }),
    ]);
  });
});

describe('stopping as the README says', () => {
  it('Ctrl-C (SIGINT) lets it finish, log "stopped" and exit 0', async () => {
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  });
});
