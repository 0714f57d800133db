import { Pool, types } from 'pg';
import type { Db, Row, SqlValue } from './db';

// INT8 (count(*)) as a JS number: our counts are small
types.setTypeParser(20, (v) => Number(v));

/** PostgreSQL through a `pg` pool: for several gateway replicas sharing one store. */
export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;
  private readonly pool: Pool;

  constructor(connectionString: string, options: { schema?: string; max?: number } = {}) {
    this.pool = new Pool({
      connectionString,
      max: options.max ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
  }

  async query(sql: string, params: SqlValue[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  async transaction<T>(fn: (tx: Pick<Db, 'query'>) => Promise<T>, options: { lock?: boolean } = {}): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // one advisory lock id for "schema changes of this service": replicas migrate one at a time
      if (options.lock) await client.query('SELECT pg_advisory_xact_lock(727274601)');
      const result = await fn({ query: async (sql, params = []) => (await client.query(sql, params)).rows as Row[] });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A session-level advisory lock on a dedicated connection, keyed by the name's hash. */
  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      }
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
