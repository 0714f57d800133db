/**
 * The narrow database surface the repository needs, implemented for embedded SQLite
 * (`node:sqlite`, built into Node 24: no native addon) and PostgreSQL (`pg`). SQL is written once,
 * in the common dialect, with `$1, $2, …` placeholders.
 */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  query(sql: string, params?: SqlValue[]): Promise<Row[]>;
  /** Runs `fn` in one transaction; with `lock`, serialised against other processes (migrations). */
  transaction<T>(fn: (tx: Pick<Db, 'query'>) => Promise<T>, options?: { lock?: boolean }): Promise<T>;
  /** Runs `fn` while holding the named lock, across every process that shares this database. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
