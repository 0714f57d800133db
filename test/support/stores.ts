import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The two stores every store-dependent suite runs against. PostgreSQL is the one on this machine
 * (127.0.0.1:5432, database `test`; override with TEST_DATABASE_URL); each test store gets its own
 * schema, dropped afterwards.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

export interface TestStoreEnv {
  /** environment for loadConfig: DATABASE_URL or DATA_DIR */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function testStoreEnv(kind: StoreKind): Promise<TestStoreEnv> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'fg-store-'));
    return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is needed for the store tests: start it (see README) or set TEST_DATABASE_URL (${(error as Error).message})`,
      { cause: error },
    );
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: url.toString() },
    cleanup: async () => {
      const c = new Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`); // the durable jobs (pg-boss) beside it
      await c.end();
    },
  };
}
