import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { request } from 'undici';
import { DEMO_SELLER, orderInput, TEST_JWT_SECRET, testToken } from '../support/harness';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { launchChromium, offlineContext } from '../support/browser';

/**
 * The IDE as a frontend developer meets it: the gateway started as `npm start` starts it, with
 * authentication on, opened in a real browser that cannot reach anything but this machine.
 */
jest.setTimeout(120_000);

let server: ServerProcess;
let browser: Browser;
let token: string;

beforeAll(async () => {
  server = await startServerProcess({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fg-ide-')),
    AUTH_MODE: 'jwt',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
  });
  browser = await launchChromium();
  token = await testToken({
    sub: 'ide-tester',
    sellers: [DEMO_SELLER],
    stores: ['8speed-US'],
    scope: 'fulfillment:read fulfillment:write',
  });
});

afterAll(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  await server?.exited;
});

/** Replaces a Monaco editor's text, as a person pasting would (no auto-closed brackets). */
async function setEditor(page: Page, container: string, text: string): Promise<void> {
  await page.locator(`${container} .monaco-editor`).first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Runs the operation once the IDE has read its name from the editor (its tab is named after it). */
async function run(page: Page, operationName: string): Promise<void> {
  await page.locator('.graphiql-tab', { hasText: operationName }).waitFor();
  await page.locator('.graphiql-execute-button').click();
}

const response = (page: Page) => page.locator('.graphiql-response');

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const res = await request(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.body.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

async function openIde(): Promise<{ page: Page; outside: string[] }> {
  const { context, outside } = await offlineContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
  // with authentication on, the page opens on the headers editor: the token goes there
  await setEditor(
    page,
    '.graphiql-editor-tool .graphiql-editor:not(.hidden)',
    JSON.stringify({ Authorization: `Bearer ${token}` }),
  );
  return { page, outside };
}

describe('the IDE on GET /graphql, offline', () => {
  it('loads with nothing from outside this machine, and the schema loads into the docs explorer once the token is pasted', async () => {
    const { page, outside } = await openIde();
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().waitFor({ timeout: 30_000 });
    // the schema's own types are there, not only the root names
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('viewer', { exact: true }).first().waitFor();
    // for those online: the same endpoint in Apollo Sandbox, one click away (not followed here)
    expect(await page.getByRole('link', { name: 'Open in Apollo Sandbox' }).getAttribute('href')).toBe(
      `https://studio.apollographql.com/sandbox/explorer?endpoint=${encodeURIComponent(server.url)}`,
    );
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('runs a typed query with the bearer token from the headers editor, and shows its answer', async () => {
    const { page, outside } = await openIde();
    await setEditor(page, '.graphiql-query-editor', 'query Me { viewer { subject stores { name status } } }');
    await run(page, 'Me');
    await response(page).getByText('"ide-tester"').waitFor({ timeout: 30_000 });
    await response(page).getByText('"8speed-US"').waitFor();
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('runs a subscription over graphql-ws with the same token, and shows an event the gateway pushes', async () => {
    const orderId = `IDE-${Date.now()}`;
    const created = await graphql(
      `
        mutation ($input: CreateFbaOutboundOrderInput!) {
          createFbaOutboundOrder(input: $input) {
            order {
              status
            }
            userErrors {
              message
            }
          }
        }
      `,
      { input: orderInput(orderId, { fulfillmentAction: 'HOLD' }) },
    );
    expect(created.data?.createFbaOutboundOrder).toEqual({ order: { status: 'RECEIVED' }, userErrors: [] });

    const { page, outside } = await openIde();
    await setEditor(
      page,
      '.graphiql-query-editor',
      `subscription Follow { fbaOutboundOrderUpdated(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "${orderId}") { sellerFulfillmentOrderId status } }`,
    );
    await run(page, 'Follow');
    // the first event: the order as it is now
    await response(page).getByText('"RECEIVED"').waitFor({ timeout: 30_000 });
    // released elsewhere: the change is pushed to the IDE
    const released = await graphql(
      `
        mutation ($input: UpdateFbaOutboundOrderInput!) {
          updateFbaOutboundOrder(input: $input) {
            userErrors {
              message
            }
          }
        }
      `,
      { input: { sellerId: DEMO_SELLER, sellerFulfillmentOrderId: orderId, fulfillmentAction: 'SHIP' } },
    );
    expect(released.data?.updateFbaOutboundOrder).toEqual({ userErrors: [] });
    await response(page).getByText('"PLANNING"').waitFor({ timeout: 30_000 });
    expect(outside).toEqual([]);
    await page.context().close();
  });
});

describe('the IDE over plain HTTP', () => {
  it('serves the page with a policy that lets it load nothing from elsewhere, and its assets compressed and revalidated', async () => {
    const page = await request(server.url, { headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const html = await page.body.text();
    expect(html).toContain('data-auth="jwt"');
    const script = /src="(graphql\/ide\/main\.js[^"]*)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await request(new URL(`/${script}`, server.url), { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    const etag = asset.headers.etag as string;
    await asset.body.dump();
    const again = await request(new URL(`/${script}`, server.url), { headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    await again.body.dump();
  });

  it('answers a GraphQL client that sends no operation with an error, not the page', async () => {
    const res = await request(server.url, { headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(await res.body.text()).not.toContain('<html');
  });

  it('serves only the built files under /graphql/ide/', async () => {
    for (const path of [
      '/graphql/ide/../../package.json',
      '/graphql/ide/%2e%2e%2fpackage.json',
      '/graphql/ide/nope.js',
    ]) {
      const res = await request(new URL(path, server.url));
      expect(res.statusCode).toBe(404);
      await res.body.dump();
    }
  });
});

describe('the IDE of a plain `npm start` (the sandboxes, authentication off)', () => {
  let open: ServerProcess;
  beforeAll(async () => {
    open = await startServerProcess({ DATA_DIR: mkdtempSync(join(tmpdir(), 'fg-ide-open-')) });
  });
  afterAll(async () => {
    open?.child.kill('SIGTERM');
    await open?.exited;
  });

  it('loads the schema with no token, and runs a query typed key by key', async () => {
    const { context, outside } = await offlineContext(browser);
    const page = await context.newPage();
    await page.goto(open.url);
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page
      .locator('.graphiql-doc-explorer')
      .getByText('Query', { exact: true })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-query-editor .monaco-editor').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // typed as a person types: the editor closes brackets, and typing the closing one steps over it
    await page.keyboard.type('query Typed { viewer { subject sellers { sellerId } } }');
    await run(page, 'Typed');
    await response(page).getByText('"anonymous"').waitFor({ timeout: 30_000 });
    await response(page).getByText(`"${DEMO_SELLER}"`).waitFor();
    expect(outside).toEqual([]);
    await context.close();
  });
});
