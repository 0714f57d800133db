import { join } from 'node:path';
import type { Db } from './db';
import { migrate } from './migrations';
import type * as PostgresModule from './postgres';
import { Repository } from './repository';
import { SqliteDb } from './sqlite';

export { Repository } from './repository';

/** PostgreSQL when DATABASE_URL is set (several replicas, one store), else SQLite under DATA_DIR. */
export async function openStore(options: {
  databaseUrl?: string;
  dataDir: string;
  pgSchema?: string;
}): Promise<Repository> {
  const db: Db = options.databaseUrl
    ? // pg is loaded only by a process that uses PostgreSQL
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      new (require('./postgres') as typeof PostgresModule).PostgresDb(options.databaseUrl, { schema: options.pgSchema })
    : new SqliteDb(options.dataDir === ':memory:' ? ':memory:' : join(options.dataDir, 'fulfillment-graph.sqlite'));
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return new Repository(db);
}
