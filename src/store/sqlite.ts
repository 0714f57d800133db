import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Db, Row, SqlValue } from './db';

/**
 * Embedded SQLite: one file under DATA_DIR, WAL journal, for a single gateway process. Queries are
 * synchronous under the hood; transactions are serialised through a promise chain so an `await`
 * inside one never interleaves with another.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly db: DatabaseSync;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
  }

  private run(sql: string, params: SqlValue[]): Row[] {
    const statement = this.db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
    return statement.all(...params) as Row[];
  }

  async query(sql: string, params: SqlValue[] = []): Promise<Row[]> {
    await this.chain; // never run between the statements of someone else's transaction
    return this.run(sql, params);
  }

  transaction<T>(fn: (tx: Pick<Db, 'query'>) => Promise<T>): Promise<T> {
    const turn = this.chain.then(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn({ query: async (sql, params = []) => this.run(sql, params) });
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  async close(): Promise<void> {
    await this.chain;
    this.db.close();
  }
}
