import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';

/** how long a lock holder may keep a lock before others may take it (it died) */
const LOCK_LEASE_MS = 30_000;
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
    this.db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;',
    );
    // engine plumbing, not schema: the lease rows behind withLock
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS _locks (name TEXT PRIMARY KEY, owner TEXT NOT NULL, lease_until INTEGER NOT NULL)',
    );
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

  private readonly locks = new Map<string, Promise<unknown>>();

  /**
   * A lease row per name, so two processes on one database file also take turns; a holder that
   * died loses the lock when its lease runs out. Within the process, a promise chain per name.
   */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const turn = (this.locks.get(name) ?? Promise.resolve()).then(async () => {
      const owner = randomUUID();
      for (;;) {
        const now = Date.now();
        this.run(
          `INSERT INTO _locks (name, owner, lease_until) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until WHERE _locks.lease_until < $4`,
          [name, owner, now + LOCK_LEASE_MS, now],
        );
        if (this.run('SELECT owner FROM _locks WHERE name = $1', [name])[0]?.owner === owner) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      try {
        return await fn();
      } finally {
        this.run('DELETE FROM _locks WHERE name = $1 AND owner = $2', [name, owner]);
      }
    });
    this.locks.set(
      name,
      turn.catch(() => undefined),
    );
    return turn;
  }

  async close(): Promise<void> {
    await this.chain;
    this.db.close();
  }
}
